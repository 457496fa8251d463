/** Reading integers and four-character codes out of byte arrays without trusting their length. */

/** A view over `bytes`; every read past the end throws a RangeError that readers treat as "truncated". */
export function viewOf(bytes: Uint8Array): DataView {
	return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function u16(bytes: Uint8Array, at: number, littleEndian = false): number {
	return viewOf(bytes).getUint16(at, littleEndian);
}

export function u32(bytes: Uint8Array, at: number, littleEndian = false): number {
	return viewOf(bytes).getUint32(at, littleEndian);
}

/** Big-endian 64-bit unsigned; exact up to 2^53, which no file offset of ours exceeds. */
export function u64(bytes: Uint8Array, at: number): number {
	return u32(bytes, at) * 2 ** 32 + u32(bytes, at + 4);
}

/** Bytes as Latin-1 characters: right for four-character codes and ASCII signatures. */
export function latin1(bytes: Uint8Array, at: number, length: number): string {
	let text = "";
	const end = Math.min(bytes.length, at + length);
	for (let i = at; i < end; i++) text += String.fromCharCode(bytes[i] ?? 0);
	return text;
}

export function startsWith(bytes: Uint8Array, signature: readonly number[] | string, at = 0): boolean {
	const expected = typeof signature === "string" ? [...signature].map((c) => c.charCodeAt(0)) : signature;
	if (bytes.length < at + expected.length) return false;
	return expected.every((byte, i) => bytes[at + i] === byte);
}

export function utf8(bytes: Uint8Array): string {
	return new TextDecoder("utf-8").decode(bytes);
}

/** The first index of `needle` in `bytes` at or after `from`, or -1. */
export function indexOf(bytes: Uint8Array, needle: readonly number[], from = 0): number {
	outer: for (let i = from; i + needle.length <= bytes.length; i++) {
		for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
		return i;
	}
	return -1;
}
