// Pictures with real structure (gradients and shapes, not noise) made in the tests, their re-encoded,
// resized, rotated and thumbnailed copies, and an engine over a temporary vault that can decode them.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { encode } from "jpeg-js";
import { jpegPreviewDecoder } from "../../../src/adapters/node/jpeg-preview-decoder";
import { NodeDataStore } from "../../../src/adapters/node/node-data-store";
import { NodeFileStore } from "../../../src/adapters/node/node-file-store";
import { createNodeLocalFs } from "../../../src/adapters/node/node-local-fs";
import { NodeNoteStore } from "../../../src/adapters/node/node-note-store";
import { createPhotoEngine } from "../../../src/core/engine";
import type { PhotoEngine } from "../../../src/core/engine-types";
import type { PreviewDecoder } from "../../../src/core/ports/preview-decoder";
import { localVaultTrash } from "../../../src/core/restore/local-trash";
import { DEFAULT_INDEX_SETTINGS } from "../../../src/core/settings";
import { concat, makeExifTiff, type ExifOptions } from "../../../tools/exif-jpeg";
import { tempDir } from "../../support/temp-dir";

export interface Picture {
	width: number;
	height: number;
	/** RGBA. */
	pixels: Uint8Array;
}

/** A scene of a gradient, a wave, rectangles and discs, all placed by `seed`. */
export function scene(width: number, height: number, seed: number): Picture {
	let s = seed * 7919 + 17;
	const random = (): number => (s = (s * 9301 + 49297) % 233280) / 233280;
	const shape = () => ({ x: random() * width, y: random() * height, a: (0.08 + random() * 0.25) * width, b: (0.08 + random() * 0.25) * height, c: [random() * 255, random() * 255, random() * 255] });
	const rects = Array.from({ length: 4 }, shape);
	const discs = Array.from({ length: 5 }, shape);
	const tilt = random() * 2 - 1;
	const pixels = new Uint8Array(width * height * 4);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			let c = [(x / width) * 200 + 30, ((y + tilt * x) / height) * 160 + 40, 128 + 90 * Math.sin(((x + 2 * y) / width) * 5 + seed)];
			for (const r of rects) if (x >= r.x && x < r.x + r.a && y >= r.y && y < r.y + r.b) c = r.c;
			for (const d of discs) if (((x - d.x) / d.a) ** 2 + ((y - d.y) / d.b) ** 2 < 1) c = d.c;
			pixels.set([c[0] ?? 0, c[1] ?? 0, c[2] ?? 0, 255], (y * width + x) * 4);
		}
	}
	return { width, height, pixels };
}

export function jpegOf(picture: Picture, quality: number): Uint8Array {
	return new Uint8Array(encode({ width: picture.width, height: picture.height, data: picture.pixels }, quality).data);
}

/** A box-filter resize, as image editors shrink a photo for sharing. */
export function resized(picture: Picture, width: number, height: number): Picture {
	const pixels = new Uint8Array(width * height * 4);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const x0 = Math.floor((x * picture.width) / width), x1 = Math.max(x0 + 1, Math.floor(((x + 1) * picture.width) / width));
			const y0 = Math.floor((y * picture.height) / height), y1 = Math.max(y0 + 1, Math.floor(((y + 1) * picture.height) / height));
			const sum = [0, 0, 0];
			for (let sy = y0; sy < y1; sy++) for (let sx = x0; sx < x1; sx++) for (let k = 0; k < 3; k++) sum[k] = (sum[k] ?? 0) + (picture.pixels[(sy * picture.width + sx) * 4 + k] ?? 0);
			const n = (x1 - x0) * (y1 - y0);
			pixels.set([(sum[0] ?? 0) / n, (sum[1] ?? 0) / n, (sum[2] ?? 0) / n, 255], (y * width + x) * 4);
		}
	}
	return { width, height, pixels };
}

/** The picture stored turned a quarter counter-clockwise: what a camera held upright stores, with orientation 6. */
export function storedForOrientation6(picture: Picture): Picture {
	const { width: w, height: h } = picture;
	const pixels = new Uint8Array(w * h * 4);
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			// Displayed (x, y) is stored (sx, sy) = (y, h_s - 1 - x) with stored height w.
			const sx = y, sy = w - 1 - x;
			pixels.set(picture.pixels.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), (sy * h + sx) * 4);
		}
	}
	return { width: h, height: w, pixels };
}

/** The picture shrunk into `width × height` with black bars, as cameras make a 4:3 thumbnail of a 3:2 photo. */
export function letterboxed(picture: Picture, width: number, height: number): Picture {
	const inner = Math.round((width * picture.height) / picture.width);
	const shrunk = resized(picture, width, inner);
	const pixels = new Uint8Array(width * height * 4);
	for (let i = 3; i < pixels.length; i += 4) pixels[i] = 255;
	pixels.set(shrunk.pixels, Math.floor((height - inner) / 2) * width * 4);
	return { width, height, pixels };
}

function u16(n: number): number[] {
	return [(n >> 8) & 0xff, n & 0xff];
}

function u32(n: number): number[] {
	return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

/**
 * `jpeg` with an EXIF block (APP1) holding `thumbnail` in IFD1, where cameras keep it: IFD0 with the
 * orientation, IFD1 with JPEGInterchangeFormat and its length, then the thumbnail's bytes.
 */
export function withThumbnail(jpeg: Uint8Array, thumbnail: Uint8Array, orientation = 1): Uint8Array {
	const ifd0 = [...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0];
	const ifd1At = 8 + ifd0.length + 4;
	const ifd1Size = 2 + 3 * 12 + 4;
	const dataAt = ifd1At + ifd1Size;
	const entry = (tag: number, type: number, value: number): number[] => [...u16(tag), ...u16(type), ...u32(1), ...(type === 3 ? [...u16(value), 0, 0] : u32(value))];
	const ifd1 = [...u16(3), ...entry(0x0103, 3, 6), ...entry(0x0201, 4, dataAt), ...entry(0x0202, 4, thumbnail.length), ...u32(0)];
	const tiff = concat([new Uint8Array([0x4d, 0x4d, 0, 42, ...u32(8), ...ifd0, ...u32(ifd1At), ...ifd1]), thumbnail]);
	const payload = concat([new TextEncoder().encode("Exif\u0000\u0000"), tiff]);
	const app1 = new Uint8Array([0xff, 0xe1, ...u16(payload.length + 2)]);
	return concat([jpeg.subarray(0, 2), app1, payload, jpeg.subarray(2)]);
}

/** A decoder that records what it was asked to decode. */
export function countingDecoder(inner: PreviewDecoder = jpegPreviewDecoder()): PreviewDecoder & { calls: Array<{ bytes: number; width: number | null }> } {
	const calls: Array<{ bytes: number; width: number | null }> = [];
	return {
		calls,
		id: inner.id,
		appliesOrientation: inner.appliesOrientation,
		accepts: (mime) => inner.accepts(mime),
		async decode(bytes, mime) {
			const image = await inner.decode(bytes, mime);
			calls.push({ bytes: bytes.length, width: image?.width ?? null });
			return image;
		},
	};
}

export interface DuplicatesVault {
	root: string;
	/** A fresh engine over the vault (as a new CLI run makes), with this decoder and the vault's .trash. */
	engine(decoder?: PreviewDecoder | null): PhotoEngine;
	write(path: string, bytes: Uint8Array | string): Promise<void>;
}

export async function duplicatesVault(): Promise<DuplicatesVault> {
	const root = await tempDir("pa-duplicates-");
	const dataFolder = join(root, ".obsidian", "plugins", "photo-archivist");
	return {
		root,
		engine: (decoder = jpegPreviewDecoder()) => createPhotoEngine(
			{
				files: new NodeFileStore(root),
				notes: new NodeNoteStore(root),
				data: new NodeDataStore(dataFolder),
				trash: localVaultTrash(createNodeLocalFs(), root),
				...(decoder === null ? {} : { previewDecoder: decoder }),
			},
			DEFAULT_INDEX_SETTINGS,
		),
		write: async (path, bytes) => {
			await mkdir(dirname(join(root, path)), { recursive: true });
			await writeFile(join(root, path), bytes);
		},
	};
}

/** `jpeg` with an EXIF block of `options` (camera, date…) right after its start, as a camera writes it. */
export function withExif(jpeg: Uint8Array, options: ExifOptions): Uint8Array {
	const tiff = makeExifTiff(options);
	if (tiff === null) return jpeg;
	const payload = concat([new TextEncoder().encode("Exif\u0000\u0000"), tiff]);
	return concat([jpeg.subarray(0, 2), new Uint8Array([0xff, 0xe1, ...u16(payload.length + 2)]), payload, jpeg.subarray(2)]);
}
