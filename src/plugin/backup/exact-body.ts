/** An upload body as one exact ArrayBuffer: what Obsidian's requestUrl sends (it takes no stream, and mobile has none). */
import type { UploadBody } from "../../core/ports/target";

/**
 * Collects the body's stream into a buffer of exactly `body.size` bytes. A chunk is often a view into a
 * larger buffer (a slice of a read, Node's pooled Buffers): sending `chunk.buffer` would send the bytes
 * around the view too. A single chunk that fills its own buffer is passed on without a copy, which
 * matters on a phone, where the file is already held whole.
 */
export async function exactArrayBuffer(body: UploadBody): Promise<ArrayBuffer> {
	const chunks: Uint8Array[] = [];
	let length = 0;
	for await (const chunk of body.open()) {
		length += chunk.byteLength;
		if (length > body.size) break;
		chunks.push(chunk);
	}
	if (length !== body.size) {
		const found = length > body.size ? `more than ${body.size}` : String(length);
		throw new Error(`the file changed while it was being read: expected ${body.size} bytes, found ${found}`);
	}
	const only = chunks.length === 1 ? chunks[0] : undefined;
	if (only !== undefined && only.byteOffset === 0 && only.buffer instanceof ArrayBuffer && only.buffer.byteLength === length) {
		return only.buffer;
	}
	const bytes = new Uint8Array(length);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes.buffer;
}
