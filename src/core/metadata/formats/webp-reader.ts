/** WebP (RIFF): canvas size from VP8X, VP8 or VP8L, EXIF from the EXIF chunk, a taken date from XMP. */
import { latin1, startsWith, u16, u32 } from "../binary";
import type { FormatReader } from "../format-reader";
import { fillMissing, type MetadataDraft } from "../metadata-draft";
import { fieldsFromTiff } from "../tiff-fields";
import { takenFromXmp } from "../xmp-date";

const MAX_CHUNKS = 1000;
const MAX_METADATA_CHUNK = 1024 * 1024;

function u24(b: Uint8Array, at: number): number {
	return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16);
}

/** Size from the first image chunk (WebP container specification; VP8 is RFC 6386 §9.1, VP8L its own spec). */
function sizeOf(type: string, d: Uint8Array): MetadataDraft {
	if (type === "VP8X" && d.length >= 10) return { width: u24(d, 4) + 1, height: u24(d, 7) + 1 };
	if (type === "VP8 " && d.length >= 10 && startsWith(d, [0x9d, 0x01, 0x2a], 3)) {
		return { width: u16(d, 6, true) & 0x3fff, height: u16(d, 8, true) & 0x3fff };
	}
	if (type === "VP8L" && d.length >= 5 && d[0] === 0x2f) {
		const bits = u32(d, 1, true);
		return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
	}
	return {};
}

export const webpReader: FormatReader = {
	name: "webp",
	mimes: ["image/webp"],
	canHandle: (head) => startsWith(head, "RIFF") && startsWith(head, "WEBP", 8),
	async read(file, draft) {
		let at = 12;
		for (let n = 0; n < MAX_CHUNKS && at + 8 <= file.size; n++) {
			const head = await file.bytes(at, at + 8);
			if (head.length < 8) break;
			const type = latin1(head, 0, 4), length = u32(head, 4, true);
			const data = () => file.bytes(at + 8, at + 8 + Math.min(length, MAX_METADATA_CHUNK));
			if (type === "VP8X" || type === "VP8 " || type === "VP8L") fillMissing(draft, sizeOf(type, await data()));
			else if (type === "EXIF" && length <= MAX_METADATA_CHUNK) {
				const exif = await data();
				fillMissing(draft, await fieldsFromTiff(startsWith(exif, "Exif\u0000\u0000") ? exif.subarray(6) : exif));
			} else if (type === "XMP " && length <= MAX_METADATA_CHUNK) fillMissing(draft, takenFromXmp(await data()));
			at += 8 + length + (length % 2);
		}
	},
};
