/**
 * Upload bodies as the plugin's transports take them: one exact ArrayBuffer for requestUrl (it takes no
 * stream, and mobile has nothing else), or, for a large body on desktop, a StreamedBody that the request
 * patch sends through Node's HTTP, read from disk as it goes, so a video of any size is never held whole.
 */
import { StreamedBody, type StreamingTransport } from "../../adapters/obsidian/streamed-body";
import type { UploadBody } from "../../core/ports/target";
import type { EncodeBody } from "../../core/targets/webdav-http";

/** From this size on a body streams where it can: most photos stay on the one path of every other request; videos and the largest RAW files stream. */
export const STREAM_FROM_BYTES = 32 * 1024 * 1024;

export interface BodyStreaming {
	/** Loads the streaming transport, once, when the first large body comes; null where there is none. */
	load: () => Promise<StreamingTransport | null>;
	/** Bodies at least this large stream (default STREAM_FROM_BYTES). */
	fromBytes?: number;
}

/**
 * The encoder of the plugin's targets. Without streaming (mobile), every body is an exact ArrayBuffer, as
 * before; with it, so is every body below the threshold, because requestUrl remains the one path of
 * everything else and a small body costs little memory.
 */
export function obsidianBodyEncoder(streaming: BodyStreaming | null): EncodeBody {
	if (streaming === null) return exactArrayBuffer;
	const fromBytes = streaming.fromBytes ?? STREAM_FROM_BYTES;
	let transport: Promise<StreamingTransport | null> | undefined;
	return async (body) => {
		if (body.size < fromBytes) return exactArrayBuffer(body);
		transport ??= streaming.load();
		const send = await transport;
		return send === null ? exactArrayBuffer(body) : new StreamedBody(body, send);
	};
}

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
