/**
 * The EXIF a resized copy keeps: a canvas re-encode drops all metadata, so the copy gets back the date it was
 * taken (wall clock, sub-seconds and offset, as stored) and the camera, and nothing else: no position, and no
 * orientation, because the decoder already turned the pixels upright.
 */
import { rebuildTiff } from "../metadata/formats/tiff-rebuild";
import type { IfdEntry } from "../metadata/formats/tiff-directory";
import type { PhotoMetadata } from "../model/photo-metadata";

const MAKE = 0x010f, MODEL = 0x0110, DATE_TIME_ORIGINAL = 0x9003, OFFSET_TIME_ORIGINAL = 0x9011, SUB_SEC_TIME_ORIGINAL = 0x9291;
const TAKEN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([+-]\d{2}:\d{2})?$/;
const MAX_SEGMENT = 0xffff - 2;

function ascii(tag: number, text: string): IfdEntry {
	const value = new Uint8Array([...new TextEncoder().encode(text), 0]);
	return { tag, type: 2, count: value.length, value };
}

function exifEntries(meta: PhotoMetadata): { ifd0: IfdEntry[]; exif: IfdEntry[] } {
	const ifd0: IfdEntry[] = [];
	if (meta.make) ifd0.push(ascii(MAKE, meta.make));
	if (meta.model) ifd0.push(ascii(MODEL, meta.model));
	const exif: IfdEntry[] = [];
	const match = meta.takenSource === "file" || meta.taken === null ? null : TAKEN.exec(meta.taken);
	if (match) {
		const [, y, mo, d, h, mi, s, sub, offset] = match;
		exif.push(ascii(DATE_TIME_ORIGINAL, `${y}:${mo}:${d} ${h}:${mi}:${s}`));
		if (offset !== undefined) exif.push(ascii(OFFSET_TIME_ORIGINAL, offset));
		if (sub !== undefined) exif.push(ascii(SUB_SEC_TIME_ORIGINAL, sub));
	}
	exif.sort((a, b) => a.tag - b.tag);
	return { ifd0, exif };
}

/** `jpeg` with an APP1 Exif segment right after its start marker; `jpeg` as it is when there is nothing to say or it is no JPEG. */
export function withTakenExif(jpeg: Uint8Array, meta: PhotoMetadata): Uint8Array {
	const { ifd0, exif } = exifEntries(meta);
	if ((ifd0.length === 0 && exif.length === 0) || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return jpeg;
	const tiff = rebuildTiff(false, { ifd0, exif: exif.length > 0 ? exif : null, gps: null });
	const length = 2 + 6 + tiff.length;
	if (length > MAX_SEGMENT) return jpeg;
	const out = new Uint8Array(jpeg.length + 2 + length);
	out.set([0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]);
	out.set(tiff, 12);
	out.set(jpeg.subarray(2), 12 + tiff.length);
	return out;
}
