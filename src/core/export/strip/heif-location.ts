/**
 * Location in HEIC, HEIF and AVIF files: the GPS IFD of the Exif item and location values of an XMP item,
 * found through the meta box's item table (the same one the metadata reader uses).
 */
import { startsWith, u32 } from "../../metadata/binary";
import { type Box, metaChildren } from "../../metadata/formats/bmff-boxes";
import { type HeifItems, readHeifItems } from "../../metadata/formats/heif-items";
import type { RangedFile } from "../../metadata/ranged-file";
import type { LocationPlan } from "./byte-patch";
import { tiffLocationPatches } from "./tiff-location";
import { xmpLocationPatches, xmpMentionsLocation } from "./xmp-location";

const MAX_ITEM = 16 * 1024 * 1024;

/** Where the item's bytes start in the file, when they lie in one piece; null otherwise. */
function singleExtent(items: HeifItems, id: number): { offset: number; length: number } | null {
	const location = items.locations.get(id);
	if (!location || location.method > 1 || location.extents.length !== 1) return null;
	if (location.method === 1 && items.idat === null) return null;
	const extent = location.extents[0];
	if (!extent || extent.length === 0 || extent.length > MAX_ITEM) return null;
	return { offset: (location.method === 1 ? (items.idat ?? 0) : 0) + extent.offset, length: extent.length };
}

/** Where the TIFF header of an Exif item starts: after the 4-byte offset field (ISO/IEC 23008-12 A.2.1), or nearby. */
function tiffStart(head: Uint8Array): number | null {
	if (head.length >= 8) {
		const at = 4 + u32(head, 0);
		if (startsWith(head, "II*\u0000", at) || startsWith(head, "MM\u0000*", at)) return at;
	}
	for (let at = 0; at + 4 <= Math.min(head.length, 64); at++) {
		if (startsWith(head, "II*\u0000", at) || startsWith(head, "MM\u0000*", at)) return at;
	}
	return null;
}

export async function heifLocationPlan(file: RangedFile, meta: Box, plan: LocationPlan): Promise<void> {
	const items = await readHeifItems(file, await metaChildren(file, meta));
	for (const [id, type] of items.types) {
		if (type !== "Exif" && type !== "mime") continue;
		const extent = singleExtent(items, id);
		if (extent === null) {
			// A split item cannot be patched by offset; say so only when it may hold a location.
			if (type === "Exif") plan.problems.push("its EXIF is stored in pieces that cannot be patched in place");
			continue;
		}
		if (type === "Exif") {
			const start = tiffStart(await file.bytes(extent.offset, extent.offset + Math.min(extent.length, 128)));
			if (start !== null) plan.patches.push(...(await tiffLocationPatches(file, extent.offset + start)));
			continue;
		}
		const bytes = await file.bytes(extent.offset, extent.offset + extent.length);
		if (xmpMentionsLocation(bytes)) plan.patches.push(...xmpLocationPatches(bytes, extent.offset));
	}
}
