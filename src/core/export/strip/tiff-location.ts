/**
 * Location in a TIFF structure (a TIFF or RAW file, a JPEG's APP1, a HEIF Exif item, a PNG eXIf chunk): the
 * GPS IFD is rewritten in place to hold only GPSVersionID, its values are zeroed, and an XMP packet in IFD0
 * is blanked. Nothing moves, so every offset in the file stays valid.
 */
import { u16, u32 } from "../../metadata/binary";
import { readTiffHeader, type TiffHeader } from "../../metadata/formats/tiff-directory";
import { GPS_POINTER } from "../../metadata/formats/tiff-rebuild";
import type { RangedFile } from "../../metadata/ranged-file";
import type { BytePatch } from "./byte-patch";
import { xmpLocationPatches } from "./xmp-location";

/** Bytes per value of each TIFF field type (as in tiff-directory.ts); 0 for unknown types. */
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
const MAX_ENTRIES = 1000;
const XMP_TAG = 0x02bc;
/** An XMP packet larger than this is not one (Adobe's own limit for a JPEG segment is 64 KB; TIFFs hold more). */
const MAX_XMP = 16 * 1024 * 1024;

interface RawEntry {
	tag: number;
	type: number;
	count: number;
	/** Absolute file offset of the value: inside the entry when it fits in 4 bytes, elsewhere otherwise. */
	valueAt: number;
	size: number;
}

interface RawIfd {
	/** Absolute file offset of the entry count. */
	at: number;
	entries: RawEntry[];
}

async function readRawIfd(file: RangedFile, header: TiffHeader, offset: number): Promise<RawIfd | null> {
	const at = header.base + offset;
	if (offset < 8 || at + 2 > file.size) return null;
	const le = header.littleEndian;
	const count = u16(await file.bytes(at, at + 2), 0, le);
	if (count === 0 || count > MAX_ENTRIES) return null;
	const table = await file.bytes(at + 2, at + 2 + count * 12);
	const entries: RawEntry[] = [];
	for (let i = 0; i + 12 <= table.length; i += 12) {
		const type = u16(table, i + 2, le), valueCount = u32(table, i + 4, le);
		const size = (TYPE_SIZES[type] ?? 0) * valueCount;
		const valueAt = size > 4 ? header.base + u32(table, i + 8, le) : at + 2 + i + 8;
		entries.push({ tag: u16(table, i, le), type, count: valueCount, valueAt, size });
	}
	return { at, entries };
}

/** The directory rewritten to one entry, GPSVersionID 2.2.0.0 (a valid, empty GPS IFD), then zeros; its values zeroed. */
function blankIfd(file: RangedFile, header: TiffHeader, ifd: RawIfd): BytePatch[] {
	const le = header.littleEndian;
	const table = new Uint8Array(2 + ifd.entries.length * 12 + 4);
	const view = new DataView(table.buffer);
	view.setUint16(0, 1, le);
	view.setUint16(2, 0, le); // GPSVersionID
	view.setUint16(4, 1, le); // BYTE
	view.setUint32(6, 4, le);
	table.set([2, 2, 0, 0], 10);
	const patches: BytePatch[] = [{ offset: ifd.at, bytes: table }];
	for (const entry of ifd.entries) {
		if (entry.size <= 4 || entry.valueAt + entry.size > file.size) continue;
		patches.push({ offset: entry.valueAt, bytes: new Uint8Array(entry.size) });
	}
	return patches;
}

export interface TiffLocationOptions {
	/** CR3 keeps the GPS directory as IFD0 of a TIFF structure of its own (the CMT4 box). */
	ifd0IsGps?: boolean;
}

/** Patches removing the location from the TIFF structure that starts at `base` in `file`; none when there is none. */
export async function tiffLocationPatches(file: RangedFile, base: number, options: TiffLocationOptions = {}): Promise<BytePatch[]> {
	const header = await readTiffHeader(file, base);
	if (!header) return [];
	const ifd0 = await readRawIfd(file, header, header.ifd0);
	if (!ifd0) return [];
	if (options.ifd0IsGps) return blankIfd(file, header, ifd0);
	const patches: BytePatch[] = [];
	const pointer = ifd0.entries.find((e) => e.tag === GPS_POINTER && (e.type === 4 || e.type === 13) && e.count === 1);
	if (pointer) {
		const gps = await readRawIfd(file, header, u32(await file.bytes(pointer.valueAt, pointer.valueAt + 4), 0, header.littleEndian));
		if (gps) patches.push(...blankIfd(file, header, gps));
	}
	const xmp = ifd0.entries.find((e) => e.tag === XMP_TAG && (e.type === 1 || e.type === 7) && e.size > 0 && e.size <= MAX_XMP);
	if (xmp) patches.push(...xmpLocationPatches(await file.bytes(xmp.valueAt, xmp.valueAt + xmp.size), xmp.valueAt));
	return patches;
}
