/**
 * PreviewDecoder for the CLI: JPEG only, with jpeg-js (pure JavaScript). The engine hands it a photo's
 * small EXIF thumbnail whenever the file has one, so a full-size decode is the exception; when it happens,
 * jpeg-js's own caps keep its memory bounded and a larger picture is "not compared" rather than an error.
 */
import { decode } from "jpeg-js";
import type { DecodedPreview, PreviewDecoder } from "../../core/ports/preview-decoder";

export interface JpegPreviewDecoderOptions {
	/** Largest picture decoded in full (default 50 megapixels: a 48 MP phone photo). */
	maxMegapixels?: number;
	/** jpeg-js's cap on the memory of one decode (default 400 MB: enough for about 24 MP). */
	maxMemoryMB?: number;
}

/** jpeg-js's words when a cap stops it: the picture is too large for this host, not broken. */
const LIMIT = /maxResolutionInMP limit exceeded|maxMemoryUsageInMB limit exceeded|Could not allocate enough memory/;

export function jpegPreviewDecoder(options: JpegPreviewDecoderOptions = {}): PreviewDecoder {
	return {
		id: "jpeg-js",
		appliesOrientation: false,
		accepts: (mime) => mime === "image/jpeg",
		decode(bytes, mime): Promise<DecodedPreview | null> {
			if (mime !== "image/jpeg") return Promise.resolve(null);
			try {
				const image = decode(bytes, {
					useTArray: true,
					// RGB, not RGBA: a quarter less memory for the one full-size buffer.
					formatAsRGBA: false,
					maxResolutionInMP: options.maxMegapixels ?? 50,
					maxMemoryUsageInMB: options.maxMemoryMB ?? 400,
				});
				return Promise.resolve({ width: image.width, height: image.height, channels: 3, pixels: image.data });
			} catch (error) {
				if (error instanceof Error && LIMIT.test(error.message)) return Promise.resolve(null);
				return Promise.reject(error instanceof Error ? error : new Error(String(error)));
			}
		},
	};
}
