/** Every format reader, in the order their signatures are tried; the one place a new format is added. */
import type { FormatReader } from "./format-reader";
import { cr3Reader } from "./formats/cr3-reader";
import { gifReader } from "./formats/gif-reader";
import { heifReader } from "./formats/heif-reader";
import { jpegReader } from "./formats/jpeg-reader";
import { pngReader } from "./formats/png-reader";
import { quickTimeReader } from "./formats/quicktime-reader";
import { rafReader } from "./formats/raf-reader";
import { tiffReader } from "./formats/tiff-reader";
import { webpReader } from "./formats/webp-reader";

/**
 * Three readers share ISO base media's `ftyp` box: CR3 and HEIF claim theirs by brand, so they come
 * before QuickTime, which takes any other `ftyp` file as a video.
 */
export const FORMAT_READERS: readonly FormatReader[] = [
	jpegReader,
	pngReader,
	heifReader,
	cr3Reader,
	quickTimeReader,
	tiffReader,
	rafReader,
	webpReader,
	gifReader,
];

export function readerFor(head: Uint8Array): FormatReader | null {
	return FORMAT_READERS.find((reader) => reader.canHandle(head)) ?? null;
}
