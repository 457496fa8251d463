/**
 * rclone crypt's file layout: an 8-byte magic and a 24-byte nonce, then the plaintext in 64 KiB blocks,
 * each sealed with NaCl secretbox (16-byte tag in front). Sizes and offsets between plaintext and ciphertext.
 */

/** "RCLONE\0\0". */
export const FILE_MAGIC: Uint8Array = Uint8Array.of(0x52, 0x43, 0x4c, 0x4f, 0x4e, 0x45, 0x00, 0x00);
export const NONCE_SIZE = 24;
export const HEADER_SIZE = FILE_MAGIC.length + NONCE_SIZE;
/** secretbox's Poly1305 tag, sealed in front of each block's bytes. */
export const TAG_SIZE = 16;
export const BLOCK_DATA_SIZE = 64 * 1024;
export const BLOCK_SIZE = BLOCK_DATA_SIZE + TAG_SIZE;

/** The size of the encrypted file for `plainSize` bytes of plaintext. */
export function encryptedSize(plainSize: number): number {
	return HEADER_SIZE + plainSize + TAG_SIZE * Math.ceil(plainSize / BLOCK_DATA_SIZE);
}

/**
 * The plaintext size of an encrypted file of `cipherSize` bytes, or null when no encrypted file can have
 * that size (shorter than its header, or a last block with no byte after its tag): it was cut short.
 */
export function decryptedSize(cipherSize: number): number | null {
	const body = cipherSize - HEADER_SIZE;
	if (body < 0) return null;
	const blocks = Math.floor(body / BLOCK_SIZE);
	const residue = body % BLOCK_SIZE;
	if (residue !== 0 && residue <= TAG_SIZE) return null;
	return blocks * BLOCK_DATA_SIZE + (residue === 0 ? 0 : residue - TAG_SIZE);
}

/** Where plaintext block `block` starts in the encrypted file. */
export function blockOffset(block: number): number {
	return HEADER_SIZE + block * BLOCK_SIZE;
}

/** The whole blocks holding plaintext bytes [start, end): the first one, and their span in the encrypted file. */
export function cipherRangeFor(start: number, end: number): { firstBlock: number; start: number; end: number } {
	const firstBlock = Math.floor(start / BLOCK_DATA_SIZE);
	const lastBlock = Math.floor((end - 1) / BLOCK_DATA_SIZE);
	return { firstBlock, start: blockOffset(firstBlock), end: blockOffset(lastBlock + 1) };
}

/** How many plaintext bytes the first `cipherBytes` bytes of an encrypted file carry (whole or not). */
export function plainBytesWithin(cipherBytes: number): number {
	const body = cipherBytes - HEADER_SIZE;
	if (body <= 0) return 0;
	const blocks = Math.floor(body / BLOCK_SIZE);
	return blocks * BLOCK_DATA_SIZE + Math.max(0, (body % BLOCK_SIZE) - TAG_SIZE);
}
