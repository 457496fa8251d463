// The rclone crypt format without rclone: sizes, nonces, base32hex, EME names and sealed blocks, against rclone's own published vectors and vectors made with rclone 1.60.
import { describe, expect, it } from "vitest";
import { decodeBase32Hex, encodeBase32Hex } from "../../../src/core/crypt/base32hex";
import { ContentCipher } from "../../../src/core/crypt/content-cipher";
import { createCryptCipher } from "../../../src/core/crypt/crypt-cipher";
import { CiphertextError } from "../../../src/core/crypt/crypt-errors";
import { BLOCK_DATA_SIZE, BLOCK_SIZE, cipherRangeFor, decryptedSize, encryptedSize, HEADER_SIZE, plainBytesWithin } from "../../../src/core/crypt/crypt-format";
import { looksEncrypted, NameCipher } from "../../../src/core/crypt/name-cipher";
import { incrementNonce, nonceForBlock } from "../../../src/core/crypt/nonce";
import { sha256Hex } from "../../servers/upload-bodies";

const hex = (text: string): Uint8Array => Uint8Array.from(text.match(/../g) ?? [], (byte) => parseInt(byte, 16));
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** rclone's TestEncryptSegmentBase32 vectors: the all-zero keys of an empty password. */
const ZERO_KEY_NAMES: [string, string][] = [
	["1", "p0e52nreeaj0a5ea7s64m4j72s"],
	["12", "l42g6771hnv3an9cgc8cr2n1ng"],
	["123", "qgm4avr35m5loi1th53ato71v0"],
	["123456789012345", "eeam3li4rnommi3a762h5n7meg"],
	["1234567890123456", "mijbj0frqf6ms7frcr6bd9h0env53jv96pjaaoirk7forcgpt70g"],
];

/** Made with rclone 1.60 (`rclone cryptdecode --reverse`, then `rclone copy` of a 13-byte file). */
const PASSPHRASE = "correct horse battery staple";
const RCLONE_NAMES: [string, string][] = [
	["Photos", "7c7ppe4jkq0ej5qh8mnekn7qk0"],
	["été #1.jpg", "bc4h5fqe2tqvglmg4or4fdlug4"],
	[".photo-archivist", "34kap84pt8s9t0cqvcrai3452rgn8v99vql7i2151ug16o12gdeg"],
	["日本の写真 📷.jpg", "hq4sg50lnatcudht4mig5nhvvtc8p7vmapco64mumbatieq9g280"],
	["hello.txt", "2hg60qedesor3egoruk7j32r54"],
];
const RCLONE_HELLO = hex("52434c4f4e450000dc22b26119a1dc1aa69b279db859d4ca00812759ff5aa667f8697d232ef076f191fa3db93d843d822ffa9c20de49b6c84f536d2370");

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const part of source) parts.push(part);
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

describe("sizes", () => {
	it("maps plaintext sizes to ciphertext sizes and back, as rclone's EncryptedSize and DecryptedSize do", () => {
		expect([0, 1, 65_535, 65_536, 65_537, 131_072].map(encryptedSize)).toEqual([32, 49, 65_583, 65_584, 65_601, 131_136]);
		for (const size of [0, 1, 15, 16, 17, 65_535, 65_536, 65_537, 3 * 65_536 + 100, 5_000_000]) expect(decryptedSize(encryptedSize(size))).toBe(size);
	});

	it("knows a cut-short file when it sees its size", () => {
		expect(decryptedSize(31)).toBeNull();
		expect(decryptedSize(HEADER_SIZE + 16)).toBeNull();
		expect(decryptedSize(HEADER_SIZE + BLOCK_SIZE + 5)).toBeNull();
		expect(decryptedSize(HEADER_SIZE + 17)).toBe(1);
	});

	it("finds the blocks covering a plaintext range, and the plaintext carried by a ciphertext prefix", () => {
		expect(cipherRangeFor(0, 1)).toEqual({ firstBlock: 0, start: 32, end: 32 + BLOCK_SIZE });
		expect(cipherRangeFor(BLOCK_DATA_SIZE - 1, BLOCK_DATA_SIZE + 1)).toEqual({ firstBlock: 0, start: 32, end: 32 + 2 * BLOCK_SIZE });
		expect(cipherRangeFor(2 * BLOCK_DATA_SIZE, 3 * BLOCK_DATA_SIZE)).toEqual({ firstBlock: 2, start: 32 + 2 * BLOCK_SIZE, end: 32 + 3 * BLOCK_SIZE });
		expect([0, 32, 48, 49, 32 + BLOCK_SIZE, 32 + BLOCK_SIZE + 20].map(plainBytesWithin)).toEqual([0, 0, 0, 1, BLOCK_DATA_SIZE, BLOCK_DATA_SIZE + 4]);
		expect(plainBytesWithin(encryptedSize(200_000))).toBe(200_000);
	});
});

describe("nonce", () => {
	it("counts up as one little-endian 24-byte number, carrying past the first 8 bytes as rclone's add does", () => {
		const start = hex("ffffffffffffffff" + "ff00" + "00".repeat(14));
		expect(nonceForBlock(start, 1)).toEqual(hex("0000000000000000" + "0001" + "00".repeat(14)));
		const stepped = nonceForBlock(start, 0);
		for (let i = 0; i < 300; i++) incrementNonce(stepped);
		expect(stepped).toEqual(nonceForBlock(start, 300));
		expect(nonceForBlock(hex("fe" + "00".repeat(23)), 2 ** 40 + 3)).toEqual(hex("01010000000100" + "00".repeat(17)));
	});
});

describe("base32hex", () => {
	it("encodes RFC 4648's vectors in lower case without padding, and decodes either case", () => {
		const vectors: [string, string][] = [["", ""], ["f", "co"], ["fo", "cpng"], ["foo", "cpnmu"], ["foob", "cpnmuog"], ["fooba", "cpnmuoj1"], ["foobar", "cpnmuoj1e8"]];
		for (const [plain, encoded] of vectors) {
			expect(encodeBase32Hex(ascii(plain))).toBe(encoded);
			expect(decodeBase32Hex(encoded)).toEqual(ascii(plain));
			expect(decodeBase32Hex(encoded.toUpperCase())).toEqual(ascii(plain));
		}
	});

	it("refuses what is not base32hex", () => {
		for (const bad of ["w", "abc", "cpnmuo", "cpnm=", "IMG_0001.jpg", "é"]) expect(decodeBase32Hex(bad), bad).toBeNull();
		expect(looksEncrypted("p0e52nreeaj0a5ea7s64m4j72s")).toBe(true);
		for (const plain of ["Photos", "IMG_0001.jpg", ".photo-archivist", "abcdefghij"]) expect(looksEncrypted(plain), plain).toBe(false);
	});
});

describe("names", () => {
	const zero = new NameCipher(new Uint8Array(32), new Uint8Array(16));

	it("encrypts segments exactly as rclone's own test vectors (all-zero keys)", () => {
		for (const [plain, encrypted] of ZERO_KEY_NAMES) {
			expect(zero.encryptSegment(plain)).toBe(encrypted);
			expect(zero.decryptSegment(encrypted)).toBe(plain);
			expect(zero.decryptSegment(encrypted.toUpperCase())).toBe(plain);
		}
		expect(zero.encryptPath("1/12/123")).toBe("p0e52nreeaj0a5ea7s64m4j72s/l42g6771hnv3an9cgc8cr2n1ng/qgm4avr35m5loi1th53ato71v0");
		expect(zero.encryptSegment("")).toBe("");
	});

	it("derives the keys from a passphrase as rclone does: names match what rclone 1.60 made", async () => {
		const { names } = await createCryptCipher(PASSPHRASE);
		for (const [plain, encrypted] of RCLONE_NAMES) {
			expect(names.encryptSegment(plain), plain).toBe(encrypted);
			expect(names.decryptSegment(encrypted)).toBe(plain);
		}
	});

	it("round-trips long, unicode and awkward names, and rejects names another key made", async () => {
		const { names: other } = await createCryptCipher("another passphrase");
		for (const name of ["a".repeat(140), "été café 日本の写真 📷🌅.jpg", "hash#tag %20 &=+;,'~[]().jpg", ".hidden", "x"]) {
			const encrypted = zero.encryptSegment(name);
			expect(zero.decryptSegment(encrypted)).toBe(name);
			expect(other.decryptSegment(encrypted)).toBeNull();
		}
		for (const foreign of ["IMG_0001.jpg", ".photo-archivist", ".IMG_1.JPG.pa-partial", "p0e52nreeaj0a5ea7s64m4j7"]) expect(zero.decryptSegment(foreign), foreign).toBeNull();
	});
});

describe("contents", () => {
	const key = new Uint8Array(32).map((_, i) => i * 7);
	const cipher = new ContentCipher(key);
	const nonce = new Uint8Array(24).map((_, i) => 250 + i);
	const data = new Uint8Array(3 * BLOCK_DATA_SIZE + 1234).map((_, i) => (i * 31) % 251);

	it("opens a file rclone 1.60 wrote", async () => {
		const { contents } = await createCryptCipher(PASSPHRASE);
		expect(new TextDecoder().decode(contents.decryptFile(RCLONE_HELLO))).toBe("hello rclone\n");
	});

	it("gives the same ciphertext whatever the chunk sizes, and opens it again", async () => {
		// Digests, not arrays: comparing 200 KB element by element takes the test runner seconds.
		const whole = await collect(cipher.encrypt(chunks(data, data.length), nonce));
		expect(whole.length).toBe(encryptedSize(data.length) - HEADER_SIZE);
		for (const size of [1000, BLOCK_DATA_SIZE, BLOCK_DATA_SIZE + 1, 7 * BLOCK_DATA_SIZE]) {
			expect(sha256Hex(await collect(cipher.encrypt(chunks(data, size), nonce)))).toBe(sha256Hex(whole));
		}
		const file = joined(ContentCipher.header(nonce), whole);
		expect(sha256Hex(cipher.decryptFile(file))).toBe(sha256Hex(data));
		expect(sha256Hex(cipher.decryptBlocks(whole.subarray(2 * BLOCK_SIZE), nonce, 2))).toBe(sha256Hex(data.subarray(2 * BLOCK_DATA_SIZE)));
	});

	it("refuses a flipped bit, a cut-short block, a wrong key and a wrong header, never returning bytes", async () => {
		const file = joined(ContentCipher.header(nonce), await collect(cipher.encrypt(chunks(data, BLOCK_DATA_SIZE), nonce)));
		const flipped = file.slice();
		flipped[HEADER_SIZE + BLOCK_SIZE + 100] = (flipped[HEADER_SIZE + BLOCK_SIZE + 100] ?? 0) ^ 1;
		expect(() => cipher.decryptFile(flipped)).toThrow(/block 1 does not authenticate/);
		expect(() => cipher.decryptFile(file.subarray(0, file.length - 1240))).toThrow(/block 3 is cut short/);
		expect(() => new ContentCipher(new Uint8Array(32)).decryptFile(file)).toThrow(CiphertextError);
		const badMagic = file.slice();
		badMagic[0] = 0x72;
		expect(() => cipher.decryptFile(badMagic)).toThrow(/not an rclone crypt file/);
		expect(() => cipher.decryptFile(file.subarray(0, 20))).toThrow(/too short/);
	});
});
