/** Upload bodies as the targets send them: a slice from an offset, counted chunk by chunk, held to their size. */
import { PhotoArchivistError } from "../model/errors";
import type { UploadBody } from "../ports/target";

/** The source yielded more or fewer bytes than it said: the photo changed while it was being read. */
export class BodyChangedError extends PhotoArchivistError {
	constructor(
		readonly expected: number,
		readonly actual: number,
	) {
		super(
			"io",
			`The file changed while it was being uploaded (${expected} bytes were expected, ${actual > expected ? "more" : actual} were read).`,
		);
		this.name = "BodyChangedError";
	}
}

export interface WatchedBody extends UploadBody {
	/** What went wrong reading the source during the last `open`, if anything (the transport may hide it). */
	readonly sourceError: unknown;
}

/**
 * The bytes of `body` from `offset` to its end. Each stream calls `onChunk` with every chunk's length as
 * it is taken (the transport takes them as it sends), and throws BodyChangedError rather than yield a byte
 * more or end a byte short of the size: a request must never carry a body other than the one announced.
 */
export function watchedBody(body: UploadBody, offset: number, onChunk: (bytes: number) => void): WatchedBody {
	const size = body.size - offset;
	let sourceError: unknown;
	return {
		size,
		get sourceError() {
			return sourceError;
		},
		open(start = 0): AsyncIterable<Uint8Array> {
			sourceError = undefined;
			const expected = size - start;
			const source = body.open(offset + start);
			const failed = (error: unknown): unknown => (sourceError = error);
			return {
				async *[Symbol.asyncIterator]() {
					const chunks = source[Symbol.asyncIterator]();
					let seen = 0;
					try {
						for (;;) {
							// Only what the source throws is recorded: a transport that fails throws its own error in at the yield.
							let next: IteratorResult<Uint8Array>;
							try {
								next = await chunks.next();
							} catch (error) {
								throw failed(error);
							}
							if (next.done) break;
							const chunk = next.value;
							if (seen + chunk.byteLength > expected) throw failed(new BodyChangedError(body.size, offset + start + seen + chunk.byteLength));
							seen += chunk.byteLength;
							onChunk(chunk.byteLength);
							yield chunk;
						}
					} finally {
						await chunks.return?.();
					}
					if (seen !== expected) throw failed(new BodyChangedError(body.size, offset + start + seen));
				},
			};
		},
	};
}

/** The first `length` bytes of `body` from `start` (fewer if it ends sooner), without reading further. */
export async function readBodyRange(body: UploadBody, start: number, length: number): Promise<Uint8Array> {
	const out = new Uint8Array(length);
	let filled = 0;
	for await (const chunk of body.open(start)) {
		const take = Math.min(chunk.byteLength, length - filled);
		out.set(chunk.subarray(0, take), filled);
		filled += take;
		if (filled === length) break;
	}
	return filled === length ? out : out.subarray(0, filled);
}
