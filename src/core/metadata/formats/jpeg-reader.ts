/** JPEG: pixel size from the frame header, EXIF from APP1, XMP's date when EXIF has none. */
import { startsWith } from "../binary";
import type { FormatReader } from "../format-reader";
import { fillMissing } from "../metadata-draft";
import { fieldsFromTiff } from "../tiff-fields";
import { takenFromXmp } from "../xmp-date";
import { readJpegParts } from "./jpeg-segments";

export const jpegReader: FormatReader = {
	name: "jpeg",
	mimes: ["image/jpeg"],
	canHandle: (head) => startsWith(head, [0xff, 0xd8, 0xff]),
	async read(file, draft) {
		const parts = await readJpegParts(file);
		fillMissing(draft, { width: parts.width, height: parts.height });
		if (parts.exif) fillMissing(draft, await fieldsFromTiff(parts.exif));
		if (parts.xmp) fillMissing(draft, takenFromXmp(parts.xmp));
	},
};
