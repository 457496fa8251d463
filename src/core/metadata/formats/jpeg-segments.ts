/** The parts of a JPEG we use, found by walking its marker segments up to the image data (ITU T.81, Annex B). */
import { latin1, startsWith, u16 } from "../binary";
import type { RangedFile } from "../ranged-file";

export interface JpegParts {
	/** The TIFF structure of the APP1 "Exif" segment. */
	exif: Uint8Array | null;
	/** The XMP packet of the APP1 XMP segment. */
	xmp: Uint8Array | null;
	/** Pixel size from the start-of-frame segment: what the image really is, whatever EXIF claims. */
	width: number | null;
	height: number | null;
}

const XMP_HEADER = "http://ns.adobe.com/xap/1.0/\u0000";
const MAX_SEGMENTS = 4096;

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
	return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** One marker segment: where its content starts (after marker and length) and ends, in the file. */
export interface JpegSegment {
	marker: number;
	body: number;
	end: number;
}

/**
 * The marker segments of the JPEG at `start` (its FF D8), up to the scan. A file cut short just ends the
 * walk: the segments before the cut are still returned.
 */
export async function jpegSegments(file: RangedFile, start = 0): Promise<JpegSegment[]> {
	const found: JpegSegment[] = [];
	let at = start + 2;
	for (let count = 0; count < MAX_SEGMENTS; count++) {
		const head = await file.bytes(at, at + 4);
		if (head.length < 2 || head[0] !== 0xff) break;
		const marker = head[1] ?? 0;
		// Any number of FF fill bytes may precede a marker.
		if (marker === 0xff) { at += 1; continue; }
		if (marker === 0xd9 || marker === 0xda) break;
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) { at += 2; continue; }
		if (head.length < 4) break;
		const length = u16(head, 2);
		if (length < 2) break;
		found.push({ marker, body: at + 4, end: at + 2 + length });
		at += 2 + length;
	}
	return found;
}

/** The EXIF, XMP and pixel size of the JPEG at `start`. */
export async function readJpegParts(file: RangedFile, start = 0): Promise<JpegParts> {
	const parts: JpegParts = { exif: null, xmp: null, width: null, height: null };
	for (const { marker, body, end } of await jpegSegments(file, start)) {
		if (marker === 0xe1 && (parts.exif === null || parts.xmp === null)) {
			const payload = await file.bytes(body, end);
			if (parts.exif === null && startsWith(payload, "Exif\u0000")) parts.exif = payload.subarray(6);
			else if (parts.xmp === null && latin1(payload, 0, XMP_HEADER.length) === XMP_HEADER) {
				parts.xmp = payload.subarray(XMP_HEADER.length);
			}
		} else if (isStartOfFrame(marker) && parts.width === null) {
			const frame = await file.bytes(body, body + 5);
			if (frame.length === 5) {
				parts.height = u16(frame, 1) || null;
				parts.width = u16(frame, 3) || null;
			}
		}
	}
	return parts;
}
