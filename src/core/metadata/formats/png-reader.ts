/** PNG: size from IHDR, EXIF from the eXIf chunk, a taken date from an uncompressed XMP iTXt chunk. */
import { latin1, startsWith, u32 } from "../binary";
import type { FormatReader } from "../format-reader";
import { fillMissing } from "../metadata-draft";
import { fieldsFromTiff } from "../tiff-fields";
import { takenFromXmp } from "../xmp-date";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const XMP_KEYWORD = "XML:com.adobe.xmp";
const MAX_CHUNKS = 10_000;
const MAX_METADATA_CHUNK = 1024 * 1024;

/** An uncompressed iTXt's text: keyword, NUL, compression flag and method, language, NUL, translated keyword, NUL. */
function itxtText(data: Uint8Array): Uint8Array | null {
	const keywordEnd = data.indexOf(0);
	if (keywordEnd < 0 || latin1(data, 0, keywordEnd) !== XMP_KEYWORD || data[keywordEnd + 1] !== 0) return null;
	const languageEnd = data.indexOf(0, keywordEnd + 3);
	const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
	return translatedEnd < 0 ? null : data.subarray(translatedEnd + 1);
}

export const pngReader: FormatReader = {
	name: "png",
	mimes: ["image/png"],
	canHandle: (head) => startsWith(head, SIGNATURE),
	async read(file, draft) {
		let at = 8;
		for (let n = 0; n < MAX_CHUNKS && at + 8 <= file.size; n++) {
			const head = await file.bytes(at, at + 8);
			if (head.length < 8) break;
			const length = u32(head, 0), type = latin1(head, 4, 4);
			const data = () => file.bytes(at + 8, at + 8 + length);
			if (type === "IEND") break;
			if (type === "IHDR") {
				const ihdr = await data();
				if (ihdr.length >= 8) fillMissing(draft, { width: u32(ihdr, 0) || null, height: u32(ihdr, 4) || null });
			} else if (type === "eXIf" && length <= MAX_METADATA_CHUNK) {
				const exif = await data();
				// A few writers keep JPEG's "Exif\0\0" prefix in front of the TIFF header.
				const tiff = startsWith(exif, "Exif\u0000\u0000") ? exif.subarray(6) : exif;
				fillMissing(draft, await fieldsFromTiff(tiff));
			} else if (type === "iTXt" && length <= MAX_METADATA_CHUNK) {
				const xmp = itxtText(await data());
				if (xmp) fillMissing(draft, takenFromXmp(xmp));
			}
			at += 12 + length;
		}
	},
};
