/**
 * HEIC, HEIF and AVIF: the primary image's size from its `ispe` property and EXIF from the Exif item,
 * both found through the meta box's item table rather than by exifr. exifr rejects files whose `ftyp` box
 * is longer than 50 bytes, which iOS 18 writes for adaptive-HDR photos (exifr issue #138).
 */
import { indexOf, startsWith, u32 } from "../binary";
import type { FormatReader } from "../format-reader";
import { fillMissing } from "../metadata-draft";
import type { RangedFile } from "../ranged-file";
import { fieldsFromTiff } from "../tiff-fields";
import { ftypBrands, listBoxes, metaChildren } from "./bmff-boxes";
import { type HeifItems, readHeifItems } from "./heif-items";

const STILL_IMAGE_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "mif2", "msf1", "avif", "avis"]);
/** An Exif item larger than this is not EXIF (its segment in a JPEG is capped at 64 KB). */
const MAX_EXIF_ITEM = 1024 * 1024;

function isHeif(head: Uint8Array): boolean {
	const brands = ftypBrands(head);
	return brands !== null && brands.some((brand) => STILL_IMAGE_BRANDS.has(brand)) && brands[0] !== "qt  ";
}

async function itemBytes(file: RangedFile, items: HeifItems, id: number): Promise<Uint8Array | null> {
	const location = items.locations.get(id);
	if (!location || location.method > 1 || (location.method === 1 && items.idat === null)) return null;
	const base = location.method === 1 ? (items.idat ?? 0) : 0;
	const total = location.extents.reduce((n, e) => n + e.length, 0);
	if (total === 0 || total > MAX_EXIF_ITEM) return null;
	const out = new Uint8Array(total);
	let at = 0;
	for (const extent of location.extents) {
		const part = await file.bytes(base + extent.offset, base + extent.offset + extent.length);
		out.set(part, at);
		at += part.length;
	}
	return out.subarray(0, at);
}

/**
 * The TIFF structure inside an Exif item: a 4-byte offset to the TIFF header comes first (ISO/IEC 23008-12
 * Annex A.2.1). Some writers get that offset wrong, so a TIFF signature near the start is accepted too.
 */
export function tiffOfExifItem(item: Uint8Array): Uint8Array | null {
	if (item.length >= 8) {
		const at = 4 + u32(item, 0);
		if (startsWith(item, "II*\u0000", at) || startsWith(item, "MM\u0000*", at)) return item.subarray(at);
	}
	const head = item.subarray(0, 64);
	const found = [indexOf(head, [0x49, 0x49, 0x2a, 0x00]), indexOf(head, [0x4d, 0x4d, 0x00, 0x2a])].filter((i) => i >= 0);
	return found.length > 0 ? item.subarray(Math.min(...found)) : null;
}

export const heifReader: FormatReader = {
	name: "heif",
	mimes: ["image/heif", "image/heic", "image/avif"],
	canHandle: isHeif,
	async read(file, draft) {
		const meta = (await listBoxes(file, 0, file.size)).find((box) => box.type === "meta");
		if (!meta) return;
		const items = await readHeifItems(file, await metaChildren(file, meta));
		const size = items.primary !== null ? items.sizes.get(items.primary) : undefined;
		fillMissing(draft, { width: size?.width || null, height: size?.height || null });
		for (const [id, type] of items.types) {
			if (type !== "Exif") continue;
			const item = await itemBytes(file, items, id);
			const tiff = item ? tiffOfExifItem(item) : null;
			if (tiff) fillMissing(draft, await fieldsFromTiff(tiff));
			break;
		}
	},
};
