/** EXIF fields from a TIFF structure, decoded by exifr from bytes we hand it and mapped onto our fields. */
import { parse } from "exifr";
import { cleanText, firstNumber, positiveNumber } from "./clean-text";
import { altitudeFrom, degreesFromDms } from "./gps";
import type { MetadataDraft } from "./metadata-draft";
import { takenFrom } from "./taken-time";

export type TagMap = Readonly<Record<number, unknown>>;

export interface TiffTags {
	ifd0: TagMap;
	exif: TagMap;
	gps: TagMap;
}

export const EMPTY_TAGS: TiffTags = Object.freeze({ ifd0: {}, exif: {}, gps: {} });

// Only the IFDs that hold our fields (IFD0 cannot be turned off). Keys stay numeric and values raw: exifr
// would otherwise build dates in the machine's time zone (reviveValues) and rename tags through dictionaries.
// exifr's default silentErrors (true) stays: a damaged IFD costs only that IFD, not the ones that decoded.
const EXIFR_OPTIONS = {
	tiff: true,
	exif: true,
	gps: true,
	ifd1: false,
	interop: false,
	makerNote: false,
	userComment: false,
	xmp: false,
	icc: false,
	iptc: false,
	jfif: false,
	ihdr: false,
	translateKeys: false,
	translateValues: false,
	reviveValues: false,
	sanitize: true,
	mergeOutput: false,
};

function tagMap(value: unknown): TagMap {
	return typeof value === "object" && value !== null ? (value as TagMap) : {};
}

/**
 * The IFD0, Exif and GPS tags of the TIFF structure that starts at `tiff[0]` ("II*\0" or "MM\0*").
 * Offsets inside it are relative to that start, as in a JPEG's APP1 segment or a HEIF Exif item.
 */
export async function readTiffTags(tiff: Uint8Array): Promise<TiffTags> {
	const output: unknown = await parse(tiff, EXIFR_OPTIONS);
	const blocks = tagMap(output) as Record<string, unknown>;
	return { ifd0: tagMap(blocks.ifd0), exif: tagMap(blocks.exif), gps: tagMap(blocks.gps) };
}

// Tag numbers from the EXIF 2.32 / TIFF 6.0 specifications.
const T = {
	imageWidth: 0x0100, imageHeight: 0x0101, make: 0x010f, model: 0x0110, orientation: 0x0112,
	exposureTime: 0x829a, fNumber: 0x829d, iso: 0x8827, dateTimeOriginal: 0x9003, dateTimeDigitized: 0x9004,
	offsetTimeOriginal: 0x9011, offsetTimeDigitized: 0x9012, focalLength: 0x920a,
	subSecOriginal: 0x9291, subSecDigitized: 0x9292, pixelXDimension: 0xa002, pixelYDimension: 0xa003, lensModel: 0xa434,
	gpsLatitudeRef: 1, gpsLatitude: 2, gpsLongitudeRef: 3, gpsLongitude: 4, gpsAltitudeRef: 5, gpsAltitude: 6,
} as const;

function orientationOf(value: unknown): number | null {
	const n = firstNumber(value);
	return n !== null && Number.isInteger(n) && n >= 1 && n <= 8 ? n : null;
}

function dimension(value: unknown): number | null {
	const n = positiveNumber(value);
	return n !== null && Number.isInteger(n) ? n : null;
}

/**
 * Our fields from decoded tags. The taken time is DateTimeOriginal, else DateTimeDigitized (CreateDate),
 * each with its own sub-seconds and offset. ModifyDate is left out on purpose: editors rewrite it, so it
 * says when the file was last saved, which the file's own time already says with less pretence.
 * Width and height are EXIF's PixelX/YDimension, else IFD0's: containers that know better fill them first.
 */
export function fieldsFromTags({ ifd0, exif, gps }: TiffTags): MetadataDraft {
	const taken =
		takenFrom(exif[T.dateTimeOriginal], exif[T.subSecOriginal], exif[T.offsetTimeOriginal]) ??
		takenFrom(exif[T.dateTimeDigitized], exif[T.subSecDigitized], exif[T.offsetTimeDigitized]);
	const latitude = degreesFromDms(gps[T.gpsLatitude], gps[T.gpsLatitudeRef], 90);
	const longitude = degreesFromDms(gps[T.gpsLongitude], gps[T.gpsLongitudeRef], 180);
	const hasPosition = latitude !== null && longitude !== null;
	const exifSize = dimension(exif[T.pixelXDimension]) !== null && dimension(exif[T.pixelYDimension]) !== null;
	return {
		taken,
		takenSource: "exif",
		make: cleanText(ifd0[T.make]),
		model: cleanText(ifd0[T.model]),
		lens: cleanText(exif[T.lensModel]),
		focalLength: positiveNumber(exif[T.focalLength]),
		aperture: positiveNumber(exif[T.fNumber]),
		exposureTime: positiveNumber(exif[T.exposureTime]),
		iso: positiveNumber(exif[T.iso]),
		latitude: hasPosition ? latitude : null,
		longitude: hasPosition ? longitude : null,
		altitude: hasPosition ? altitudeFrom(gps[T.gpsAltitude], gps[T.gpsAltitudeRef]) : null,
		width: exifSize ? dimension(exif[T.pixelXDimension]) : dimension(ifd0[T.imageWidth]),
		height: exifSize ? dimension(exif[T.pixelYDimension]) : dimension(ifd0[T.imageHeight]),
		orientation: orientationOf(ifd0[T.orientation]),
	};
}

/** Decodes `tiff` and maps it: the common path for every container that embeds one EXIF TIFF block. */
export async function fieldsFromTiff(tiff: Uint8Array): Promise<MetadataDraft> {
	return fieldsFromTags(await readTiffTags(tiff));
}
