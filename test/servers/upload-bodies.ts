/** UploadBody makers for target tests: from bytes in memory, or generated chunk by chunk and never held whole. */
import { createHash } from "node:crypto";
import type { UploadBody } from "../../src/core/ports/target";

export interface TestBody extends UploadBody {
	/** How many times open() was called. */
	readonly opens: number;
}

export interface GeneratedBodyOptions {
	seed?: number;
	chunkSize?: number;
	/** Called before each chunk is handed out, with the bytes handed out by this stream including it. */
	onChunk?: (handedOut: number) => void;
}

const DEFAULT_CHUNK = 64 * 1024;

export function sha256Hex(bytes: Uint8Array): string {
	return createHash("sha256").update(bytes).digest("hex");
}

/** The SHA-256 of everything one open() of `body` yields, read in bounded memory. */
export async function streamSha256(body: UploadBody): Promise<string> {
	const hash = createHash("sha256");
	for await (const chunk of body.open()) hash.update(chunk);
	return hash.digest("hex");
}

export function bytesBody(bytes: Uint8Array, chunkSize = DEFAULT_CHUNK): TestBody {
	let opens = 0;
	return {
		size: bytes.length,
		get opens() {
			return opens;
		},
		async *open(start = 0) {
			opens++;
			for (let at = start; at < bytes.length; at += chunkSize) yield bytes.slice(at, Math.min(bytes.length, at + chunkSize));
		},
	};
}

// Every 4 bytes are a hash of their position, so any stretch can be made without the bytes before it.
function fill(chunk: Uint8Array, position: number, seed: number): void {
	for (let i = 0; i < chunk.length; i++) {
		const at = position + i;
		let word = Math.imul((at >>> 2) ^ seed, 0x9e3779b1);
		word ^= word >>> 15;
		word = Math.imul(word, 0x85ebca77);
		word ^= word >>> 13;
		chunk[i] = (word >>> ((at & 3) * 8)) & 0xff;
	}
}

/** `size` pseudo-random bytes, the same for the same seed, made chunk by chunk on each open(). */
export function generatedBody(size: number, options: GeneratedBodyOptions = {}): TestBody {
	const { seed = 1, chunkSize = DEFAULT_CHUNK, onChunk } = options;
	let opens = 0;
	return {
		size,
		get opens() {
			return opens;
		},
		async *open(start = 0) {
			opens++;
			let handedOut = 0;
			for (let at = start; at < size; at += chunkSize) {
				// A fresh buffer per chunk: a consumer may keep a chunk while it waits to send it.
				const chunk = new Uint8Array(Math.min(chunkSize, size - at));
				fill(chunk, at, seed);
				handedOut += chunk.length;
				onChunk?.(handedOut);
				yield chunk;
			}
		},
	};
}
