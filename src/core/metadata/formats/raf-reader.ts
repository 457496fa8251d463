/**
 * Fujifilm RAF: a fixed header pointing to an embedded JPEG (whose APP1 holds the EXIF) and to a directory
 * of raw-image facts, where the cropped size ExifTool reports lives (tag 0x111, height then width).
 */
import { startsWith, u16, u32 } from "../binary";
import type { FormatReader } from "../format-reader";
import { fillMissing, type MetadataDraft } from "../metadata-draft";
import type { RangedFile } from "../ranged-file";
import { fieldsFromTiff } from "../tiff-fields";
import { readJpegParts } from "./jpeg-segments";

const SIGNATURE = "FUJIFILMCCD-RAW ";
const JPEG_OFFSET = 84, DIRECTORY_OFFSET = 92;
const CROPPED_SIZE = 0x111;
const MAX_ENTRIES = 1000;

async function croppedSize(file: RangedFile, at: number): Promise<MetadataDraft> {
	const count = u32(await file.bytes(at, at + 4), 0);
	let p = at + 4;
	for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
		const entry = await file.bytes(p, p + 8);
		if (entry.length < 4) break;
		const size = u16(entry, 2);
		if (u16(entry, 0) === CROPPED_SIZE && size === 4 && entry.length === 8) {
			return { width: u16(entry, 6) || null, height: u16(entry, 4) || null };
		}
		p += 4 + size;
	}
	return {};
}

export const rafReader: FormatReader = {
	name: "raf",
	mimes: ["image/x-fujifilm-raf"],
	canHandle: (head) => startsWith(head, SIGNATURE),
	async read(file, draft) {
		const header = await file.bytes(0, DIRECTORY_OFFSET + 4);
		if (header.length < DIRECTORY_OFFSET + 4) return;
		const directory = u32(header, DIRECTORY_OFFSET);
		if (directory > 0) fillMissing(draft, await croppedSize(file, directory));
		const jpeg = u32(header, JPEG_OFFSET);
		if (!startsWith(await file.bytes(jpeg, jpeg + 2), [0xff, 0xd8])) return;
		// The embedded JPEG is a preview, so its frame size is not the photo's; only its EXIF counts.
		const parts = await readJpegParts(file, jpeg);
		if (parts.exif) fillMissing(draft, await fieldsFromTiff(parts.exif));
	},
};
