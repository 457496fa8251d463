// The Obsidian preview decoder over stand-ins for the browser's createImageBitmap and OffscreenCanvas (Node has
// neither): what it asks the platform for, the size it draws at, and what it accepts where.
import { decode } from "jpeg-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { canvasPreviewDecoder } from "../../../src/adapters/obsidian/canvas-preview-decoder";
import { hashPreview } from "../../../src/core/duplicates/dhash";
import { Platform, setPlatform } from "../../fakes/obsidian";
import { jpegOf, resized, scene, type Picture } from "../../core/duplicates/duplicate-fixtures";

interface FakeBitmap extends Picture {
	closed: boolean;
	close(): void;
}

/** createImageBitmap decoding JPEG with jpeg-js; `refuseOptions` plays a WebView that knows none of them. */
function stubBrowser(refuseOptions = false): { bitmaps: FakeBitmap[]; options: unknown[] } {
	const bitmaps: FakeBitmap[] = [];
	const options: unknown[] = [];
	vi.stubGlobal("createImageBitmap", async (blob: Blob, opts?: unknown) => {
		options.push(opts);
		if (opts !== undefined && refuseOptions) throw new TypeError("The provided value 'from-image' is not a valid enum value");
		const image = decode(new Uint8Array(await blob.arrayBuffer()), { useTArray: true });
		const bitmap: FakeBitmap = { width: image.width, height: image.height, pixels: image.data, closed: false, close: () => void (bitmap.closed = true) };
		bitmaps.push(bitmap);
		return bitmap;
	});
	vi.stubGlobal("OffscreenCanvas", class {
		private drawn: Picture | null = null;
		constructor(readonly width: number, readonly height: number) {}
		getContext() {
			return {
				imageSmoothingEnabled: false,
				imageSmoothingQuality: "low",
				drawImage: (bitmap: FakeBitmap, _x: number, _y: number, w: number, h: number) => {
					this.drawn = resized(bitmap, w, h);
				},
				getImageData: () => ({ data: this.drawn?.pixels }),
			};
		}
	});
	return { bitmaps, options };
}

describe("the canvas preview decoder", () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		setPlatform("desktop");
	});

	it("draws the picture turned as its EXIF says, at most 64 pixels on its longer side, its aspect kept", async () => {
		const browser = stubBrowser();
		const picture = scene(400, 300, 5);
		const preview = await canvasPreviewDecoder().decode(jpegOf(picture, 90), "image/jpeg");
		expect(preview).toMatchObject({ width: 64, height: 48, channels: 4 });
		expect(browser.options).toEqual([{ imageOrientation: "from-image" }]);
		expect(browser.bitmaps[0]?.closed).toBe(true);
		// The same bits as the whole picture: the host's shrinking does not change the hash.
		expect(preview === null ? null : hashPreview(preview, { orientation: null })).toEqual(hashPreview({ ...picture, channels: 4 }, { orientation: null }));
	});

	it("falls back to the platform's defaults where the options are refused", async () => {
		const browser = stubBrowser(true);
		const preview = await canvasPreviewDecoder().decode(jpegOf(scene(120, 30, 6), 90), "image/jpeg");
		// A panorama keeps at least 16 rows.
		expect(preview).toMatchObject({ width: 64, height: 16 });
		expect(browser.options).toEqual([{ imageOrientation: "from-image" }, undefined]);
	});

	it("accepts HEIC and TIFF only on iOS, and nothing where the platform cannot decode", () => {
		stubBrowser();
		expect(canvasPreviewDecoder().accepts("image/png")).toBe(true);
		expect(canvasPreviewDecoder().accepts("image/heic")).toBe(false);
		Object.assign(Platform, { isIosApp: true });
		const ios = canvasPreviewDecoder();
		expect([ios.id, ios.accepts("image/heic"), ios.accepts("image/tiff"), ios.accepts("video/quicktime")]).toEqual(["canvas-ios", true, true, false]);
		vi.unstubAllGlobals();
		expect(canvasPreviewDecoder().accepts("image/jpeg")).toBe(false);
	});
});
