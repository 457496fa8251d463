// The encrypting decorator's own promises, over a local folder: the passphrase is checked before any write, foreign files stay out of sight, damage is refused, ranges come back exact.
import { mkdir, readdir, readFile, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createNodeLocalFs } from "../../src/adapters/node/node-local-fs";
import { isCiphertextError } from "../../src/core/crypt/crypt-errors";
import { TargetError } from "../../src/core/model/target-error";
import type { Target, UploadBody } from "../../src/core/ports/target";
import { openEncryptedTarget } from "../../src/core/targets/encrypting-target";
import { createFolderTarget } from "../../src/core/targets/folder-target";
import { countRequests } from "../../src/core/verify/counting-target";
import { bytesBody, generatedBody, sha256Hex } from "../servers/upload-bodies";
import { tempDir } from "../support/temp-dir";
import { cipherFor } from "./encrypted-disk";

const PASSPHRASE = "our family's passphrase";
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

async function folder(): Promise<{ root: string; inner: Target }> {
	const root = await tempDir("pa-encrypting-");
	return { root, inner: createFolderTarget({ root, fs: createNodeLocalFs() }) };
}

/** The first `length` bytes `body` yields. */
async function prefix(body: UploadBody, length: number): Promise<Uint8Array> {
	const out = new Uint8Array(length);
	let at = 0;
	for await (const chunk of body.open()) {
		out.set(chunk.subarray(0, length - at), at);
		at += Math.min(chunk.length, length - at);
		if (at === length) break;
	}
	return out;
}

async function failure(promise: Promise<unknown>): Promise<TargetError> {
	const error: unknown = await promise.then(() => new Error("expected a TargetError, but it succeeded"), (e: unknown) => e);
	expect(error).toBeInstanceOf(TargetError);
	return error as TargetError;
}

/** Every file under `dir`, as "/"-separated relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
	return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

describe("openEncryptedTarget", () => {
	it("refuses another passphrase on a target holding encrypted files, having only listed its root", async () => {
		const { root, inner } = await folder();
		await (await openEncryptedTarget(inner, PASSPHRASE)).put("Photos/a.jpg", bytesBody(text("a photo")));
		const before = await filesUnder(root);
		const counting = countRequests(inner);
		const error = await failure(openEncryptedTarget(counting.target, "a wrong passphrase"));
		expect(error.code).toBe("auth");
		expect(error.stopsTarget).toBe(true);
		expect(error.message).toMatch(/passphrase does not open the files already on this target.*Nothing was written/);
		expect(counting.requests).toBe(1);
		expect(await filesUnder(root)).toEqual(before);
	});

	it("recognises its own target by the encrypted name of its .photo-archivist folder", async () => {
		const { inner } = await folder();
		const target = await openEncryptedTarget(inner, PASSPHRASE);
		await target.put(".photo-archivist/manifest.jsonl", bytesBody(text("{}\n")));
		await target.put("zz/only-a-folder-of-ours.jpg", bytesBody(text("x")));
		expect((await openEncryptedTarget(inner, PASSPHRASE)).capabilities).toEqual(inner.capabilities);
		expect((await failure(openEncryptedTarget(inner, "another one"))).code).toBe("auth");
	});

	it("accepts any passphrase on an empty target, or one holding only unencrypted files of others", async () => {
		const { root, inner } = await folder();
		await openEncryptedTarget(inner, "first");
		await mkdir(join(root, "Other things"));
		await writeFile(join(root, "notes.txt"), "not ours");
		const target = await openEncryptedTarget(inner, "second");
		expect(await target.list("")).toEqual({ files: [], folders: [] });
	});

	it("refuses to encrypt into a target that holds an unencrypted backup", async () => {
		const { root, inner } = await folder();
		await mkdir(join(root, ".photo-archivist"));
		await writeFile(join(root, ".photo-archivist", "manifest.jsonl"), "{}\n");
		const error = await failure(openEncryptedTarget(inner, PASSPHRASE));
		expect(error.code).toBe("refused");
		expect(error.message).toMatch(/already holds an unencrypted backup.*new, empty folder/);
	});

	it("refuses an empty passphrase", async () => {
		const { inner } = await folder();
		expect((await failure(openEncryptedTarget(inner, ""))).message).toMatch(/passphrase is empty/);
	});
});

describe("EncryptingTarget", () => {
	it("leaves files whose names do not decrypt out of listings", async () => {
		const { root, inner } = await folder();
		const target = await openEncryptedTarget(inner, PASSPHRASE);
		await target.put("Photos/ours.jpg", bytesBody(text("ours")));
		const { names } = await cipherFor(PASSPHRASE);
		const photos = join(root, names.encryptSegment("Photos"));
		await writeFile(join(photos, "foreign.jpg"), "someone else's");
		await writeFile(join(photos, "p0e52nreeaj0a5ea7s64m4j72s"), "another key's");
		await mkdir(join(root, "Foreign folder"));
		expect(await target.list("")).toEqual({ files: [], folders: ["Photos"] });
		expect((await target.list("Photos")).files.map((f) => [f.path, f.size])).toEqual([["Photos/ours.jpg", 4]]);
	});

	it("returns exactly the range asked for, across blocks, at the end, past the end", async () => {
		const { inner } = await folder();
		const target = await openEncryptedTarget(inner, PASSPHRASE);
		const data = new Uint8Array(300_001).map((_, i) => (i * 17 + 3) % 256);
		await target.put("r/photo.jpg", bytesBody(data, 50_000));
		const ranges: [number, number][] = [[0, 1], [65_535, 65_537], [65_536, 131_072], [100_000, 300_001], [299_990, 400_000], [131_072, 131_073], [300_001, 300_100], [10, 10]];
		for (const [start, end] of ranges) {
			expect(sha256Hex(await target.read("r/photo.jpg", { start, end })), `${start}-${end}`).toBe(sha256Hex(data.subarray(start, end)));
		}
		expect((await failure(target.read("r/missing.jpg", { start: 70_000, end: 80_000 }))).code).toBe("not-found");
	});

	it("reads a file put again at its path by another device, not the old file's nonce it noted", async () => {
		const { inner } = await folder();
		const [here, elsewhere] = [await openEncryptedTarget(inner, PASSPHRASE), await openEncryptedTarget(inner, PASSPHRASE)];
		const [first, second] = [generatedBody(200_000, { seed: 1 }), generatedBody(200_000, { seed: 2 })];
		await here.put("m/manifest.bin", first);
		expect(sha256Hex(await here.read("m/manifest.bin", { start: 70_000, end: 140_000 }))).toBe(sha256Hex((await prefix(first, 140_000)).subarray(70_000)));
		await elsewhere.remove("m/manifest.bin");
		await elsewhere.put("m/manifest.bin", second);
		expect(sha256Hex(await here.read("m/manifest.bin", { start: 70_000, end: 140_000 }))).toBe(sha256Hex((await prefix(second, 140_000)).subarray(70_000)));
	});

	it("refuses damaged ciphertext with the photo's name, and reports a cut-short file's size as impossible", async () => {
		const { root, inner } = await folder();
		const target = await openEncryptedTarget(inner, PASSPHRASE);
		const data = generatedBody(200_000, { seed: 8 });
		await target.put("d/flipped.jpg", data);
		await target.put("d/cut.jpg", data);
		const { names } = await cipherFor(PASSPHRASE);
		const onDisk = (path: string): string => join(root, ...names.encryptPath(path).split("/"));
		const bytes = await readFile(onDisk("d/flipped.jpg"));
		bytes[150_000] = (bytes[150_000] ?? 0) ^ 0x01;
		await writeFile(onDisk("d/flipped.jpg"), bytes);
		await truncate(onDisk("d/cut.jpg"), 32 + 65_552 + 10);

		const whole = await failure(target.read("d/flipped.jpg"));
		expect(whole.code).toBe("refused");
		expect(whole.message).toMatch(/^d\/flipped\.jpg on the target could not be decrypted: block 2 does not authenticate.*damaged/);
		expect(isCiphertextError(whole)).toBe(true);
		expect((await failure(target.read("d/flipped.jpg", { start: 140_000, end: 140_001 }))).code).toBe("refused");
		// The blocks before the damage still open on their own: a ranged read that does not reach it succeeds.
		expect(sha256Hex(await target.read("d/flipped.jpg", { start: 0, end: 131_072 }))).toBe(sha256Hex(await prefix(data, 131_072)));
		expect(await target.stat("d/cut.jpg")).toMatchObject({ path: "d/cut.jpg", size: -1 });
		expect((await target.list("d")).files.map((f) => [f.path, f.size]).sort()).toEqual([["d/cut.jpg", -1], ["d/flipped.jpg", 200_000]]);
		expect((await failure(target.read("d/cut.jpg"))).message).toMatch(/block 1 is cut short/);
	});

	it("names the photo, not its encrypted name, in the errors of the target below", async () => {
		const { inner } = await folder();
		const target = await openEncryptedTarget(inner, PASSPHRASE);
		await target.put("keep/photo.jpg", bytesBody(text("one")));
		const { names } = await cipherFor(PASSPHRASE);
		const error = await failure(target.put("keep/photo.jpg", bytesBody(text("two"))));
		expect(error.code).toBe("exists");
		expect(error.message).toContain("keep/photo.jpg");
		expect(error.message).not.toContain(names.encryptSegment("photo.jpg"));
	});

	it("refuses a path no target may use, and a name too long to store once encrypted", async () => {
		const { inner } = await folder();
		const target = await openEncryptedTarget(inner, PASSPHRASE);
		expect((await failure(target.put("../escape.jpg", bytesBody(text("x"))))).code).toBe("refused");
		expect((await failure(target.stat("a//b.jpg"))).code).toBe("refused");
		expect((await failure(target.put(`${"é".repeat(80)}.jpg`, bytesBody(text("x"))))).message).toMatch(/too long to store encrypted/);
		await target.put(`${"n".repeat(139)}.jpg`, bytesBody(text("143 bytes fit")));
	});
});
