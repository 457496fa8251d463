/**
 * File contents in rclone's crypt format: streaming encryption in 64 KiB secretbox blocks (bounded memory
 * for any size, from any block on), and decryption of whole files or of whole blocks taken from a file.
 */
import { xsalsa20poly1305 } from "@noble/ciphers/salsa.js";
import { CiphertextError } from "./crypt-errors";
import { BLOCK_DATA_SIZE, BLOCK_SIZE, FILE_MAGIC, HEADER_SIZE, NONCE_SIZE, TAG_SIZE } from "./crypt-format";
import { incrementNonce, nonceForBlock } from "./nonce";

/** secretbox needs 32 bytes of scratch room ahead of its output. */
const SCRATCH = 32;

export class ContentCipher {
	constructor(private readonly dataKey: Uint8Array) {}

	/** A fresh random nonce for one file. */
	static randomNonce(): Uint8Array {
		return crypto.getRandomValues(new Uint8Array(NONCE_SIZE));
	}

	/** The 32 bytes every encrypted file starts with. */
	static header(fileNonce: Uint8Array): Uint8Array {
		const header = new Uint8Array(HEADER_SIZE);
		header.set(FILE_MAGIC);
		header.set(fileNonce, FILE_MAGIC.length);
		return header;
	}

	/** The nonce from an encrypted file's first bytes; throws CiphertextError when they are not an rclone crypt header. */
	static nonceOf(bytes: Uint8Array): Uint8Array {
		if (bytes.length < HEADER_SIZE) throw new CiphertextError(`it is too short to be an encrypted file (${bytes.length} bytes)`);
		for (let i = 0; i < FILE_MAGIC.length; i++) {
			if (bytes[i] !== FILE_MAGIC[i]) throw new CiphertextError("it is not an rclone crypt file (its header is wrong)");
		}
		return bytes.slice(FILE_MAGIC.length, HEADER_SIZE);
	}

	/**
	 * Encrypts the plaintext `source` yields, which starts at block `firstBlock` of the file, into sealed
	 * blocks (the header is not included). Holds one block of plaintext at a time whatever the chunk sizes;
	 * each yielded block is a fresh buffer the consumer may keep.
	 */
	async *encrypt(source: AsyncIterable<Uint8Array>, fileNonce: Uint8Array, firstBlock = 0): AsyncGenerator<Uint8Array> {
		const nonce = nonceForBlock(fileNonce, firstBlock);
		const pending = new Uint8Array(BLOCK_DATA_SIZE);
		let filled = 0;
		for await (const chunk of source) {
			let at = 0;
			while (at < chunk.length) {
				if (filled === 0 && chunk.length - at >= BLOCK_DATA_SIZE) {
					yield this.seal(chunk.subarray(at, at + BLOCK_DATA_SIZE), nonce);
					at += BLOCK_DATA_SIZE;
					continue;
				}
				const take = Math.min(BLOCK_DATA_SIZE - filled, chunk.length - at);
				pending.set(chunk.subarray(at, at + take), filled);
				filled += take;
				at += take;
				if (filled === BLOCK_DATA_SIZE) {
					yield this.seal(pending, nonce);
					filled = 0;
				}
			}
		}
		if (filled > 0) yield this.seal(pending.subarray(0, filled), nonce);
	}

	/** A whole encrypted file's plaintext; throws CiphertextError when any of it does not open. */
	decryptFile(file: Uint8Array): Uint8Array {
		const nonce = ContentCipher.nonceOf(file);
		return this.decryptBlocks(file.subarray(HEADER_SIZE), nonce, 0);
	}

	/**
	 * The plaintext of consecutive sealed blocks (`blocks` starts at a block's start, block `firstBlock` of
	 * the file; the last may be the file's short final block). Throws CiphertextError on any that does not open.
	 */
	decryptBlocks(blocks: Uint8Array, fileNonce: Uint8Array, firstBlock: number): Uint8Array {
		const count = Math.ceil(blocks.length / BLOCK_SIZE);
		if (count > 0 && blocks.length - (count - 1) * BLOCK_SIZE <= TAG_SIZE) throw new CiphertextError(`block ${firstBlock + count - 1} is cut short`);
		const plain = new Uint8Array(Math.max(0, blocks.length - count * TAG_SIZE));
		const scratch = new Uint8Array(Math.min(blocks.length, BLOCK_SIZE) + SCRATCH);
		const nonce = nonceForBlock(fileNonce, firstBlock);
		for (let i = 0; i < count; i++) {
			const sealed = blocks.subarray(i * BLOCK_SIZE, Math.min(blocks.length, (i + 1) * BLOCK_SIZE));
			let opened: Uint8Array;
			try {
				opened = xsalsa20poly1305(this.dataKey, nonce).decrypt(sealed, scratch.subarray(0, sealed.length + SCRATCH));
			} catch {
				throw new CiphertextError(`block ${firstBlock + i} does not authenticate (the bytes were changed, or another passphrase sealed them)`);
			}
			plain.set(opened, i * BLOCK_DATA_SIZE);
			incrementNonce(nonce);
		}
		return plain;
	}

	/** Seals one block with `nonce`, then moves the nonce on to the next block. */
	private seal(block: Uint8Array, nonce: Uint8Array): Uint8Array {
		const sealed = xsalsa20poly1305(this.dataKey, nonce).encrypt(block, new Uint8Array(block.length + SCRATCH));
		incrementNonce(nonce);
		return sealed;
	}
}
