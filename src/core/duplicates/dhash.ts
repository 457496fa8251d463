/**
 * The perceptual hash of duplicate search: a 64-bit difference hash (dHash). The picture as displayed is
 * area-averaged to 9 × 8 brightness cells, and each bit says whether a cell is darker than its right-hand
 * neighbour. Re-encoding, resizing, and light edits of brightness or contrast change few bits; different
 * pictures differ in about half of them. Chosen over a DCT hash (pHash) because it needs nothing but the
 * averages, so every host computes the same bits from its own decoder at the cost of one pass.
 */
import type { DecodedPreview } from "../ports/preview-decoder";
import { lumaGrid, orientGrid, swapsAxes, type Crop, type Grid } from "./preview-grid";

const COLS = 9;
const ROWS = 8;

/**
 * A grid whose brightest and darkest cells differ by less than this (of 255) is a blank or nearly uniform
 * picture (a frame shot with the lens covered, a black screen): its bits are noise, and every such picture
 * would look alike. It is left out of the look-alike search; identical copies of it are still found.
 */
export const PLAIN_RANGE = 6;

/**
 * A cell must be brighter than its left neighbour by more than this (of 255) to set its bit. Flat areas
 * (a clipped sky, a black frame, a wall) make neighbours equal, and without a margin their bits would
 * follow rounding noise of the decoder and the resize; with it they are reliably 0.
 */
const MARGIN = 0.5;

export type PreviewHash = { kind: "hash"; hex: string } | { kind: "plain" };

export interface HashOptions {
	/** EXIF orientation to apply (null or 1: none). */
	orientation: number | null;
	/** The part of the picture to hash (a letterboxed thumbnail's picture), default all. */
	crop?: Crop;
}

/** The dHash of `image` as displayed, or "plain" for a picture without structure to compare. */
export function hashPreview(image: DecodedPreview, options: HashOptions): PreviewHash {
	const swap = swapsAxes(options.orientation);
	const stored = lumaGrid(image, swap ? ROWS : COLS, swap ? COLS : ROWS, options.crop);
	return hashGrid(orientGrid(stored, options.orientation));
}

export function hashGrid(grid: Grid): PreviewHash {
	if (grid.cols !== COLS || grid.rows !== ROWS) throw new Error(`dHash needs a ${COLS} × ${ROWS} grid`);
	const { values } = grid;
	let min = Infinity;
	let max = -Infinity;
	for (const v of values) {
		min = Math.min(min, v);
		max = Math.max(max, v);
	}
	if (max - min < PLAIN_RANGE) return { kind: "plain" };
	let hi = 0;
	let lo = 0;
	for (let r = 0; r < ROWS; r++) {
		for (let c = 0; c < COLS - 1; c++) {
			const bit = (values[r * COLS + c + 1] ?? 0) - (values[r * COLS + c] ?? 0) > MARGIN ? 1 : 0;
			if (r < 4) hi = ((hi << 1) | bit) >>> 0;
			else lo = ((lo << 1) | bit) >>> 0;
		}
	}
	return { kind: "hash", hex: toHex(hi) + toHex(lo) };
}

function toHex(word: number): string {
	return word.toString(16).padStart(8, "0");
}

/** The two 32-bit halves of a 16-digit hex hash; null when `hex` is not one. */
export function parseHashHex(hex: string): [number, number] | null {
	if (!/^[0-9a-f]{16}$/.test(hex)) return null;
	return [Number.parseInt(hex.slice(0, 8), 16) >>> 0, Number.parseInt(hex.slice(8), 16) >>> 0];
}

/** Set bits of a 32-bit word. */
export function popcount32(word: number): number {
	let v = word >>> 0;
	v -= (v >>> 1) & 0x55555555;
	v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
	return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bits in which two hashes differ, 0–64. */
export function hammingDistance(aHi: number, aLo: number, bHi: number, bLo: number): number {
	return popcount32(aHi ^ bHi) + popcount32(aLo ^ bLo);
}
