/**
 * TIFF and the TIFF-based RAW formats (DNG, CR2, NEF, ARW, ORF, RW2): directories read through ranged reads,
 * then decoded by exifr from a rebuilt compact TIFF. Sizes follow ExifTool's choice of the main image.
 */
import { latin1, startsWith, u16 } from "../binary";
import type { FormatReader } from "../format-reader";
import { fillMissing, type MetadataDraft } from "../metadata-draft";
import type { RangedFile } from "../ranged-file";
import { fieldsFromTiff } from "../tiff-fields";
import { integerOf, integersOf, type IfdEntry, readIfd, readTiffHeader, type TiffHeader } from "./tiff-directory";
import { EXIF_POINTER, GPS_POINTER, rebuildTiff } from "./tiff-rebuild";

const NEW_SUBFILE_TYPE = 0xfe, WIDTH = 0x100, HEIGHT = 0x101, SUB_IFDS = 0x14a;
// Panasonic RW2 keeps the crop of the sensor and the ISO in IFD0 under its own small tag numbers.
const RW2 = { top: 0x04, left: 0x05, bottom: 0x06, right: 0x07, iso: 0x17 } as const;
const RW2_MAGIC = 0x55;

const IFD0_TAGS = new Set<number>([NEW_SUBFILE_TYPE, WIDTH, HEIGHT, 0x010f, 0x0110, 0x0112, EXIF_POINTER, GPS_POINTER, SUB_IFDS, ...Object.values(RW2)]);
const EXIF_TAGS = new Set([0x829a, 0x829d, 0x8827, 0x9003, 0x9004, 0x9011, 0x9012, 0x920a, 0x9291, 0x9292, 0xa002, 0xa003, 0xa434]);
const GPS_TAGS = new Set([1, 2, 3, 4, 5, 6]);

// Signatures: TIFF "II*\0"/"MM\0*", ORF "IIRO"/"IIRS"/"MMOR", RW2 "IIU\0".
const SIGNATURES = ["II*\u0000", "MM\u0000*", "IIRO", "IIRS", "MMOR", "IIU\u0000"];

interface Size {
	width: number;
	height: number;
}

function sizeOf(entries: readonly IfdEntry[], le: boolean): Size | null {
	const width = integerOf(entries, WIDTH, le), height = integerOf(entries, HEIGHT, le);
	const reduced = ((integerOf(entries, NEW_SUBFILE_TYPE, le) ?? 0) & 1) === 1;
	return width && height && !reduced ? { width, height } : null;
}

/** The largest full-resolution image among IFD0 and its SubIFDs (DNG and NEF keep the raw image in a SubIFD). */
async function mainImageSize(file: RangedFile, header: TiffHeader, ifd0: readonly IfdEntry[]): Promise<Size | null> {
	const le = header.littleEndian;
	const sizes = [sizeOf(ifd0, le)];
	for (const offset of integersOf(ifd0, SUB_IFDS, le).slice(0, 8)) {
		const sub = await readIfd(file, header, offset, (tag) => tag === NEW_SUBFILE_TYPE || tag === WIDTH || tag === HEIGHT);
		if (sub) sizes.push(sizeOf(sub, le));
	}
	return sizes.reduce<Size | null>((best, s) => (s && (!best || s.width * s.height > best.width * best.height) ? s : best), null);
}

function rw2Fields(ifd0: readonly IfdEntry[], le: boolean): MetadataDraft {
	const get = (tag: number) => integerOf(ifd0, tag, le);
	const [top, left, bottom, right] = [get(RW2.top), get(RW2.left), get(RW2.bottom), get(RW2.right)];
	const sized = top !== null && left !== null && bottom !== null && right !== null && right > left && bottom > top;
	return { width: sized ? right - left : null, height: sized ? bottom - top : null, iso: get(RW2.iso) || null };
}

export const tiffReader: FormatReader = {
	name: "tiff",
	mimes: ["image/tiff", "image/x-adobe-dng", "image/x-canon-cr2", "image/x-nikon-nef", "image/x-sony-arw", "image/x-olympus-orf", "image/x-panasonic-rw2"],
	canHandle: (head) => SIGNATURES.some((s) => startsWith(head, s)),
	async read(file, draft) {
		const header = await readTiffHeader(file);
		if (!header) return;
		const le = header.littleEndian;
		const ifd0 = await readIfd(file, header, header.ifd0, (tag) => IFD0_TAGS.has(tag));
		if (!ifd0) return;
		const head = await file.bytes(0, 10);
		if (u16(head, 2, le) === RW2_MAGIC) fillMissing(draft, rw2Fields(ifd0, le));
		// ExifTool sizes a CR2 by its EXIF dimensions (IFD0 is a preview there); fieldsFromTiff does the same.
		else if (latin1(head, 8, 2) !== "CR") fillMissing(draft, { ...(await mainImageSize(file, header, ifd0)) });
		const pointer = (tag: number) => integerOf(ifd0, tag, le);
		const exifAt = pointer(EXIF_POINTER), gpsAt = pointer(GPS_POINTER);
		const exif = exifAt ? await readIfd(file, header, exifAt, (tag) => EXIF_TAGS.has(tag)) : null;
		const gps = gpsAt ? await readIfd(file, header, gpsAt, (tag) => GPS_TAGS.has(tag)) : null;
		const main = ifd0.filter((e) => e.tag !== SUB_IFDS);
		fillMissing(draft, await fieldsFromTiff(rebuildTiff(le, { ifd0: main, exif, gps })));
	},
};
