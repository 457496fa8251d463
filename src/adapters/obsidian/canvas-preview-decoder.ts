/**
 * PreviewDecoder inside Obsidian: the platform's own image decoder (createImageBitmap), the picture drawn
 * onto a canvas at most 64 pixels wide or high (its aspect kept: the core crops letterboxed thumbnails by
 * it), and the core hashes those pixels. It decodes what the platform decodes: JPEG,
 * PNG, WebP, AVIF, GIF everywhere, and HEIC and TIFF on iOS, whose WebKit reads them.
 */
import { Platform } from "obsidian";
import type { DecodedPreview, PreviewDecoder } from "../../core/ports/preview-decoder";

/** Longer side of the drawn picture: enough for the 9 × 8 hash and a thumbnail's crop, small enough to cost nothing. */
const SIZE = 64;
/** Shorter side at least: a panorama keeps a few rows to average. */
const MIN_SIDE = 16;

const EVERYWHERE = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif", "image/bmp"];
const WEBKIT_ONLY = ["image/heic", "image/heif", "image/tiff"];

type Context2d = Pick<CanvasRenderingContext2D, "drawImage" | "getImageData" | "imageSmoothingEnabled" | "imageSmoothingQuality">;

function context(width: number, height: number): Context2d | null {
	if (typeof OffscreenCanvas === "function") return new OffscreenCanvas(width, height).getContext("2d");
	// Detached, never shown: only its pixels are read.
	const canvas = createEl("canvas", { attr: { width, height } });
	return canvas.getContext("2d");
}

async function bitmapOf(blob: Blob): Promise<ImageBitmap> {
	try {
		// "from-image": turned as its EXIF orientation says, like the picture Obsidian shows.
		return await createImageBitmap(blob, { imageOrientation: "from-image" });
	} catch (error) {
		// An older WebView that does not know this value refuses it; its default still decodes.
		if (error instanceof TypeError) return createImageBitmap(blob);
		throw error;
	}
}

export function canvasPreviewDecoder(): PreviewDecoder {
	const mimes = new Set(Platform.isIosApp ? [...EVERYWHERE, ...WEBKIT_ONLY] : EVERYWHERE);
	return {
		// Per platform: a photo this one could not decode may be decodable on the other.
		id: Platform.isIosApp ? "canvas-ios" : "canvas",
		appliesOrientation: true,
		accepts: (mime) => mimes.has(mime) && typeof createImageBitmap === "function",
		async decode(bytes, mime): Promise<DecodedPreview | null> {
			if (!mimes.has(mime)) return null;
			const bitmap = await bitmapOf(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
			try {
				const scale = SIZE / Math.max(bitmap.width, bitmap.height, 1);
				const width = Math.max(MIN_SIDE, Math.round(bitmap.width * scale));
				const height = Math.max(MIN_SIDE, Math.round(bitmap.height * scale));
				const ctx = context(width, height);
				if (ctx === null) return null;
				ctx.imageSmoothingEnabled = true;
				ctx.imageSmoothingQuality = "high";
				ctx.drawImage(bitmap, 0, 0, width, height);
				return { width, height, channels: 4, pixels: ctx.getImageData(0, 0, width, height).data };
			} finally {
				bitmap.close();
			}
		},
	};
}
