/**
 * The records of a loaded index. A 100,000-photo index must load in a fraction of a second, and what costs is
 * not reading the file but keeping objects: every string and object a record holds is one more allocation the
 * garbage collector copies while the load runs. So a loaded record holds only what every pass over the library
 * reads (path, size, modification time, hash, missing or offloaded), while the metadata stays in the file's
 * columns until a record's `meta` is first read (a note being written, an album, an export): then it is
 * decoded and kept on that record. The note path, nearly always the usual one, is made from the path when read.
 *
 * `meta` and `note` are own, enumerable accessors with getters shared by a load, so a loaded record behaves as
 * a plain one everywhere: `{ ...record }` copies them, JSON and deep equality see every field, and assigning
 * either turns it into a plain value.
 */
import type { PhotoMetadata, TakenSource } from "../model/photo-metadata";
import type { PhotoRecord } from "../model/photo-record";
import { indexOfPath } from "./sorted-by-path";

/**
 * Numeric metadata, one column of 64-bit floats each (NaN for none), in a section named `number:<field>`. A
 * reader refuses a file that lacks one, so a new field needs a new file version (or to be read as all empty).
 */
export const NUMBER_FIELDS = [
	"focalLength", "aperture", "exposureTime", "iso", "latitude", "longitude", "altitude", "width", "height", "orientation", "duration",
] as const satisfies readonly (keyof PhotoMetadata)[];
/** Metadata that repeats across a library, one column of places in the string table each (NONE for none). */
export const TABLED_FIELDS = ["takenSource", "make", "model", "lens", "mime"] as const satisfies readonly (keyof PhotoMetadata)[];
export const NONE = 0xffffffff;

export type NumberField = (typeof NUMBER_FIELDS)[number];
export type TabledField = (typeof TABLED_FIELDS)[number];

/** What a loaded index keeps of the metadata, by row (the records' order in the file: by path). */
export interface MetaColumns {
	/** The load's records by row (sorted by path, as PhotoIndex keeps them): a record finds its row by its path. */
	rows: readonly PhotoRecord[];
	numbers: Readonly<Record<NumberField, Float64Array>>;
	tabled: Readonly<Record<TabledField, Uint32Array>>;
	strings: readonly string[];
	/** Taken times, UTF-8, row i from takenAt[i] to takenAt[i + 1] (empty: none). */
	taken: Uint8Array;
	takenAt: Uint32Array;
}

const textDecoder = new TextDecoder();

/** The metadata of one row, as a fresh object. */
export function metaAt(columns: MetaColumns, row: number): PhotoMetadata {
	const number = (field: NumberField): number | null => {
		const value = columns.numbers[field][row] as number;
		return Number.isNaN(value) ? null : value;
	};
	const text = (field: TabledField): string | null => columns.strings[columns.tabled[field][row] as number] ?? null;
	const takenFrom = columns.takenAt[row] as number;
	const takenTo = columns.takenAt[row + 1] as number;
	const meta: PhotoMetadata = {
		taken: takenTo > takenFrom ? textDecoder.decode(columns.taken.subarray(takenFrom, takenTo)) : null,
		takenSource: (text("takenSource") ?? "file") as TakenSource,
		make: text("make"),
		model: text("model"),
		lens: text("lens"),
		focalLength: number("focalLength"),
		aperture: number("aperture"),
		exposureTime: number("exposureTime"),
		iso: number("iso"),
		latitude: number("latitude"),
		longitude: number("longitude"),
		altitude: number("altitude"),
		width: number("width"),
		height: number("height"),
		orientation: number("orientation"),
		mime: text("mime") ?? "application/octet-stream",
	};
	// Optional: absent when unknown, as the metadata readers leave it.
	const duration = number("duration");
	if (duration !== null) meta.duration = duration;
	return meta;
}

/** Marks the getters of loaded records, so the index writer can copy metadata without keeping it. */
const loadedGetters = new WeakMap<object, MetaColumns>();

/** Turns a record's accessor into a plain value. */
function settle<K extends "meta" | "note">(record: PhotoRecord, key: K, value: PhotoRecord[K]): void {
	Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Makes the records of one load; `notes` is the usual notes prefix (a note at notes + path + ".md"). */
export function storedRecordMaker(columns: MetaColumns, notes: string): (path: string, size: number, mtimeMs: number, sha256: string) => PhotoRecord {
	const getMeta = function (this: PhotoRecord): PhotoMetadata {
		const row = indexOfPath(columns.rows, this.path);
		if (row < 0) throw new Error(`the index holds no metadata for ${this.path}`);
		const meta = metaAt(columns, row);
		settle(this, "meta", meta);
		return meta;
	};
	loadedGetters.set(getMeta, columns);
	const metaAccessor: PropertyDescriptor = {
		get: getMeta,
		set(this: PhotoRecord, value: PhotoMetadata) {
			settle(this, "meta", value);
		},
		enumerable: true,
		configurable: true,
	};
	const noteAccessor: PropertyDescriptor = {
		get(this: PhotoRecord): string {
			return notes + this.path + ".md";
		},
		set(this: PhotoRecord, value: string) {
			settle(this, "note", value);
		},
		enumerable: true,
		configurable: true,
	};
	return (path, size, mtimeMs, sha256) => {
		const record = { path, size, mtimeMs, sha256 } as PhotoRecord;
		// Shared getters: the records of a load keep one hidden class, as plain ones would.
		Object.defineProperty(record, "note", noteAccessor);
		Object.defineProperty(record, "meta", metaAccessor);
		return record;
	};
}

/** Where a loaded record's metadata still lies undecoded. */
export interface StoredRow {
	columns: MetaColumns;
	row: number;
}

/**
 * For one pass over records in path order (the index writer reads every photo's metadata): where each record's
 * metadata still lies undecoded in a load's columns, or undefined for a record that holds its own (decoded, or
 * never loaded). Rows are found by walking each load's sorted records in step, by binary search out of step.
 */
export function storedRowFinder(): (record: PhotoRecord) => StoredRow | undefined {
	const cursors = new Map<MetaColumns, number>();
	return (record) => {
		// Only compared, never called: the descriptor's getter tells an undecoded loaded record from any other.
		const getter = (Object.getOwnPropertyDescriptor(record, "meta") as { get?: object } | undefined)?.get;
		const columns = getter !== undefined ? loadedGetters.get(getter) : undefined;
		if (columns === undefined) return undefined;
		const rows = columns.rows;
		let row = cursors.get(columns) ?? 0;
		while (row < rows.length && (rows[row] as PhotoRecord).path < record.path) row++;
		if (rows[row]?.path !== record.path) row = indexOfPath(rows, record.path);
		if (row < 0) return undefined;
		cursors.set(columns, row);
		return { columns, row };
	};
}
