/** CRC-32 (ISO 3309, the polynomial of PNG chunks and ZIP), for chunks whose check value must follow their patched bytes. */

const TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** The CRC-32 of the bytes of `parts`, taken one after the other. */
export function crc32(...parts: Uint8Array[]): number {
	let c = 0xffffffff;
	for (const part of parts) {
		for (const byte of part) c = (TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
	}
	return (c ^ 0xffffffff) >>> 0;
}
