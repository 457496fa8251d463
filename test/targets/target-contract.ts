// The Target conformance suite (restic-style): every target — folder, WebDAV on Apache, WebDAV on rclone — runs it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TargetError, type TargetErrorCode } from "../../src/core/model/target-error";
import type { Target } from "../../src/core/ports/target";
import { bytesBody, generatedBody, sha256Hex, streamSha256 } from "../servers/upload-bodies";

export interface TargetFixture {
	/** A target rooted in a fresh, empty folder of its own. */
	target: Target;
	/** The bytes at `path` read from the server's disk, not through the target; null when no file is there. */
	readBack(path: string): Promise<Uint8Array | null>;
	/** Every name in `folder` on the server's disk, hidden ones included; [] when the folder is missing. */
	listBack?(folder: string): Promise<string[]>;
	cleanup(): Promise<void>;
}

/** Names people give photos that break naive URL and path handling. */
export const AWKWARD_NAMES: readonly string[] = [
	"with space.jpg",
	"hash#tag.jpg",
	"percent%20literal.jpg",
	"amp&er=sand.jpg",
	"plus+sign.jpg",
	"semi;colon,comma'quote.jpg",
	"été café.jpg",
	"日本の写真.jpg",
	"emoji 📷🌅.jpg",
	"~tilde [brackets] (parens).jpg",
];

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

async function expectTargetError(promise: Promise<unknown>, code: TargetErrorCode): Promise<TargetError> {
	const error: unknown = await promise.then(
		() => new Error(`expected TargetError "${code}", but it succeeded`),
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(TargetError);
	expect((error as TargetError).code).toBe(code);
	return error as TargetError;
}

export function describeTargetContract(name: string, make: () => Promise<TargetFixture>): void {
	describe(`Target contract: ${name}`, () => {
		let f: TargetFixture;
		let target: Target;
		beforeEach(async () => {
			f = await make();
			target = f.target;
		});
		afterEach(async () => {
			await f.cleanup();
		});

		/** Names in `folder` as the target lists them and, when the fixture can, as the disk holds them. */
		const namesIn = async (folder: string): Promise<string[]> => {
			const listing = await target.list(folder);
			const names = [...listing.files.map((file) => file.path.slice(file.path.lastIndexOf("/") + 1)), ...listing.folders].sort();
			if (f.listBack) expect((await f.listBack(folder)).sort()).toEqual(names);
			return names;
		};

		it("stores a file: put returns it, stat, list and read see it, ranged reads too", async () => {
			const data = new Uint8Array(200_000).map((_, i) => (i * 13) % 256);
			const stored = await target.put("a/b/photo.jpg", bytesBody(data));
			expect(stored).toMatchObject({ path: "a/b/photo.jpg", size: data.length });
			expect(await target.stat("a/b/photo.jpg")).toMatchObject({ path: "a/b/photo.jpg", size: data.length });
			const listing = await target.list("a/b");
			expect(listing.folders).toEqual([]);
			expect(listing.files.map((file) => [file.path, file.size])).toEqual([["a/b/photo.jpg", data.length]]);
			expect(await target.list("a")).toEqual({ files: [], folders: ["b"] });
			expect(sha256Hex(await target.read("a/b/photo.jpg"))).toBe(sha256Hex(data));
			expect(Array.from(await target.read("a/b/photo.jpg", { start: 1000, end: 1010 }))).toEqual(Array.from(data.slice(1000, 1010)));
		});

		it("stores exactly the source's bytes, as read back from the server's disk", async () => {
			const body = generatedBody(3_000_000, { seed: 7 });
			await target.put("exact.bin", body);
			const onDisk = await f.readBack("exact.bin");
			expect(onDisk?.length).toBe(body.size);
			expect(sha256Hex(onDisk ?? new Uint8Array())).toBe(await streamSha256(body));
		});

		it("stores an empty file", async () => {
			expect(await target.put("empty.jpg", bytesBody(new Uint8Array()))).toMatchObject({ size: 0 });
			expect(await f.readBack("empty.jpg")).toEqual(new Uint8Array());
			expect(await target.stat("empty.jpg")).toMatchObject({ size: 0 });
		});

		it("creates every missing parent folder, and lists only direct children", async () => {
			await target.put("x/y/z/deep.jpg", bytesBody(bytes("deep")));
			await target.put("x/top.jpg", bytesBody(bytes("top")));
			expect(await target.list("")).toEqual({ files: [], folders: ["x"] });
			const x = await target.list("x");
			expect([x.files.map((file) => file.path), x.folders]).toEqual([["x/top.jpg"], ["y"]]);
			expect(await f.readBack("x/y/z/deep.jpg")).toEqual(bytes("deep"));
		});

		it("never replaces an existing file: throws exists, keeps its bytes, leaves no temporary", async () => {
			await target.put("keep/photo.jpg", bytesBody(bytes("the original")));
			await expectTargetError(target.put("keep/photo.jpg", bytesBody(bytes("something else entirely"))), "exists");
			expect(await f.readBack("keep/photo.jpg")).toEqual(bytes("the original"));
			expect(await namesIn("keep")).toEqual(["photo.jpg"]);
		});

		it("leaves nothing but the file itself after a put", async () => {
			await target.put("clean/one.jpg", bytesBody(bytes("one")));
			expect(await namesIn("clean")).toEqual(["one.jpg"]);
		});

		it("moves a file, within a folder and into another existing one", async () => {
			await target.put("m/a.jpg", bytesBody(bytes("moving")));
			await target.put("n/other.jpg", bytesBody(bytes("other")));
			await target.move("m/a.jpg", "m/b.jpg");
			expect(await target.stat("m/a.jpg")).toBeNull();
			expect(await target.stat("m/b.jpg")).toMatchObject({ path: "m/b.jpg", size: 6 });
			await target.move("m/b.jpg", "n/c.jpg");
			expect(await f.readBack("n/c.jpg")).toEqual(bytes("moving"));
			expect(await f.readBack("m/b.jpg")).toBeNull();
		});

		it("refuses to move onto an existing file and changes neither", async () => {
			await target.put("mv/from.jpg", bytesBody(bytes("from")));
			await target.put("mv/to.jpg", bytesBody(bytes("to")));
			await expectTargetError(target.move("mv/from.jpg", "mv/to.jpg"), "exists");
			expect(await f.readBack("mv/from.jpg")).toEqual(bytes("from"));
			expect(await f.readBack("mv/to.jpg")).toEqual(bytes("to"));
		});

		it("removes a file, and removing a missing one is fine", async () => {
			await target.put("rm/gone.jpg", bytesBody(bytes("gone")));
			await target.remove("rm/gone.jpg");
			expect(await target.stat("rm/gone.jpg")).toBeNull();
			expect(await f.readBack("rm/gone.jpg")).toBeNull();
			await target.remove("rm/gone.jpg");
			await target.remove("no/such/folder/file.jpg");
		});

		it("answers null, empty and not-found for what is not there", async () => {
			expect(await target.stat("missing.jpg")).toBeNull();
			expect(await target.stat("no/such/folder/missing.jpg")).toBeNull();
			expect(await target.list("no/such/folder")).toEqual({ files: [], folders: [] });
			await expectTargetError(target.read("missing.jpg"), "not-found");
		});

		it.each(AWKWARD_NAMES)("keeps the name %s exactly, in a folder with awkward characters too", async (awkward) => {
			const folder = "dir #%&+ é 日本 📷";
			const path = `${folder}/${awkward}`;
			const data = bytes(`content of ${awkward}`);
			expect(await target.put(path, bytesBody(data))).toMatchObject({ path, size: data.length });
			expect(await target.stat(path)).toMatchObject({ path, size: data.length });
			expect((await target.list(folder)).files.map((file) => file.path)).toEqual([path]);
			expect((await target.list("")).folders).toEqual([folder]);
			expect(await target.read(path)).toEqual(data);
			expect(await f.readBack(path)).toEqual(data);
			await target.move(path, `${folder}/moved ${awkward}`);
			expect(await f.readBack(`${folder}/moved ${awkward}`)).toEqual(data);
		});

		it("works with a body that is opened more than once, as a retry does", async () => {
			const body = generatedBody(500_000, { seed: 3 });
			const expected = await streamSha256(body);
			await target.put("twice/first.bin", body);
			await target.put("twice/second.bin", body);
			expect(body.opens).toBeGreaterThanOrEqual(3);
			for (const path of ["twice/first.bin", "twice/second.bin"]) expect(sha256Hex((await f.readBack(path)) ?? new Uint8Array())).toBe(expected);
		});

		it("leaves nothing under the final name when a put is aborted mid-body", async () => {
			const controller = new AbortController();
			const body = generatedBody(8_000_000, {
				onChunk: (handedOut) => {
					if (handedOut >= 1_000_000) controller.abort();
				},
			});
			await expectTargetError(target.put("aborted/big.bin", body, { signal: controller.signal }), "cancelled");
			expect(await target.stat("aborted/big.bin")).toBeNull();
			expect(await f.readBack("aborted/big.bin")).toBeNull();
			expect((await target.list("aborted")).files.map((file) => file.path)).not.toContain("aborted/big.bin");
		});

		it("streams a 20 MB body and reports every byte sent", async () => {
			const body = generatedBody(20 * 1024 * 1024, { seed: 20 });
			let reported = 0;
			const stored = await target.put("large/20mb.bin", body, { onBytes: (sent) => (reported += sent) });
			expect(stored.size).toBe(body.size);
			expect(reported).toBe(body.size);
			expect(sha256Hex((await f.readBack("large/20mb.bin")) ?? new Uint8Array())).toBe(await streamSha256(body));
		});

		it("reports quota as null or as non-negative numbers", async () => {
			expect(typeof target.capabilities.quota).toBe("boolean");
			expect(typeof target.capabilities.resumableUpload).toBe("boolean");
			const quota = await target.quota();
			if (quota === null) return;
			for (const value of [quota.available, quota.used]) {
				if (value === undefined) continue;
				expect(Number.isSafeInteger(value)).toBe(true);
				expect(value).toBeGreaterThanOrEqual(0);
			}
		});
	});
}
