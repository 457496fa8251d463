/**
 * The perceptual hash of one photo, from the cheapest picture that shows it: the JPEG thumbnail most
 * cameras and phones store in the EXIF block (found in the file's first kilobytes, a few thousand pixels
 * to decode), else the whole file decoded by the host. 50,000 photos must not mean 50,000 full decodes.
 */
import { thumbnail } from "exifr";
import { describeError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import type { FileStore } from "../ports/file-store";
import type { DecodedPreview, PreviewDecoder } from "../ports/preview-decoder";
import { SerialQueue } from "../util/serial-queue";
import { hashPreview, PLAIN_RANGE, type PreviewHash } from "./dhash";
import { letterboxCrop, lumaGrid, type Crop } from "./preview-grid";

/** Why a photo was left out of the look-alike search (it still counts for identical copies). */
export type NotComparedReason = "video" | "plain" | "format" | "too-large" | "unreadable";

export type PreviewOutcome = PreviewHash | { kind: "skipped"; reason: NotComparedReason; detail?: string };

/** The EXIF block of a JPEG sits in its APP1 segment, at most 64 KB, right after the start. */
const JPEG_HEAD_BYTES = 80 * 1024;
/** TIFF-based RAW files point to their thumbnail from the first directory; it is usually in the first megabyte. */
const TIFF_HEAD_BYTES = 1024 * 1024;
/** Larger files are not read whole to be decoded: a phone must not hold a 200 MB TIFF in memory. */
export const MAX_DECODED_FILE_BYTES = 100 * 1024 * 1024;

const TIFF_FAMILY = new Set([
	"image/tiff", "image/x-adobe-dng", "image/x-canon-cr2", "image/x-nikon-nef", "image/x-sony-arw",
	"image/x-olympus-orf", "image/x-panasonic-rw2",
]);

export interface PreviewHasher {
	hash(record: PhotoRecord): Promise<PreviewOutcome>;
}

export function createPreviewHasher(files: FileStore, decoder: PreviewDecoder): PreviewHasher {
	// One full-size decode at a time, whatever the pool reading files: that is where the memory goes.
	const fullDecodes = new SerialQueue();

	const fromThumbnail = async (record: PhotoRecord): Promise<PreviewHash | null> => {
		const { mime, width, height, orientation } = record.meta;
		const headBytes = mime === "image/jpeg" ? JPEG_HEAD_BYTES : TIFF_FAMILY.has(mime) ? TIFF_HEAD_BYTES : 0;
		if (headBytes === 0 || !decoder.accepts("image/jpeg")) return null;
		const head = await files.read(record.path, { start: 0, end: Math.min(record.size, headBytes) });
		const bytes = await thumbnail(head).catch(() => undefined);
		if (bytes === undefined || bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
		const image = await decoder.decode(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), "image/jpeg").catch(() => null);
		if (image === null || image.width < 9 || image.height < 8) return null;
		const crop = barsCrop(image, width, height);
		// The thumbnail holds no orientation of its own: the photo's applies to it, whoever decodes it.
		const hash = hashPreview(image, crop === null ? { orientation } : { orientation, crop });
		// A blank thumbnail may stand for a real picture (some tools write a grey one): the full file decides.
		return hash.kind === "plain" ? null : hash;
	};

	const fromFile = async (record: PhotoRecord): Promise<PreviewOutcome> => {
		const { mime, orientation } = record.meta;
		if (!decoder.accepts(mime)) return { kind: "skipped", reason: "format", detail: mime };
		if (record.size > MAX_DECODED_FILE_BYTES) return { kind: "skipped", reason: "too-large" };
		return fullDecodes.run(async () => {
			let image: DecodedPreview | null;
			try {
				image = await decoder.decode(await files.read(record.path), mime);
			} catch (error) {
				return { kind: "skipped", reason: "unreadable", detail: describeError(error) };
			}
			if (image === null) return { kind: "skipped", reason: "too-large" };
			if (image.width < 1 || image.height < 1) return { kind: "skipped", reason: "unreadable", detail: "the picture is empty" };
			return hashPreview(image, { orientation: decoder.appliesOrientation ? null : orientation });
		});
	};

	return {
		async hash(record) {
			if (record.meta.mime.startsWith("video/")) return { kind: "skipped", reason: "video" };
			return (await fromThumbnail(record).catch(() => null)) ?? fromFile(record);
		},
	};
}

/**
 * Where the picture is in a thumbnail padded to another aspect: only when the strips around it are plain
 * bars, since some cameras squeeze the picture instead, and squeezing changes no dHash bit.
 */
function barsCrop(image: DecodedPreview, width: number | null, height: number | null): Crop | null {
	const crop = letterboxCrop(image.width, image.height, width, height);
	if (crop === null) return null;
	const strips: Crop[] = crop.y > 0
		? [{ x: 0, y: 0, width: image.width, height: crop.y }, { x: 0, y: crop.y + crop.height, width: image.width, height: image.height - crop.y - crop.height }]
		: [{ x: 0, y: 0, width: crop.x, height: image.height }, { x: crop.x + crop.width, y: 0, width: image.width - crop.x - crop.width, height: image.height }];
	for (const strip of strips) {
		if (strip.width < 1 || strip.height < 1) continue;
		const { values } = lumaGrid(image, 8, 2, strip);
		if (Math.max(...values) - Math.min(...values) >= PLAIN_RANGE) return null;
	}
	return crop;
}
