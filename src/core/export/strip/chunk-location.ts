/**
 * Location in PNG and WebP, whose metadata sits in chunks: the GPS IFD of the EXIF chunk and location
 * values of the XMP chunk. A PNG chunk is checked by a CRC over its bytes, so each patched chunk gets a
 * patch of its CRC too. Metadata in compressed text chunks cannot be edited in place and is reported.
 */
import { latin1, startsWith, u32 } from "../../metadata/binary";
import type { RangedFile } from "../../metadata/ranged-file";
import type { BytePatch, LocationPlan } from "./byte-patch";
import { crc32 } from "./crc32";
import { tiffLocationPatches } from "./tiff-location";
import { xmpLocationPatches } from "./xmp-location";

const MAX_CHUNKS = 10_000;
const MAX_METADATA_CHUNK = 16 * 1024 * 1024;
const EXIF_PREFIX = "Exif\u0000\u0000";
const XMP_KEYWORD = "XML:com.adobe.xmp";
/** Keywords under which ImageMagick and others keep EXIF or XMP in text chunks, hex-encoded or compressed. */
const METADATA_KEYWORD = /exif|xmp|app1|iptc/i;

/** The chunk's new CRC once `patches` (those inside its data) are applied to a copy of type and data. */
async function crcPatch(file: RangedFile, at: number, length: number, patches: readonly BytePatch[]): Promise<BytePatch> {
	const typeAndData = (await file.bytes(at + 4, at + 8 + length)).slice();
	for (const patch of patches) typeAndData.set(patch.bytes, patch.offset - (at + 4));
	const crc = new Uint8Array(4);
	new DataView(crc.buffer).setUint32(0, crc32(typeAndData), false);
	return { offset: at + 8 + length, bytes: crc };
}

/** Where an uncompressed iTXt's text starts within its data, or null (see png-reader.ts for the layout). */
function itxtTextStart(data: Uint8Array): number | null {
	const keywordEnd = data.indexOf(0);
	if (keywordEnd < 0 || data[keywordEnd + 1] !== 0) return null;
	const languageEnd = data.indexOf(0, keywordEnd + 3);
	const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
	return translatedEnd < 0 ? null : translatedEnd + 1;
}

export async function pngLocationPlan(file: RangedFile, plan: LocationPlan): Promise<void> {
	let at = 8;
	for (let n = 0; n < MAX_CHUNKS && at + 12 <= file.size; n++) {
		const head = await file.bytes(at, at + 8);
		const length = u32(head, 0), type = latin1(head, 4, 4);
		if (type === "IEND") break;
		const dataAt = at + 8;
		let patches: BytePatch[] = [];
		if (type === "eXIf" && length <= MAX_METADATA_CHUNK) {
			const prefixed = startsWith(await file.bytes(dataAt, dataAt + 6), EXIF_PREFIX);
			patches = (await tiffLocationPatches(file, dataAt + (prefixed ? 6 : 0))).filter((p) => p.offset >= dataAt && p.offset + p.bytes.length <= dataAt + length);
		} else if ((type === "iTXt" || type === "zTXt" || type === "tEXt") && length <= MAX_METADATA_CHUNK) {
			const data = await file.bytes(dataAt, dataAt + length);
			const keyword = latin1(data, 0, Math.max(0, data.indexOf(0)));
			const textStart = type === "iTXt" && data[keyword.length + 1] === 0 ? itxtTextStart(data) : null;
			if (keyword === XMP_KEYWORD && textStart !== null) patches = xmpLocationPatches(data.subarray(textStart), dataAt + textStart);
			else if (METADATA_KEYWORD.test(keyword)) plan.problems.push(`it keeps metadata in a ${type} chunk ("${keyword}") that cannot be edited in place`);
		}
		if (patches.length > 0) plan.patches.push(...patches, await crcPatch(file, at, length, patches));
		at += 12 + length;
	}
}

export async function webpLocationPlan(file: RangedFile, plan: LocationPlan): Promise<void> {
	let at = 12;
	for (let n = 0; n < MAX_CHUNKS && at + 8 <= file.size; n++) {
		const head = await file.bytes(at, at + 8);
		const type = latin1(head, 0, 4), length = u32(head, 4, true);
		const dataAt = at + 8;
		if (type === "EXIF" && length <= MAX_METADATA_CHUNK) {
			const prefixed = startsWith(await file.bytes(dataAt, dataAt + 6), EXIF_PREFIX);
			plan.patches.push(...(await tiffLocationPatches(file, dataAt + (prefixed ? 6 : 0))));
		} else if (type === "XMP " && length <= MAX_METADATA_CHUNK) {
			plan.patches.push(...xmpLocationPatches(await file.bytes(dataAt, dataAt + length), dataAt));
		}
		at += 8 + length + (length % 2);
	}
}
