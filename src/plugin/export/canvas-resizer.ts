/**
 * Resized copies for sharing, made by the platform: the photo decoded by createImageBitmap (turned upright
 * as its EXIF orientation says), drawn at most `maxEdge` pixels on its longest side, encoded as JPEG. It
 * decodes what the platform decodes: JPEG, PNG, WebP, AVIF, GIF everywhere, HEIC and TIFF on iOS.
 */
import { Platform } from "obsidian";
import type { Resizer } from "../../core/export/export-types";
import { mimeOf } from "../../core/metadata/mime-types";

const EVERYWHERE = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"];
const WEBKIT_ONLY = ["image/heic", "image/heif", "image/tiff"];
const QUALITY = 0.85;

async function bitmapOf(blob: Blob): Promise<ImageBitmap | null> {
	try {
		return await createImageBitmap(blob, { imageOrientation: "from-image" });
	} catch (error) {
		// An older WebView that does not know this option refuses it; its default still decodes.
		if (error instanceof TypeError) return createImageBitmap(blob).catch(() => null);
		return null;
	}
}

async function jpegOf(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
	if (typeof OffscreenCanvas === "function") {
		const canvas = new OffscreenCanvas(width, height);
		const context = canvas.getContext("2d");
		if (context === null) return null;
		context.drawImage(bitmap, 0, 0, width, height);
		return canvas.convertToBlob({ type: "image/jpeg", quality: QUALITY });
	}
	const canvas = createEl("canvas", { attr: { width, height } });
	const context = canvas.getContext("2d");
	if (context === null) return null;
	context.drawImage(bitmap, 0, 0, width, height);
	return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", QUALITY));
}

export function canvasResizer(maxEdge: number): Resizer {
	const mimes = new Set(Platform.isIosApp ? [...EVERYWHERE, ...WEBKIT_ONLY] : EVERYWHERE);
	return async (photo, original) => {
		const mime = mimeOf(photo.path);
		if (!mimes.has(mime) || typeof createImageBitmap !== "function") return null;
		const bitmap = await bitmapOf(new Blob([original as Uint8Array<ArrayBuffer>], { type: mime }));
		if (bitmap === null) return null;
		try {
			const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height, 1));
			const blob = await jpegOf(bitmap, Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
			return blob === null ? null : new Uint8Array(await blob.arrayBuffer());
		} finally {
			bitmap.close();
		}
	};
}
