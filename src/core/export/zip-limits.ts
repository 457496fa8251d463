/**
 * The size of a ZIP archive before it is written, and the limits of ZIP without ZIP64, which fflate does not
 * write: every size and offset is a 32-bit field, the entry count a 16-bit one. An album larger than that is
 * exported in parts (export-plan.ts), each a complete archive under these limits.
 */
/** Offsets and sizes are 32-bit fields, and 0xFFFFFFFF itself means "see ZIP64". */
export const ZIP_MAX_BYTES = 0xfffffffe;
export const ZIP_MAX_ENTRIES = 65_535;
/**
 * What each part is planned to stay under by default: a round 4 GB, leaving 294 MB below the hard limit for
 * what a plan can only estimate (index.html, resized copies a little larger than their original).
 */
export const DEFAULT_PART_BYTES = 4_000_000_000;

/** Local header (30) and data descriptor (16) around each entry's bytes, its central directory record (46), the end record (22). */
const LOCAL_HEADER = 30, DATA_DESCRIPTOR = 16, CENTRAL_RECORD = 46;
export const ZIP_END_BYTES = 22;

export class ZipLimitError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "ZipLimitError";
	}
}

export interface PlannedEntry {
	name: string;
	/** Bytes before compression. */
	size: number;
	deflate: boolean;
}

/** Deflate never grows data by more than its stored-block framing: 5 bytes per 64 KiB block, plus a little. */
function storedBound(entry: PlannedEntry): number {
	return entry.deflate ? entry.size + 5 * Math.ceil(entry.size / 16_383 + 1) + 16 : entry.size;
}

const encoder = new TextEncoder();

/** What one entry adds to an archive: its headers (the name twice), its bytes (an upper bound when deflated), its descriptor. */
export function entryBytes(entry: PlannedEntry): number {
	const name = encoder.encode(entry.name).length;
	return LOCAL_HEADER + name + storedBound(entry) + DATA_DESCRIPTOR + CENTRAL_RECORD + name;
}

/** The archive's size in bytes (an upper bound where entries are deflated). */
export function zipSize(entries: readonly PlannedEntry[]): number {
	return entries.reduce((total, entry) => total + entryBytes(entry), ZIP_END_BYTES);
}
