/**
 * rclone crypt's default name encoding: RFC 4648 base32 with the "extended hex" alphabet, lower case,
 * without "=" padding. Decoding accepts either case, as rclone does.
 */

const ALPHABET = "0123456789abcdefghijklmnopqrstuv";
const VALUES = new Map([...ALPHABET].flatMap((c, i) => [[c, i], [c.toUpperCase(), i]]));

export function encodeBase32Hex(bytes: Uint8Array): string {
	let out = "";
	let buffer = 0;
	let bits = 0;
	for (const byte of bytes) {
		buffer = ((buffer << 8) | byte) & 0xffff;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			out += ALPHABET[(buffer >> bits) & 31];
		}
	}
	if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
	return out;
}

/** The bytes `text` encodes, or null when it is not unpadded base32hex (a stray character, an impossible length). */
export function decodeBase32Hex(text: string): Uint8Array | null {
	// 8 characters carry 5 bytes; a last group of 1, 3 or 6 characters cannot end on a byte.
	if ([1, 3, 6].includes(text.length % 8)) return null;
	const out = new Uint8Array(Math.floor((text.length * 5) / 8));
	let buffer = 0;
	let bits = 0;
	let at = 0;
	for (const c of text) {
		const value = VALUES.get(c);
		if (value === undefined) return null;
		buffer = ((buffer << 5) | value) & 0xffff;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			out[at++] = (buffer >> bits) & 0xff;
		}
	}
	return out;
}
