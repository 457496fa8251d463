/**
 * Location in a JPEG: the GPS IFD of every APP1 Exif segment, location values of the APP1 XMP packet and of
 * IPTC place names (APP13), in the main image and in the images an MPF index (APP2) points to (phones
 * store gain maps and depth maps so, each with its own EXIF).
 */
import { latin1, startsWith, u16, u32 } from "../../metadata/binary";
import { jpegSegments as segments } from "../../metadata/formats/jpeg-segments";
import type { RangedFile } from "../../metadata/ranged-file";
import type { BytePatch, LocationPlan } from "./byte-patch";
import { tiffLocationPatches } from "./tiff-location";
import { xmpLocationPatches, xmpMentionsLocation } from "./xmp-location";

const XMP_HEADER = "http://ns.adobe.com/xap/1.0/\u0000";
const EXTENDED_XMP_HEADER = "http://ns.adobe.com/xmp/extension/\u0000";
const MP_ENTRY = 0xb002;
const MAX_IMAGES = 16;
/** IPTC IIM application record datasets naming a place: sublocation, city, province, country code, country. */
const IPTC_PLACES = new Set([90, 92, 95, 100, 101]);

/** IPTC place names inside a Photoshop APP13 segment ("Photoshop 3.0", 8BIM resources, resource 0x0404). */
function iptcPlacePatches(payload: Uint8Array, offset: number): BytePatch[] {
	const patches: BytePatch[] = [];
	let at = "Photoshop 3.0\u0000".length;
	while (at + 12 <= payload.length && latin1(payload, at, 4) === "8BIM") {
		const id = u16(payload, at + 4);
		const nameLength = payload[at + 6] ?? 0;
		const sizeAt = at + 6 + ((nameLength + 2) & ~1);
		if (sizeAt + 4 > payload.length) break;
		const size = u32(payload, sizeAt);
		const data = sizeAt + 4;
		if (id === 0x0404) {
			for (let p = data; p + 5 <= Math.min(payload.length, data + size);) {
				if (payload[p] !== 0x1c) break;
				const length = u16(payload, p + 3);
				if (payload[p + 1] === 2 && IPTC_PLACES.has(payload[p + 2] ?? 0) && length > 0) {
					patches.push({ offset: offset + p + 5, bytes: new Uint8Array(length).fill(0x20) });
				}
				p += 5 + length;
			}
		}
		at = data + size + (size % 2);
	}
	return patches;
}

/** Offsets of the other images an MPF index lists (relative to its TIFF header, which starts 4 bytes into the segment). */
function mpfImages(payload: Uint8Array, segmentBody: number): number[] {
	const tiff = payload.subarray(4);
	if (tiff.length < 8) return [];
	const le = latin1(tiff, 0, 2) === "II";
	const ifd = u32(tiff, 4, le);
	if (ifd + 2 > tiff.length) return [];
	const count = u16(tiff, ifd, le);
	for (let i = 0; i < count && ifd + 2 + i * 12 + 12 <= tiff.length; i++) {
		const entry = ifd + 2 + i * 12;
		if (u16(tiff, entry, le) !== MP_ENTRY) continue;
		const size = u32(tiff, entry + 4, le);
		const at = u32(tiff, entry + 8, le);
		const images: number[] = [];
		for (let e = 0; e + 16 <= size && at + e + 16 <= tiff.length && images.length < MAX_IMAGES; e += 16) {
			const offset = u32(tiff, at + e + 8, le);
			// The first image (the file itself) has offset 0.
			if (offset > 0) images.push(segmentBody + 4 + offset);
		}
		return images;
	}
	return [];
}

async function imagePlan(file: RangedFile, start: number, plan: LocationPlan, nested: boolean): Promise<void> {
	for (const segment of await segments(file, start)) {
		const isApp = segment.marker === 0xe1 || segment.marker === 0xe2 || segment.marker === 0xed;
		if (!isApp) continue;
		const payload = await file.bytes(segment.body, segment.end);
		if (segment.marker === 0xe1 && startsWith(payload, "Exif\u0000")) {
			plan.patches.push(...(await tiffLocationPatches(file, segment.body + 6)));
		} else if (segment.marker === 0xe1 && latin1(payload, 0, XMP_HEADER.length) === XMP_HEADER) {
			plan.patches.push(...xmpLocationPatches(payload.subarray(XMP_HEADER.length), segment.body + XMP_HEADER.length));
		} else if (segment.marker === 0xe1 && latin1(payload, 0, EXTENDED_XMP_HEADER.length) === EXTENDED_XMP_HEADER) {
			// Extended XMP is split at arbitrary points and checked by a digest: blanking a value in place is not safe.
			if (xmpMentionsLocation(payload)) plan.problems.push("its extended XMP holds location data that cannot be removed in place");
		} else if (segment.marker === 0xed && startsWith(payload, "Photoshop 3.0\u0000")) {
			plan.patches.push(...iptcPlacePatches(payload, segment.body));
		} else if (segment.marker === 0xe2 && startsWith(payload, "MPF\u0000") && !nested) {
			for (const image of mpfImages(payload, segment.body)) {
				if (startsWith(await file.bytes(image, image + 2), [0xff, 0xd8])) await imagePlan(file, image, plan, true);
			}
		}
	}
}

/** The patches removing the location from the JPEG starting at `start` (0, or inside a RAF), with any problems. */
export async function jpegLocationPlan(file: RangedFile, start = 0): Promise<LocationPlan> {
	const plan: LocationPlan = { patches: [], problems: [] };
	await imagePlan(file, start, plan, false);
	return plan;
}
