/**
 * The index on disk: line-delimited JSON, one photo per line as a positional array, so 100,000 photos
 * stay compact (no repeated keys) and can be parsed in slices that never block the interface for long.
 * Line 1 is a header with the format version and the record count; a file whose line count disagrees
 * with its header was cut short and is rejected as corrupt (the caller rebuilds).
 */
import { PhotoArchivistError } from "../model/errors";
import type { PhotoMetadata, TakenSource } from "../model/photo-metadata";
import type { PhotoRecord } from "../model/photo-record";

export const INDEX_FILE_NAME = "photo-index.jsonl";
const FORMAT = "photo-archivist-index";
const VERSION = 1;

/** Field order of the metadata array. Appending a field is backward compatible; reordering needs a new VERSION. */
const META_FIELDS = [
	"taken", "takenSource", "make", "model", "lens", "focalLength", "aperture", "exposureTime", "iso",
	"latitude", "longitude", "altitude", "width", "height", "orientation", "mime", "duration",
] as const satisfies readonly (keyof PhotoMetadata)[];

interface Header {
	format: string;
	version: number;
	count: number;
}

function encodeRecord(r: PhotoRecord): string {
	const meta = META_FIELDS.map((f) => r.meta[f] ?? null);
	return JSON.stringify([r.path, r.size, r.mtimeMs, r.sha256, r.note, r.missingSince ?? null, meta, r.offloadedAt ?? null]);
}

export function serializeIndex(records: Iterable<PhotoRecord>): string {
	const lines: string[] = [];
	for (const r of records) lines.push(encodeRecord(r));
	const header: Header = { format: FORMAT, version: VERSION, count: lines.length };
	return JSON.stringify(header) + "\n" + lines.join("\n") + (lines.length > 0 ? "\n" : "");
}

function corrupt(why: string): PhotoArchivistError {
	return new PhotoArchivistError("corrupt", `index file is damaged (${why})`);
}

function decodeMeta(values: unknown): PhotoMetadata {
	if (!Array.isArray(values)) throw corrupt("metadata is not a list");
	const meta: Record<string, unknown> = {};
	META_FIELDS.forEach((field, i) => {
		meta[field] = values[i] ?? null;
	});
	// Optional fields stay absent when unknown, as the metadata readers leave them.
	if (meta.duration === null) delete meta.duration;
	if (typeof meta.mime !== "string") meta.mime = "application/octet-stream";
	if (typeof meta.takenSource !== "string") meta.takenSource = "file" satisfies TakenSource;
	return meta as unknown as PhotoMetadata;
}

function decodeRecord(line: string, lineNo: number): PhotoRecord {
	let v: unknown;
	try {
		v = JSON.parse(line);
	} catch {
		throw corrupt(`line ${lineNo} is not JSON`);
	}
	if (!Array.isArray(v) || v.length < 7) throw corrupt(`line ${lineNo} is not a record`);
	const [path, size, mtimeMs, sha256, note, missingSince, meta, offloadedAt] = v as unknown[];
	if (typeof path !== "string" || typeof size !== "number" || typeof mtimeMs !== "number" ||
		typeof sha256 !== "string" || typeof note !== "string") {
		throw corrupt(`line ${lineNo} has a field of the wrong type`);
	}
	const record: PhotoRecord = { path, size, mtimeMs, sha256, note, meta: decodeMeta(meta) };
	if (typeof missingSince === "string") record.missingSince = missingSince;
	if (typeof missingSince === "string" && typeof offloadedAt === "string") record.offloadedAt = offloadedAt;
	return record;
}

/** How many lines to parse before giving the host a chance to paint (see `pause`). */
const SLICE = 2000;

/**
 * Parses an index file. `pause` is awaited between slices so a host with a UI can yield to its event
 * loop; omit it where nothing else is waiting (the CLI). Throws PhotoArchivistError "corrupt".
 */
export async function parseIndex(text: string, pause?: () => Promise<void>): Promise<PhotoRecord[]> {
	const firstBreak = text.indexOf("\n");
	if (firstBreak < 0) throw corrupt("no header");
	let header: Header;
	try {
		header = JSON.parse(text.slice(0, firstBreak)) as Header;
	} catch {
		throw corrupt("header is not JSON");
	}
	if (header.format !== FORMAT) throw corrupt("not a photo index");
	if (header.version !== VERSION) throw corrupt(`unknown version ${String(header.version)}`);
	const records: PhotoRecord[] = [];
	let start = firstBreak + 1;
	let lineNo = 2;
	while (start < text.length) {
		const end = text.indexOf("\n", start);
		if (end < 0) throw corrupt(`line ${lineNo} is cut short`);
		records.push(decodeRecord(text.slice(start, end), lineNo));
		start = end + 1;
		lineNo++;
		if (pause && records.length % SLICE === 0) await pause();
	}
	if (records.length !== header.count) {
		throw corrupt(`expected ${header.count} photos, found ${records.length}`);
	}
	return records;
}
