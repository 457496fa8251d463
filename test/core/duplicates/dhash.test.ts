// The perceptual hash and the preview grid behind it: what stays the same for a copy, what does not for another picture.
import { decode } from "jpeg-js";
import { describe, expect, it } from "vitest";
import { hammingDistance, hashPreview, parseHashHex, popcount32, type PreviewHash } from "../../../src/core/duplicates/dhash";
import { letterboxCrop, lumaGrid, orientGrid } from "../../../src/core/duplicates/preview-grid";
import type { DecodedPreview } from "../../../src/core/ports/preview-decoder";
import { jpegOf, resized, scene, storedForOrientation6, type Picture } from "./duplicate-fixtures";

const preview = (p: Picture): DecodedPreview => ({ width: p.width, height: p.height, channels: 4, pixels: p.pixels });
const decoded = (jpeg: Uint8Array): DecodedPreview => {
	const image = decode(jpeg, { useTArray: true });
	return { width: image.width, height: image.height, channels: 4, pixels: image.data };
};

function bits(hash: PreviewHash): [number, number] {
	if (hash.kind !== "hash") throw new Error(`expected a hash, got ${hash.kind}`);
	const words = parseHashHex(hash.hex);
	if (words === null) throw new Error(`bad hex ${hash.hex}`);
	return words;
}

function distance(a: PreviewHash, b: PreviewHash): number {
	const [ah, al] = bits(a);
	const [bh, bl] = bits(b);
	return hammingDistance(ah, al, bh, bl);
}

describe("dHash", () => {
	const original = scene(480, 360, 3);
	const hash = hashPreview(preview(original), { orientation: 1 });

	it("changes few bits for a copy re-encoded at low quality or resized, and about half for another picture", () => {
		expect(distance(hash, hashPreview(decoded(jpegOf(original, 25)), { orientation: 1 }))).toBeLessThanOrEqual(6);
		expect(distance(hash, hashPreview(preview(resized(original, 160, 120)), { orientation: 1 }))).toBeLessThanOrEqual(4);
		expect(distance(hash, hashPreview(preview(scene(480, 360, 4)), { orientation: 1 }))).toBeGreaterThan(12);
	});

	it("hashes a picture stored turned with orientation 6 as the upright one", () => {
		const stored = storedForOrientation6(original);
		expect(stored.width).toBe(360);
		expect(hashPreview(preview(stored), { orientation: 6 })).toEqual(hash);
		// Read as stored, it is another picture.
		expect(distance(hash, hashPreview(preview(stored), { orientation: 1 }))).toBeGreaterThan(12);
	});

	it("calls a blank or nearly uniform picture plain, whatever its colour", () => {
		for (const value of [0, 128, 255]) {
			const pixels = new Uint8Array(64 * 48 * 4).fill(value);
			pixels[5] = value === 255 ? 252 : value + 3;
			expect(hashPreview({ width: 64, height: 48, channels: 4, pixels }, { orientation: null })).toEqual({ kind: "plain" });
		}
	});

	it("hashes grey, RGB and RGBA pixels of one picture alike", () => {
		const { width, height } = original;
		const rgb = new Uint8Array(width * height * 3);
		const grey = new Uint8Array(width * height);
		for (let i = 0; i < width * height; i++) {
			const [r, g, b] = [original.pixels[i * 4] ?? 0, original.pixels[i * 4 + 1] ?? 0, original.pixels[i * 4 + 2] ?? 0];
			rgb.set([r, g, b], i * 3);
			grey[i] = 0.299 * r + 0.587 * g + 0.114 * b;
		}
		expect(hashPreview({ width, height, channels: 3, pixels: rgb }, { orientation: 1 })).toEqual(hash);
		expect(distance(hash, hashPreview({ width, height, channels: 1, pixels: grey }, { orientation: 1 }))).toBeLessThanOrEqual(1);
	});

	it("counts differing bits", () => {
		expect(popcount32(0)).toBe(0);
		expect(popcount32(0xffffffff)).toBe(32);
		expect(popcount32(0x80000001)).toBe(2);
		expect(hammingDistance(0xf0, 0, 0x0f, 1)).toBe(9);
		expect(parseHashHex("00000000000000ff")).toEqual([0, 255]);
		expect(parseHashHex("xyz")).toBeNull();
	});
});

describe("the preview grid", () => {
	it("area-averages exactly, growing a picture smaller than the grid as well as shrinking", () => {
		const two: DecodedPreview = { width: 2, height: 1, channels: 1, pixels: new Uint8Array([0, 90]) };
		expect([...lumaGrid(two, 3, 1).values]).toEqual([0, 45, 90]);
		const four: DecodedPreview = { width: 4, height: 1, channels: 1, pixels: new Uint8Array([10, 20, 30, 40]) };
		expect([...lumaGrid(four, 2, 1).values]).toEqual([15, 35]);
		expect([...lumaGrid(four, 1, 1, { x: 1, y: 0, width: 2, height: 1 }).values]).toEqual([25]);
	});

	it("turns the grid for each EXIF orientation", () => {
		// 1 2 3
		// 4 5 6, stored; each orientation says how to show it.
		const grid = { cols: 3, rows: 2, values: Float64Array.from([1, 2, 3, 4, 5, 6]) };
		const shown = (o: number): number[][] => {
			const g = orientGrid(grid, o);
			return Array.from({ length: g.rows }, (_, r) => [...g.values.slice(r * g.cols, (r + 1) * g.cols)]);
		};
		expect(shown(1)).toEqual([[1, 2, 3], [4, 5, 6]]);
		expect(shown(2)).toEqual([[3, 2, 1], [6, 5, 4]]);
		expect(shown(3)).toEqual([[6, 5, 4], [3, 2, 1]]);
		expect(shown(4)).toEqual([[4, 5, 6], [1, 2, 3]]);
		expect(shown(5)).toEqual([[1, 4], [2, 5], [3, 6]]);
		expect(shown(6)).toEqual([[4, 1], [5, 2], [6, 3]]);
		expect(shown(7)).toEqual([[6, 3], [5, 2], [4, 1]]);
		expect(shown(8)).toEqual([[3, 6], [2, 5], [1, 4]]);
	});

	it("finds the picture inside a letterboxed thumbnail, and leaves one of the right shape alone", () => {
		expect(letterboxCrop(160, 120, 6000, 4000)).toEqual({ x: 0, y: 6, width: 160, height: 107 });
		expect(letterboxCrop(160, 120, 3000, 4000)).toEqual({ x: 35, y: 0, width: 90, height: 120 });
		expect(letterboxCrop(160, 120, 4032, 3024)).toBeNull();
		expect(letterboxCrop(160, 120, null, 3024)).toBeNull();
	});
});
