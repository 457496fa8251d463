/**
 * A ZIP archive written as a stream with fflate: entries go in one after the other, each read chunk by chunk
 * and handed on as soon as fflate has framed it, so memory holds a chunk, not a file. Pull-based: nothing
 * is read from an entry's body until the consumer asks for more bytes, which is the backpressure.
 *
 * fflate writes no ZIP64 (its Zip class puts 32-bit sizes and offsets and a 16-bit entry count, and nothing
 * else: see wzh/wzf in its source), so an archive must stay below 4 GiB and 65,535 entries. An album is
 * planned in parts within these limits before anything is written (export-plan.ts); the stream checks again
 * as it goes, in case a file grew meanwhile, and fails rather than write an archive no tool could open.
 */
import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from "fflate";
import { ZIP_MAX_BYTES, ZIP_MAX_ENTRIES, ZipLimitError } from "./zip-limits";

export interface ZipEntry {
	/** The path inside the archive, "/"-separated. */
	name: string;
	/** The modification time the unpacked file gets; ZIP keeps it as local wall-clock time, without a zone. */
	modified: Date;
	/** Deflate (text) or store (photos and videos, compressed already). */
	deflate: boolean;
	body: AsyncIterable<Uint8Array> | Uint8Array;
}

export interface ZipStreamOptions {
	signal?: AbortSignal;
	/** Called as each entry's last byte has been handed on. */
	onEntry?: (name: string, bytes: number) => void;
	/** The largest archive allowed (default and most: what ZIP without ZIP64 can address). */
	maxBytes?: number;
}

/** ZIP (DOS) times run from 1980 to 2107, fflate's to 2099; a scanned 1975 print gets the earliest one. */
function dosDate(date: Date): Date {
	const year = date.getFullYear();
	if (Number.isNaN(date.getTime()) || year < 1980) return new Date(1980, 0, 1);
	if (year > 2099) return new Date(2099, 11, 31, 23, 59, 58);
	return date;
}

async function* chunksOf(body: AsyncIterable<Uint8Array> | Uint8Array): AsyncGenerator<Uint8Array> {
	if (body instanceof Uint8Array) yield body;
	else yield* body;
}

/** The archive's bytes, entry after entry, then the central directory. */
export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>, options: ZipStreamOptions = {}): AsyncGenerator<Uint8Array> {
	const ready: Uint8Array[] = [];
	let failure: Error | null = null;
	let written = 0;
	const limit = Math.min(options.maxBytes ?? ZIP_MAX_BYTES, ZIP_MAX_BYTES);
	const zip = new Zip((error, chunk) => {
		if (error) failure = error;
		else ready.push(chunk);
	});
	/** What fflate has framed so far, handed on; fflate calls back synchronously, so this is everything pushed. */
	function* drain(): Generator<Uint8Array> {
		if (failure !== null) throw failure;
		while (ready.length > 0) {
			const chunk = ready.shift() as Uint8Array;
			written += chunk.length;
			if (written > limit) throw new ZipLimitError(`the archive grew past ${limit.toLocaleString("en-US")} bytes while it was written (a file grew since the export started)`);
			yield chunk;
		}
	}
	let count = 0;
	try {
		for await (const entry of entries) {
			if (++count > ZIP_MAX_ENTRIES) throw new ZipLimitError("a ZIP archive without ZIP64 holds at most 65,535 files");
			const file: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } = entry.deflate ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name);
			file.mtime = dosDate(entry.modified);
			zip.add(file);
			let size = 0;
			for await (const chunk of chunksOf(entry.body)) {
				options.signal?.throwIfAborted();
				if (chunk.length === 0) continue;
				size += chunk.length;
				file.push(chunk);
				yield* drain();
			}
			file.push(new Uint8Array(0), true);
			yield* drain();
			options.onEntry?.(entry.name, size);
		}
		zip.end();
		yield* drain();
	} finally {
		zip.terminate();
	}
}
