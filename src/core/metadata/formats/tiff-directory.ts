/**
 * Image file directories (IFDs) of a TIFF-based file, read entry by entry through ranged reads. TIFF
 * offsets may point anywhere in the file (scanners often write IFD0 at the very end), so the file is never
 * read as one block; only the directories and the values of the entries asked for are fetched.
 */
import { u16, u32 } from "../binary";
import type { RangedFile } from "../ranged-file";

export interface IfdEntry {
	tag: number;
	type: number;
	count: number;
	/** The value's bytes in the file's byte order, whether stored in the entry or elsewhere. */
	value: Uint8Array;
}

/** Bytes per value of each TIFF 6.0 field type (plus 13, IFD, from TIFF tech note 1). 0: unknown type. */
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
const MAX_ENTRIES = 1000;
/** Values we fetch are small strings and rationals; anything bigger (maker notes, previews) is skipped. */
const MAX_VALUE = 64 * 1024;

export interface TiffHeader {
	littleEndian: boolean;
	/** Where the TIFF structure starts in the file; its offsets are relative to this. */
	base: number;
	ifd0: number;
}

/** The header at `base`: "II" or "MM", then any 16-bit magic (42 for TIFF, 0x55 for RW2, "RO" for ORF). */
export async function readTiffHeader(file: RangedFile, base = 0): Promise<TiffHeader | null> {
	const head = await file.bytes(base, base + 8);
	if (head.length < 8) return null;
	const order = String.fromCharCode(head[0] ?? 0, head[1] ?? 0);
	if (order !== "II" && order !== "MM") return null;
	const littleEndian = order === "II";
	return { littleEndian, base, ifd0: u32(head, 4, littleEndian) };
}

/**
 * The entries of the IFD at `offset` whose tags `wanted` accepts, with their values; null when there is no
 * readable IFD there. Entries of unknown type or with oversized values are left out.
 */
export async function readIfd(file: RangedFile, header: TiffHeader, offset: number, wanted: (tag: number) => boolean): Promise<IfdEntry[] | null> {
	const at = header.base + offset;
	if (offset < 8 || at + 2 > file.size) return null;
	const le = header.littleEndian;
	const count = u16(await file.bytes(at, at + 2), 0, le);
	if (count === 0 || count > MAX_ENTRIES) return null;
	const table = await file.bytes(at + 2, at + 2 + count * 12);
	const entries: IfdEntry[] = [];
	for (let i = 0; i + 12 <= table.length; i += 12) {
		const tag = u16(table, i, le), type = u16(table, i + 2, le), valueCount = u32(table, i + 4, le);
		const size = (TYPE_SIZES[type] ?? 0) * valueCount;
		if (!wanted(tag) || size === 0 || size > MAX_VALUE) continue;
		let value = table.subarray(i + 8, i + 8 + size);
		if (size > 4) {
			const start = header.base + u32(table, i + 8, le);
			value = await file.bytes(start, start + size);
			if (value.length < size) continue;
		}
		entries.push({ tag, type, count: valueCount, value });
	}
	return entries;
}

/** The first value of a SHORT or LONG entry (the types offsets and sizes use), or null. */
export function integerOf(entries: readonly IfdEntry[], tag: number, littleEndian: boolean): number | null {
	const entry = entries.find((e) => e.tag === tag);
	if (!entry) return null;
	if (entry.type === 3) return u16(entry.value, 0, littleEndian);
	if (entry.type === 4 || entry.type === 13) return u32(entry.value, 0, littleEndian);
	return null;
}

/** Every value of a LONG or IFD entry (SubIFDs lists several offsets). */
export function integersOf(entries: readonly IfdEntry[], tag: number, littleEndian: boolean): number[] {
	const entry = entries.find((e) => e.tag === tag);
	if (!entry || (entry.type !== 4 && entry.type !== 13)) return [];
	return Array.from({ length: entry.count }, (_, i) => u32(entry.value, i * 4, littleEndian));
}
