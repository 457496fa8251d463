/**
 * rclone's content nonce: the file's random 24 bytes, read as one little-endian number that goes up by one
 * per 64 KiB block (so block n of a file is sealed with nonce + n).
 */

/** Adds one, carrying through all 24 bytes. */
export function incrementNonce(nonce: Uint8Array): void {
	for (let i = 0; i < nonce.length; i++) {
		nonce[i] = ((nonce[i] ?? 0) + 1) & 0xff;
		if (nonce[i] !== 0) return;
	}
}

/** A copy of `fileNonce` moved on by `block` (any safe integer), for sealing or opening that block. */
export function nonceForBlock(fileNonce: Uint8Array, block: number): Uint8Array {
	const nonce = fileNonce.slice();
	let carry = block;
	for (let i = 0; i < nonce.length && carry > 0; i++) {
		const sum = (nonce[i] ?? 0) + (carry % 256);
		nonce[i] = sum & 0xff;
		carry = Math.floor(carry / 256) + (sum >> 8);
	}
	return nonce;
}
