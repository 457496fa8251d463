// The encrypted upload body: one nonce for its life, so a retry or a resumed upload from any offset gets exactly the bytes a first full read had there.
import { describe, expect, it } from "vitest";
import { ContentCipher } from "../../../src/core/crypt/content-cipher";
import { BLOCK_SIZE, encryptedSize, HEADER_SIZE } from "../../../src/core/crypt/crypt-format";
import { encryptedBody } from "../../../src/core/crypt/encrypted-body";
import type { UploadBody } from "../../../src/core/ports/target";
import { BodyChangedError } from "../../../src/core/targets/watched-body";
import { generatedBody, sha256Hex } from "../../servers/upload-bodies";

const cipher = new ContentCipher(new Uint8Array(32).fill(9));

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const part of source) parts.push(part.slice());
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

describe("encryptedBody", () => {
	it("declares the ciphertext size and yields a file that opens to the plaintext", async () => {
		const plain = generatedBody(200_000, { seed: 4, chunkSize: 9_999 });
		const body = encryptedBody(cipher, plain);
		expect(body.size).toBe(encryptedSize(200_000));
		const file = await collect(body.open());
		expect(file.length).toBe(body.size);
		expect(sha256Hex(cipher.decryptFile(file))).toBe(sha256Hex(await collect(plain.open())));
	});

	it("yields from any offset exactly the bytes a full read has there", async () => {
		const body = encryptedBody(cipher, generatedBody(3 * 65_536 + 500, { seed: 5, chunkSize: 30_000 }));
		const full = await collect(body.open());
		const starts = [0, 1, 31, HEADER_SIZE, HEADER_SIZE + 1, HEADER_SIZE + BLOCK_SIZE - 1, HEADER_SIZE + BLOCK_SIZE, HEADER_SIZE + 2 * BLOCK_SIZE + 17, body.size - 1, body.size];
		for (const start of starts) expect(sha256Hex(await collect(body.open(start))), `from ${start}`).toBe(sha256Hex(full.subarray(start)));
		expect(sha256Hex(await collect(body.open()))).toBe(sha256Hex(full));
	});

	it("uses a fresh nonce for each body, so equal photos never share ciphertext", async () => {
		const plain = generatedBody(1000, { seed: 6 });
		const [a, b] = [await collect(encryptedBody(cipher, plain).open()), await collect(encryptedBody(cipher, plain).open())];
		expect(sha256Hex(a.subarray(8, HEADER_SIZE))).not.toBe(sha256Hex(b.subarray(8, HEADER_SIZE)));
		expect(sha256Hex(cipher.decryptFile(a))).toBe(sha256Hex(cipher.decryptFile(b)));
	});

	it("encrypts an empty file to its header alone", async () => {
		const file = await collect(encryptedBody(cipher, generatedBody(0)).open());
		expect(file.length).toBe(HEADER_SIZE);
		expect(cipher.decryptFile(file)).toEqual(new Uint8Array());
	});

	it("throws BodyChangedError, in the photo's own bytes, when the source yields more or less than it declared", async () => {
		const lying = (declared: number, actual: number): UploadBody => ({
			size: declared,
			async *open(start = 0) {
				yield new Uint8Array(actual - start);
			},
		});
		await expect(collect(encryptedBody(cipher, lying(1000, 1200)).open())).rejects.toMatchObject({ expected: 1000, actual: 1200 });
		const short = await collect(encryptedBody(cipher, lying(1000, 800)).open()).catch((e: unknown) => e);
		expect(short).toBeInstanceOf(BodyChangedError);
		expect(short).toMatchObject({ expected: 1000, actual: 800 });
	});
});
