/**
 * An upload body encrypted on the fly. The nonce is fixed for the body's life, so every `open(start)` (a
 * retry, a resumed upload) yields exactly the bytes a first full read would have from that offset: the
 * offset's block is found, the plaintext re-read from that block's start and sealed again.
 */
import type { UploadBody } from "../ports/target";
import { BodyChangedError } from "../targets/watched-body";
import { ContentCipher } from "./content-cipher";
import { BLOCK_DATA_SIZE, BLOCK_SIZE, encryptedSize, HEADER_SIZE } from "./crypt-format";

export function encryptedBody(contents: ContentCipher, body: UploadBody, fileNonce: Uint8Array = ContentCipher.randomNonce()): UploadBody {
	const header = ContentCipher.header(fileNonce);
	const size = encryptedSize(body.size);
	return {
		size,
		async *open(start = 0) {
			if (start >= size) return;
			if (start < HEADER_SIZE) yield header.slice(start);
			const from = Math.max(0, start - HEADER_SIZE);
			const block = Math.floor(from / BLOCK_SIZE);
			let skip = from % BLOCK_SIZE;
			const plainStart = block * BLOCK_DATA_SIZE;
			for await (const sealed of contents.encrypt(counted(body, plainStart), fileNonce, block)) {
				yield skip === 0 ? sealed : sealed.subarray(skip);
				skip = 0;
			}
		},
	};
}

/** The plaintext from `start`, held to the size the body declared: a source that changed must not pass as the photo. */
async function* counted(body: UploadBody, start: number): AsyncGenerator<Uint8Array> {
	let seen = start;
	for await (const chunk of body.open(start)) {
		seen += chunk.length;
		if (seen > body.size) throw new BodyChangedError(body.size, seen);
		yield chunk;
	}
	if (seen !== body.size) throw new BodyChangedError(body.size, seen);
}
