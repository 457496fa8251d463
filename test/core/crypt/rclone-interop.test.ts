// Both directions against Debian's rclone 1.60: rclone decrypts what the encrypting target wrote (contents byte for byte, names, folders) and the target reads what rclone wrote.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createNodeLocalFs } from "../../../src/adapters/node/node-local-fs";
import { createCryptCipher } from "../../../src/core/crypt/crypt-cipher";
import { TargetError } from "../../../src/core/model/target-error";
import type { Target } from "../../../src/core/ports/target";
import { openEncryptedTarget } from "../../../src/core/targets/encrypting-target";
import { createFolderTarget } from "../../../src/core/targets/folder-target";
import { requireBinary } from "../../servers/require-binary";
import { bytesBody, sha256Hex } from "../../servers/upload-bodies";
import { tempDir } from "../../support/temp-dir";
import { rcloneCrypt } from "./rclone-crypt";

const rclone = requireBinary("rclone");
const PASSPHRASE = "Grandma's photos 1987–2024 ✓";

function pseudoRandom(size: number, seed: number): Uint8Array {
	const out = new Uint8Array(size);
	let x = seed;
	for (let i = 0; i < size; i++) {
		x = (Math.imul(x, 1103515245) + 12345) >>> 0;
		out[i] = x >>> 24;
	}
	return out;
}

/** Sizes around the 64 KiB block, nested folders, names from every script a family uses. */
const FILES: [string, Uint8Array][] = [
	["Photos/2024/été #1.jpg", pseudoRandom(3_000_017, 1)],
	["Photos/empty.jpg", new Uint8Array()],
	["Photos/exactly 64 KiB.bin", pseudoRandom(65_536, 2)],
	["Photos/64 KiB + 1.bin", pseudoRandom(65_537, 3)],
	["Photos/one byte.bin", pseudoRandom(1, 4)],
	["日本の写真/📷 emoji & #hash [1] (2).jpg", pseudoRandom(1000, 5)],
	["a/b/c/d/deep.txt", new TextEncoder().encode("deep in the tree\n")],
	[".photo-archivist/manifest.jsonl", new TextEncoder().encode('{"format":"manifest"}\n')],
];

async function encryptedFolder(root: string, passphrase = PASSPHRASE): Promise<Target> {
	return openEncryptedTarget(createFolderTarget({ root, fs: createNodeLocalFs() }), passphrase);
}

/** Every file under `folder` through `target`, walking folder by folder: path → size. */
async function walk(target: Target, folder = ""): Promise<Map<string, number>> {
	const found = new Map<string, number>();
	const listing = await target.list(folder);
	for (const file of listing.files) found.set(file.path, file.size);
	for (const sub of listing.folders) for (const [path, size] of await walk(target, folder === "" ? sub : `${folder}/${sub}`)) found.set(path, size);
	return found;
}

describe.skipIf(rclone === null)("rclone crypt interoperability (rclone 1.60)", () => {
	const binary = rclone ?? "rclone";

	it("rclone lists, decrypts and checks byte for byte what the encrypting target wrote", async () => {
		const dir = await tempDir("pa-crypt-ours-");
		const [encrypted, plain, restored] = [join(dir, "encrypted"), join(dir, "plain"), join(dir, "restored")];
		await mkdir(encrypted);
		const target = await encryptedFolder(encrypted);
		for (const [path, data] of FILES) {
			// An odd chunk size: blocks are cut from the stream, not from the chunks.
			await target.put(path, bytesBody(data, 10_007));
			await mkdir(dirname(join(plain, path)), { recursive: true });
			await writeFile(join(plain, path), data);
		}
		const remote = await rcloneCrypt(binary, encrypted, PASSPHRASE);

		const listed = (await remote.text("lsf", "-R", "--files-only", ":crypt:")).split("\n").filter((line) => line !== "");
		expect(listed.sort()).toEqual(FILES.map(([path]) => path).sort());
		await remote.text("copy", ":crypt:", restored);
		for (const [path, data] of FILES) expect(sha256Hex(await readFile(join(restored, path))), path).toBe(sha256Hex(data));
		expect(sha256Hex(await remote.bytes("cat", ":crypt:Photos/2024/été #1.jpg"))).toBe(sha256Hex(FILES[0]?.[1] ?? new Uint8Array()));
		// cryptcheck re-encrypts each plain file with the nonce found in ours and compares the ciphertext's hash.
		await remote.text("cryptcheck", plain, ":crypt:");

		const { names } = await createCryptCipher(PASSPHRASE);
		const segments = ["Photos", "2024", "été #1.jpg", "日本の写真", "📷 emoji & #hash [1] (2).jpg", ".photo-archivist"];
		const reversed = await remote.text("cryptdecode", "--reverse", ":crypt:", ...segments);
		for (const segment of segments) expect(reversed).toContain(`${segment} \t ${names.encryptSegment(segment)}`);
	});

	it("the encrypting target lists and reads, whole and in ranges, what rclone wrote", async () => {
		const dir = await tempDir("pa-crypt-theirs-");
		const [encrypted, plain] = [join(dir, "encrypted"), join(dir, "plain")];
		for (const [path, data] of FILES) {
			await mkdir(dirname(join(plain, path)), { recursive: true });
			await writeFile(join(plain, path), data);
		}
		const remote = await rcloneCrypt(binary, encrypted, PASSPHRASE);
		await remote.text("copy", plain, ":crypt:");

		const target = await encryptedFolder(encrypted);
		expect(await walk(target)).toEqual(new Map(FILES.map(([path, data]) => [path, data.length])));
		for (const [path, data] of FILES) expect(sha256Hex(await target.read(path)), path).toBe(sha256Hex(data));
		const big = FILES[0]?.[1] ?? new Uint8Array();
		for (const [start, end] of [[0, 10], [65_530, 65_542], [131_072, 131_073], [1_000_000, 2_000_000], [2_999_990, 3_000_017], [2_999_990, 3_100_000]] as const) {
			expect(sha256Hex(await target.read("Photos/2024/été #1.jpg", { start, end })), `${start}-${end}`).toBe(sha256Hex(big.subarray(start, end)));
		}
	});

	it("refuses another passphrase on rclone's files before writing anything", async () => {
		const dir = await tempDir("pa-crypt-wrong-");
		await mkdir(join(dir, "plain"));
		await writeFile(join(dir, "plain", "photo.jpg"), pseudoRandom(5000, 9));
		await (await rcloneCrypt(binary, join(dir, "encrypted"), PASSPHRASE)).text("copy", join(dir, "plain"), ":crypt:");
		const error: unknown = await encryptedFolder(join(dir, "encrypted"), "not the passphrase").catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TargetError);
		expect((error as TargetError).code).toBe("auth");
		expect((error as TargetError).message).toContain("does not open the files already on this target");
	});
});
