/**
 * Removing the location from a copy of a photo or video, byte for byte in place: which bytes to change,
 * found per format, and a check that the copy as patched reads with no position left. A file whose
 * location cannot be removed safely gets the reasons instead, and is never exported as "stripped".
 */
import { latin1, indexOf, u32 } from "../../metadata/binary";
import { HEAD_SIZE } from "../../metadata/format-reader";
import { readerFor } from "../../metadata/format-registry";
import { listBoxes } from "../../metadata/formats/bmff-boxes";
import { RangedFile } from "../../metadata/ranged-file";
import { readMetadata } from "../../metadata/read-metadata";
import { describeError } from "../../model/errors";
import type { ByteSource } from "../../ports/byte-source";
import { type LocationPlan, patchedSource } from "./byte-patch";
import { pngLocationPlan, webpLocationPlan } from "./chunk-location";
import { heifLocationPlan } from "./heif-location";
import { jpegLocationPlan } from "./jpeg-location";
import { moovLocationPlan, uuidOf, XMP_UUID } from "./quicktime-location";
import { tiffLocationPatches } from "./tiff-location";
import { xmpLocationPatches, xmpMentionsLocation } from "./xmp-location";

const RAF_JPEG_OFFSET = 84;
/** GIFs are read whole to look for an XMP extension; beyond this they are not photos anyone shares. */
const MAX_GIF = 64 * 1024 * 1024;
const MAX_XMP_BOX = 16 * 1024 * 1024;

async function bmffPlan(file: RangedFile, plan: LocationPlan): Promise<void> {
	for (const box of await listBoxes(file, 0, file.size)) {
		if (box.type === "meta") await heifLocationPlan(file, box, plan);
		else if (box.type === "moov") await moovLocationPlan(file, box, plan);
		else if (box.type === "uuid" && box.end - box.body <= MAX_XMP_BOX && (await uuidOf(file, box)) === XMP_UUID) {
			plan.patches.push(...xmpLocationPatches(await file.bytes(box.body + 16, box.end), box.body + 16));
		}
	}
}

/** GIF keeps XMP in an application extension whose bytes double as sub-block lengths: it cannot be edited, only found. */
async function gifPlan(file: RangedFile, plan: LocationPlan): Promise<void> {
	if (file.size > MAX_GIF) {
		plan.problems.push("GIFs this large are not checked for location data");
		return;
	}
	const bytes = await file.bytes(0, file.size);
	const xmp = indexOf(bytes, [...new TextEncoder().encode("XMP DataXMP")]);
	if (xmp >= 0 && xmpMentionsLocation(bytes.subarray(xmp))) plan.problems.push("its XMP holds location data that cannot be removed from a GIF in place");
}

async function formatPlan(file: RangedFile, plan: LocationPlan): Promise<void> {
	const reader = readerFor(await file.bytes(0, HEAD_SIZE));
	switch (reader?.name) {
		case "jpeg": {
			const jpeg = await jpegLocationPlan(file);
			plan.patches.push(...jpeg.patches);
			plan.problems.push(...jpeg.problems);
			return;
		}
		case "raf": {
			const jpeg = await jpegLocationPlan(file, u32(await file.bytes(RAF_JPEG_OFFSET, RAF_JPEG_OFFSET + 4), 0));
			plan.patches.push(...jpeg.patches);
			plan.problems.push(...jpeg.problems);
			return;
		}
		case "tiff":
			plan.patches.push(...(await tiffLocationPatches(file, 0)));
			return;
		case "png":
			return pngLocationPlan(file, plan);
		case "webp":
			return webpLocationPlan(file, plan);
		case "heif":
		case "cr3":
		case "quicktime":
			return bmffPlan(file, plan);
		case "gif":
			return gifPlan(file, plan);
		default:
			plan.problems.push(`its format (starting ${JSON.stringify(latin1(await file.bytes(0, 4), 0, 4))}) is not one whose location we can remove`);
	}
}

/**
 * The patches that remove the location from `source`, checked: the copy as patched is read again with the
 * index's own readers, and any position still found there is a problem. `fileName` picks nothing but the
 * MIME type the reader reports.
 */
export async function planLocationStrip(source: ByteSource, fileName: string): Promise<LocationPlan> {
	const plan: LocationPlan = { patches: [], problems: [] };
	try {
		await formatPlan(new RangedFile(source), plan);
		if (plan.problems.length > 0) return plan;
		const after = await readMetadata(patchedSource(source, plan.patches), fileName, 0);
		if (after.latitude !== null || after.longitude !== null) plan.problems.push("a position is still readable after removing the ones we know of");
	} catch (error) {
		plan.problems.push(`its metadata could not be read to remove the location (${describeError(error)})`);
	}
	return plan;
}
