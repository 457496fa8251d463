/** A ByteSource seen through a few cached windows, so format readers can ask for small pieces without a read each. */
import { describeError, PhotoArchivistError } from "../model/errors";
import type { ByteSource } from "../ports/byte-source";

/** Large enough for a JPEG's APPn segments or a box tree's headers in one read; small next to any photo. */
export const WINDOW_SIZE = 64 * 1024;
const WINDOWS_KEPT = 4;

interface Window {
	start: number;
	bytes: Uint8Array;
}

export class RangedFile {
	readonly size: number;
	private readonly windows: Window[] = [];
	private read = 0;

	constructor(private readonly source: ByteSource) {
		this.size = source.size;
	}

	/** Bytes fetched from the source so far (tests use it to prove the media data is never read). */
	get bytesRead(): number {
		return this.read;
	}

	/**
	 * The bytes of [start, end), clipped to the file. Fewer bytes than asked for means the file ends there.
	 * A failure of the source becomes an "io" error, which callers never mistake for a malformed file.
	 */
	async bytes(start: number, end: number): Promise<Uint8Array> {
		const from = Math.max(0, Math.min(start, this.size));
		const to = Math.max(from, Math.min(end, this.size));
		if (from === to) return new Uint8Array(0);
		const cached = this.windows.find((w) => w.start <= from && to <= w.start + w.bytes.length);
		if (cached) return cached.bytes.subarray(from - cached.start, to - cached.start);
		const fetchEnd = Math.min(this.size, Math.max(to, from + WINDOW_SIZE));
		const bytes = await this.fetch(from, fetchEnd);
		this.windows.unshift({ start: from, bytes });
		if (this.windows.length > WINDOWS_KEPT) this.windows.pop();
		return bytes.subarray(0, Math.min(bytes.length, to - from));
	}

	private async fetch(start: number, end: number): Promise<Uint8Array> {
		try {
			const bytes = await this.source.read({ start, end });
			this.read += bytes.length;
			return bytes;
		} catch (error) {
			throw new PhotoArchivistError("io", `could not read the file: ${describeError(error)}`, { cause: error });
		}
	}
}
