/**
 * A small TIFF built from chosen IFD entries, in the source's byte order: IFD0, then the Exif and GPS IFDs
 * it points to, then the values. It lets exifr decode directories that sat far apart in a large file from
 * one contiguous buffer of a few kilobytes, with every offset rewritten to the new layout.
 */
import { viewOf } from "../binary";
import type { IfdEntry } from "./tiff-directory";

export const EXIF_POINTER = 0x8769;
export const GPS_POINTER = 0x8825;

export interface Directories {
	ifd0: IfdEntry[];
	exif: IfdEntry[] | null;
	gps: IfdEntry[] | null;
}

function ifdSize(entries: readonly IfdEntry[]): number {
	return 2 + entries.length * 12 + 4;
}

/** IFD0 with its pointers to the sub-IFDs we copy, and none to those we do not. */
function withPointers(ifd0: readonly IfdEntry[], subIfds: readonly [number, IfdEntry[] | null][]): IfdEntry[] {
	const kept = ifd0.filter((e) => e.tag !== EXIF_POINTER && e.tag !== GPS_POINTER);
	for (const [tag, entries] of subIfds) {
		if (entries) kept.push({ tag, type: 4, count: 1, value: new Uint8Array(4) });
	}
	// TIFF requires entries in ascending tag order; readers may stop early otherwise.
	return kept.sort((a, b) => a.tag - b.tag);
}

export function rebuildTiff(littleEndian: boolean, { ifd0, exif, gps }: Directories): Uint8Array {
	const first = withPointers(ifd0, [[EXIF_POINTER, exif], [GPS_POINTER, gps]]);
	const ifds = [first, exif ?? [], gps ?? []];
	const ifdOffsets: number[] = [];
	let at = 8;
	for (const entries of ifds) {
		ifdOffsets.push(at);
		at += entries.length > 0 ? ifdSize(entries) : 0;
	}
	const valueOffsets = new Map<IfdEntry, number>();
	for (const entry of ifds.flat()) {
		if (entry.value.length <= 4) continue;
		valueOffsets.set(entry, at);
		at += entry.value.length + (entry.value.length % 2);
	}
	const out = new Uint8Array(at);
	const view = viewOf(out);
	out.set(littleEndian ? [0x49, 0x49, 0x2a, 0x00] : [0x4d, 0x4d, 0x00, 0x2a]);
	view.setUint32(4, 8, littleEndian);
	const pointerTargets = new Map([[EXIF_POINTER, ifdOffsets[1] ?? 0], [GPS_POINTER, ifdOffsets[2] ?? 0]]);
	ifds.forEach((entries, n) => {
		if (entries.length === 0) return;
		let p = ifdOffsets[n] ?? 0;
		view.setUint16(p, entries.length, littleEndian);
		p += 2;
		for (const entry of entries) {
			view.setUint16(p, entry.tag, littleEndian);
			view.setUint16(p + 2, entry.type, littleEndian);
			view.setUint32(p + 4, entry.count, littleEndian);
			const target = n === 0 ? pointerTargets.get(entry.tag) : undefined;
			const valueAt = valueOffsets.get(entry);
			if (target !== undefined) view.setUint32(p + 8, target, littleEndian);
			else if (valueAt !== undefined) {
				view.setUint32(p + 8, valueAt, littleEndian);
				out.set(entry.value, valueAt);
			} else out.set(entry.value, p + 8);
			p += 12;
		}
	});
	return out;
}
