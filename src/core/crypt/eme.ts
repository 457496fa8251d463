/**
 * EME (ECB-Mix-ECB, Halevi and Rogaway 2003), the wide-block mode rclone encrypts names with, over AES from
 * @noble/ciphers. Deterministic: one name always gives the same ciphertext, and names sharing a prefix share
 * none of their ciphertext. Follows rfjakob/eme, the Go package rclone uses, so names match byte for byte.
 */
import { ecb } from "@noble/ciphers/aes.js";

const BLOCK = 16;
/** rfjakob/eme's bound: at most 128 blocks (2 KiB). */
const MAX_BLOCKS = 128;

export type EmeDirection = "encrypt" | "decrypt";

/** Multiplication by 2 in GF(2^128), little-endian as in the EME-32 draft. */
function timesTwo(block: Uint8Array): Uint8Array {
	const out = new Uint8Array(BLOCK);
	out[0] = ((block[0] ?? 0) << 1) & 0xff;
	if ((block[BLOCK - 1] ?? 0) >= 0x80) out[0] ^= 135;
	for (let j = 1; j < BLOCK; j++) out[j] = (((block[j] ?? 0) << 1) | ((block[j - 1] ?? 0) >> 7)) & 0xff;
	return out;
}

function xorInto(target: Uint8Array, other: Uint8Array, at = 0): void {
	for (let i = 0; i < BLOCK; i++) target[at + i] = (target[at + i] ?? 0) ^ (other[i] ?? 0);
}

export class Eme {
	/** L = 2·AES(K, 0), the start of the mask series; the same whatever the direction. */
	private readonly l: Uint8Array;

	constructor(
		private readonly key: Uint8Array,
		private readonly tweak: Uint8Array,
	) {
		if (tweak.length !== BLOCK) throw new Error("EME needs a 16-byte tweak");
		this.l = timesTwo(this.aes("encrypt", new Uint8Array(BLOCK)));
	}

	/** `data`, a whole number (1 to 128) of 16-byte blocks, enciphered or deciphered; a new array. */
	transform(data: Uint8Array, direction: EmeDirection): Uint8Array {
		const m = data.length / BLOCK;
		if (!Number.isInteger(m) || m < 1 || m > MAX_BLOCKS) throw new Error(`EME works on 1 to ${MAX_BLOCKS} blocks of 16 bytes, not ${data.length} bytes`);
		// masks[j] = 2^j · L
		const masks = new Uint8Array(data.length);
		for (let j = 0, mask = this.l; j < m; j++, mask = timesTwo(mask)) masks.set(mask, j * BLOCK);

		const pp = data.slice();
		for (let j = 0; j < m; j++) xorInto(pp, masks.subarray(j * BLOCK, (j + 1) * BLOCK), j * BLOCK);
		const c = this.aes(direction, pp);

		const mp = this.tweak.slice();
		for (let j = 0; j < m; j++) xorInto(mp, c.subarray(j * BLOCK, (j + 1) * BLOCK));
		const mc = this.aes(direction, mp);
		let mix: Uint8Array = mp.slice();
		xorInto(mix, mc);
		for (let j = 1; j < m; j++) {
			mix = timesTwo(mix);
			xorInto(c, mix, j * BLOCK);
		}

		const first = mc.slice();
		xorInto(first, this.tweak);
		for (let j = 1; j < m; j++) xorInto(first, c.subarray(j * BLOCK, (j + 1) * BLOCK));
		c.set(first, 0);

		const out = this.aes(direction, c);
		for (let j = 0; j < m; j++) xorInto(out, masks.subarray(j * BLOCK, (j + 1) * BLOCK), j * BLOCK);
		return out;
	}

	/** AES on each 16-byte block of `blocks` (ECB without padding: EME's own mixing does the chaining). */
	private aes(direction: EmeDirection, blocks: Uint8Array): Uint8Array {
		const cipher = ecb(this.key, { disablePadding: true });
		return direction === "encrypt" ? cipher.encrypt(blocks) : cipher.decrypt(blocks);
	}
}
