// Test photos made in code (tools/exif-jpeg.ts): a seed makes byte-distinct files with the same metadata.
import { makeJpeg, type JpegOptions } from "../../tools/exif-jpeg";

export function jpeg(options: JpegOptions = {}): Uint8Array {
	return makeJpeg({ dateTimeOriginal: "2024:06:01 14:03:22", make: "Apple", model: "iPhone 15", ...options });
}
