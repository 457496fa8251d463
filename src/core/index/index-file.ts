/**
 * The index on disk, version 3: binary and in columns, so 100,000 photos load in a fraction of a second (see
 * stored-records.ts for why the objects, not the bytes, are what costs). A sectioned file (sectioned-file.ts)
 * with the magic "PAIX"; its header holds the record count, the usual notes prefix and the table of repeated
 * strings (makes, models, lenses, MIME types, taken-time sources). The sections: `paths` (UTF-8, each ended by a
 * NUL, sorted), `sha256` (64 hex characters each), `size` and `mtimeMs` (float64 each), `taken` (UTF-8) with
 * `takenAt` (uint32 offsets, count + 1), one float64 column per numeric metadata field (NaN for none) and one
 * uint32 column of string-table places per repeated one, and as JSON the rare ones: `notes` ([row, note path]
 * for notes away from their usual place) and `missing` ([row, missingSince, offloadedAt or null]). About 265
 * bytes a photo. Versions 1 and 2 (photo-index.jsonl) are still read.
 */
import { PhotoArchivistError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import type { FileContent } from "../util/line-reader";
import { TimeSlicer, type Pause } from "../util/time-slices";
import { INDEX_FORMAT, parseLegacyIndex } from "./legacy-index-file";
import { asBytes, ByteBuilder, hasMagic, LITTLE_ENDIAN, SectionReader, SectionWriter, type SectionedHeader } from "./sectioned-file";
import { PhotoIndex } from "./photo-index";
import { NONE, NUMBER_FIELDS, TABLED_FIELDS, storedRecordMaker, storedRowFinder, type MetaColumns, type NumberField, type TabledField } from "./stored-records";

export { LEGACY_INDEX_FILE_NAME } from "./legacy-index-file";
export const INDEX_FILE_NAME = "photo-index.bin";
const VERSION = 3;
const MAGIC = [0x50, 0x41, 0x49, 0x58]; // "PAIX"
const SHA_LENGTH = 64;
/** Paths are decoded about this many bytes at a time, so no single step blocks a UI for long. */
const PATH_PIECE = 1 << 19;

interface Header extends SectionedHeader {
	format: string;
	version: number;
	count: number;
	notes: string;
	strings: string[];
}

function corrupt(why: string): PhotoArchivistError {
	return new PhotoArchivistError("corrupt", `index file is damaged (${why})`);
}

function byPath(a: PhotoRecord, b: PhotoRecord): number {
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** What most notes start with, read off the first record whose note sits at its usual place. */
function notesPrefix(records: readonly PhotoRecord[]): string {
	for (const r of records) {
		if (r.note.endsWith(`/${r.path}.md`)) return r.note.slice(0, r.note.length - r.path.length - 3);
	}
	return "";
}

/** The file's bytes: records sorted by path, so the order is stable and a planner finds them sorted already. */
export function serializeIndex(records: Iterable<PhotoRecord>): Uint8Array {
	if (!LITTLE_ENDIAN) throw new PhotoArchivistError("io", "the photo index is written on little-endian machines only");
	const sorted = [...records].sort(byPath);
	const count = sorted.length;
	const notes = notesPrefix(sorted);
	const strings: string[] = [];
	const places = new Map<string, number>();
	const place = (value: string | null | undefined): number => {
		if (typeof value !== "string") return NONE;
		let at = places.get(value);
		if (at === undefined) {
			at = strings.length;
			strings.push(value);
			places.set(value, at);
		}
		return at;
	};
	const size = new Float64Array(count);
	const mtimeMs = new Float64Array(count);
	const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, new Float64Array(count)])) as Record<NumberField, Float64Array>;
	const tabled = Object.fromEntries(TABLED_FIELDS.map((f) => [f, new Uint32Array(count)])) as Record<TabledField, Uint32Array>;
	const takenAt = new Uint32Array(count + 1);
	const taken = new ByteBuilder();
	const customNotes: Array<[number, string]> = [];
	const missing: Array<[number, string, string | null]> = [];
	const storedRow = storedRowFinder();
	// A loaded table's places, renumbered into this file's table once per string, not once per photo.
	const renumbered = new Map<readonly string[], number[]>();
	sorted.forEach((r, row) => {
		size[row] = r.size;
		mtimeMs[row] = r.mtimeMs;
		if (r.note !== notes + r.path + ".md") customNotes.push([row, r.note]);
		if (r.missingSince !== undefined) missing.push([row, r.missingSince, r.offloadedAt ?? null]);
		const stored = storedRow(r);
		if (stored !== undefined) {
			// Metadata not decoded since the load: copied across column to column, never turned into objects.
			const { columns, row: from } = stored;
			for (const field of NUMBER_FIELDS) numbers[field][row] = columns.numbers[field][from] as number;
			let places = renumbered.get(columns.strings);
			if (places === undefined) renumbered.set(columns.strings, (places = columns.strings.map((t) => place(t))));
			for (const field of TABLED_FIELDS) tabled[field][row] = places[columns.tabled[field][from] as number] ?? NONE;
			taken.addBytes(columns.taken.subarray(columns.takenAt[from], columns.takenAt[from + 1]));
		} else {
			const meta = r.meta;
			for (const field of NUMBER_FIELDS) {
				const value = meta[field];
				numbers[field][row] = typeof value === "number" ? value : Number.NaN;
			}
			for (const field of TABLED_FIELDS) tabled[field][row] = place(meta[field]);
			taken.addText(meta.taken ?? "");
		}
		takenAt[row + 1] = taken.length;
	});
	const encoder = new TextEncoder();
	const writer = new SectionWriter();
	writer.add("paths", encoder.encode(sorted.map((r) => r.path + "\0").join("")));
	writer.add("sha256", encoder.encode(sorted.map((r) => r.sha256).join("")));
	writer.add("size", asBytes(size));
	writer.add("mtimeMs", asBytes(mtimeMs));
	writer.add("taken", taken.bytes());
	writer.add("takenAt", asBytes(takenAt));
	for (const field of NUMBER_FIELDS) writer.add(`number:${field}`, asBytes(numbers[field]));
	for (const field of TABLED_FIELDS) writer.add(`tabled:${field}`, asBytes(tabled[field]));
	writer.add("notes", encoder.encode(JSON.stringify(customNotes)));
	writer.add("missing", encoder.encode(JSON.stringify(missing)));
	return writer.finish(MAGIC, VERSION, { format: INDEX_FORMAT, version: VERSION, count, notes, strings });
}

export function isBinaryIndex(content: FileContent): content is Uint8Array {
	return typeof content !== "string" && hasMagic(content, MAGIC);
}

/** Opens a version 3 file: its sections, and a header checked for what the index needs. */
function openIndexFile(bytes: Uint8Array): SectionReader<Header> {
	const sections = new SectionReader<Header>(bytes, VERSION, corrupt);
	const header = sections.header;
	if (header?.format !== INDEX_FORMAT || header.version !== VERSION) throw corrupt("not a photo index");
	if (!Number.isInteger(header.count) || header.count < 0) throw corrupt("no record count");
	if (!Array.isArray(header.strings) || header.strings.some((t) => typeof t !== "string")) throw corrupt("its string table is not a list of strings");
	if (typeof header.notes !== "string") throw corrupt("no notes folder");
	return sections;
}

/** The NUL-ended paths, decoded a piece at a time (a NUL never occurs inside a UTF-8 character). */
async function readPaths(section: Uint8Array, slicer: TimeSlicer): Promise<string[]> {
	const decoder = new TextDecoder("utf-8", { fatal: true });
	const paths: string[] = [];
	let at = 0;
	while (at < section.byteLength) {
		const limit = Math.min(at + PATH_PIECE, section.byteLength);
		let end = section.lastIndexOf(0, limit - 1);
		if (end < at) end = section.indexOf(0, limit);
		if (end < 0) throw corrupt("its last path is not ended");
		let text: string;
		try {
			text = decoder.decode(section.subarray(at, end));
		} catch {
			throw corrupt("a path is not UTF-8");
		}
		for (const path of text.split("\0")) paths.push(path);
		at = end + 1;
		await slicer.checkpoint();
	}
	return paths;
}

/**
 * Reads an index file into a PhotoIndex: version 3 from its bytes, versions 1 and 2 from their text or bytes.
 * `pause` is awaited between slices so a host with a UI can paint; omit it where nothing else is waiting (the
 * CLI). Throws PhotoArchivistError "corrupt".
 */
export async function readIndexFile(content: FileContent, pause?: Pause): Promise<PhotoIndex> {
	const index = new PhotoIndex();
	if (!isBinaryIndex(content)) {
		for (const record of await parseLegacyIndex(content, pause)) index.put(record);
		return index;
	}
	const slicer = new TimeSlicer(pause);
	const sections = openIndexFile(content);
	const header = sections.header;
	const count = header.count;
	const paths = await readPaths(sections.raw("paths"), slicer);
	if (paths.length !== count) throw corrupt(`expected ${count} photos, found ${paths.length}`);
	const shaBytes = sections.raw("sha256", count * SHA_LENGTH);
	const size = sections.float64("size", count);
	const mtimeMs = sections.float64("mtimeMs", count);
	const numbers = {} as Record<NumberField, Float64Array>;
	for (const field of NUMBER_FIELDS) numbers[field] = sections.float64(`number:${field}`, count);
	const tabled = {} as Record<TabledField, Uint32Array>;
	for (const field of TABLED_FIELDS) tabled[field] = sections.uint32(`tabled:${field}`, count);
	const rows: PhotoRecord[] = [];
	const columns: MetaColumns = { rows, numbers, tabled, strings: header.strings, taken: sections.raw("taken"), takenAt: sections.uint32("takenAt", count + 1) };
	const customNotes = sections.json<Array<[number, string]>>("notes");
	const missing = sections.json<Array<[number, string, string | null]>>("missing");
	const make = storedRecordMaker(columns, header.notes);
	const shaDecoder = new TextDecoder();
	// Hashes are decoded 4,096 at a time (256 KB, large enough to be kept outside the young generation the
	// collector copies): each record keeps a slice of that text, not a copy.
	const SHA_PIECE = 4096;
	let shas = "";
	for (let row = 0; row < count; row++) {
		const path = paths[row] as string;
		if (row > 0 && !((paths[row - 1] as string) < path)) throw corrupt(`its paths are not in order at row ${row}`);
		const within = row % SHA_PIECE;
		if (within === 0) shas = shaDecoder.decode(shaBytes.subarray(row * SHA_LENGTH, Math.min(count, row + SHA_PIECE) * SHA_LENGTH));
		rows.push(make(path, size[row] as number, mtimeMs[row] as number, shas.slice(within * SHA_LENGTH, (within + 1) * SHA_LENGTH)));
		if (slicer.due()) await slicer.yield();
	}
	const recordAt = (row: unknown, what: string): PhotoRecord => {
		const record = typeof row === "number" ? rows[row] : undefined;
		if (record === undefined) throw corrupt(`its ${what} section names no photo of the index`);
		return record;
	};
	for (const [row, note] of customNotes) {
		if (typeof note !== "string") throw corrupt("a note path is not text");
		recordAt(row, "notes").note = note;
	}
	for (const [row, since, offloadedAt] of missing) {
		if (typeof since !== "string") throw corrupt("a missing photo has no time");
		const record = recordAt(row, "missing");
		record.missingSince = since;
		if (typeof offloadedAt === "string") record.offloadedAt = offloadedAt;
	}
	index.adoptLoaded(rows);
	return index;
}

/** The records of an index file, in file order. Throws PhotoArchivistError "corrupt". */
export async function parseIndex(content: FileContent, pause?: Pause): Promise<PhotoRecord[]> {
	if (!isBinaryIndex(content)) return parseLegacyIndex(content, pause);
	return [...(await readIndexFile(content, pause)).values()];
}
