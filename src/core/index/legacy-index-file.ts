/**
 * The index as versions 1 and 2 wrote it (photo-index.jsonl), read once to carry a library over to the binary
 * version 3 (index-file.ts): line-delimited JSON, one photo per line as a flat positional array. Line 1 is a
 * header with the format version and the record count; a file whose line count disagrees with its header was
 * cut short and is rejected as corrupt (the caller rebuilds). Version 1 nests the metadata and writes every
 * note path; version 2 names repeated strings by their place in the header's table.
 */
import { PhotoArchivistError } from "../model/errors";
import type { PhotoMetadata, TakenSource } from "../model/photo-metadata";
import type { PhotoRecord } from "../model/photo-record";
import { LineReader, type FileContent } from "../util/line-reader";
import { TimeSlicer, type Pause } from "../util/time-slices";

export const LEGACY_INDEX_FILE_NAME = "photo-index.jsonl";
export const INDEX_FORMAT = "photo-archivist-index";
const FORMAT = INDEX_FORMAT;
const VERSION = 2;

/**
 * Version 2: path, size, mtimeMs, sha256, note (null: at `notes` + path + ".md"), missingSince, offloadedAt, then
 * the metadata in decodeMeta's order, trailing nulls left out; makes, models, lenses, MIME types and taken-time
 * sources as a number: their place in the header's `strings`.
 */
const META_AT = 7;

interface Header {
	format: string;
	version: number;
	count: number;
	/** Version 2: the prefix of every note path left out of the lines. */
	notes?: string;
	/** Version 2: makes, models, lenses, MIME types, taken-time sources: each written once, for a whole library. */
	strings?: string[];
}

function corrupt(why: string): PhotoArchivistError {
	return new PhotoArchivistError("corrupt", `index file is damaged (${why})`);
}

/**
 * Makes, models, lenses and MIME types repeat across a library: one string each in memory, not one per photo.
 * Version 2 files name them by their place in the header's table; version 1 files spell them out.
 */
class Strings {
	private readonly seen = new Map<string, string>();

	constructor(private readonly table: readonly string[] | null) {}

	text(value: unknown, lineNo: number): string | null {
		if (this.table !== null) {
			if (value === null || value === undefined) return null;
			const text = typeof value === "number" ? this.table[value] : undefined;
			if (text === undefined) throw corrupt(`line ${lineNo} names no string of the table`);
			return text;
		}
		if (typeof value !== "string") return null;
		const known = this.seen.get(value);
		if (known !== undefined) return known;
		this.seen.set(value, value);
		return value;
	}
}

const number = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** One literal, always the same shape: records stay small and fast in memory (no `delete`, no dictionary mode). */
function decodeMeta(v: readonly unknown[], at: number, strings: Strings, lineNo: number): PhotoMetadata {
	const taken = v[at];
	const meta: PhotoMetadata = {
		taken: typeof taken === "string" ? taken : null,
		takenSource: (strings.text(v[at + 1], lineNo) ?? "file") as TakenSource,
		make: strings.text(v[at + 2], lineNo),
		model: strings.text(v[at + 3], lineNo),
		lens: strings.text(v[at + 4], lineNo),
		focalLength: number(v[at + 5]),
		aperture: number(v[at + 6]),
		exposureTime: number(v[at + 7]),
		iso: number(v[at + 8]),
		latitude: number(v[at + 9]),
		longitude: number(v[at + 10]),
		altitude: number(v[at + 11]),
		width: number(v[at + 12]),
		height: number(v[at + 13]),
		orientation: number(v[at + 14]),
		mime: strings.text(v[at + 15], lineNo) ?? "application/octet-stream",
	};
	// Optional: absent when unknown, as the metadata readers leave it.
	const duration = number(v[at + 16]);
	if (duration !== null) meta.duration = duration;
	return meta;
}

type Decode = (v: unknown[], lineNo: number) => PhotoRecord;

function decoder(header: Header): Decode {
	const strings = new Strings(header.version === 1 ? null : (header.strings ?? []));
	const v1 = header.version === 1;
	return (v, lineNo) => {
		const [path, size, mtimeMs, sha256, noteField, missingSince] = v;
		const offloadedAt = v1 ? v[7] : v[6];
		const note = noteField === null && !v1 && typeof path === "string" && header.notes !== undefined ? header.notes + path + ".md" : noteField;
		if (typeof path !== "string" || typeof size !== "number" || typeof mtimeMs !== "number" ||
			typeof sha256 !== "string" || typeof note !== "string") {
			throw corrupt(`line ${lineNo} has a field of the wrong type`);
		}
		if (v1 && !Array.isArray(v[6])) throw corrupt(`line ${lineNo}: metadata is not a list`);
		const meta = v1 ? decodeMeta(v[6] as unknown[], 0, strings, lineNo) : decodeMeta(v, META_AT, strings, lineNo);
		const record: PhotoRecord = { path, size, mtimeMs, sha256, note, meta };
		if (typeof missingSince === "string") record.missingSince = missingSince;
		if (typeof missingSince === "string" && typeof offloadedAt === "string") record.offloadedAt = offloadedAt;
		return record;
	};
}

function readHeader(lines: LineReader): Header {
	const first = lines.next();
	if (first === null) throw corrupt("no header");
	let header: Header;
	try {
		header = JSON.parse(first) as Header;
	} catch {
		throw corrupt("header is not JSON");
	}
	if (header?.format !== FORMAT) throw corrupt("not a photo index");
	if (header.version !== 1 && header.version !== VERSION) throw corrupt(`unknown version ${String(header.version)}`);
	if (header.strings !== undefined && (!Array.isArray(header.strings) || header.strings.some((t) => typeof t !== "string"))) {
		throw corrupt("its string table is not a list of strings");
	}
	return header;
}

/** Calls `each` with every record of the file, in slices (see TimeSlicer). Throws PhotoArchivistError "corrupt". */
async function eachRecord(content: FileContent, pause: Pause | undefined, each: (record: PhotoRecord) => void): Promise<void> {
	const lines = new LineReader(content);
	const header = readHeader(lines);
	const decode = decoder(header);
	const slicer = new TimeSlicer(pause);
	const minLength = header.version === 1 ? 7 : 5;
	let count = 0;
	for (let line = lines.next(), lineNo = 2; line !== null; line = lines.next(), lineNo++) {
		let v: unknown;
		try {
			v = JSON.parse(line);
		} catch {
			throw corrupt(`line ${lineNo} is not JSON`);
		}
		if (!Array.isArray(v) || v.length < minLength) throw corrupt(`line ${lineNo} is not a record`);
		each(decode(v, lineNo));
		count++;
		if (slicer.due()) await slicer.yield();
	}
	if (lines.unterminated) throw corrupt(`line ${count + 2} is cut short`);
	if (count !== header.count) throw corrupt(`expected ${header.count} photos, found ${count}`);
}

/** The records of a version 1 or 2 index file (its text or UTF-8 bytes), in file order. Throws PhotoArchivistError "corrupt". */
export async function parseLegacyIndex(content: FileContent, pause?: Pause): Promise<PhotoRecord[]> {
	const records: PhotoRecord[] = [];
	await eachRecord(content, pause, (record) => records.push(record));
	return records;
}
