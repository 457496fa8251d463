/**
 * A decoded picture reduced to a small grid of brightness values, as it is displayed: area-averaged (what
 * any resize does, so a resized copy gives the same grid), cropped where a thumbnail was letterboxed, and
 * turned by its EXIF orientation (a copy whose rotation was baked into the pixels gives the same grid).
 */
import type { DecodedPreview } from "../ports/preview-decoder";

export interface Grid {
	cols: number;
	rows: number;
	/** Brightness 0–255, row after row. */
	values: Float64Array;
}

/** A region of the picture, in its pixels. */
export interface Crop {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Rec. 601 luma: the weights JPEG itself uses for brightness. */
function lumaAt(p: ArrayLike<number>, i: number, channels: number): number {
	if (channels === 1) return p[i] ?? 0;
	return 0.299 * (p[i] ?? 0) + 0.587 * (p[i + 1] ?? 0) + 0.114 * (p[i + 2] ?? 0);
}

/**
 * For each source index along one axis: the destination cells it covers and how much of each. Works for
 * shrinking and for growing (a picture smaller than the grid), so every cell gets an exact area average.
 */
function spans(length: number, cells: number): Array<Array<[number, number]>> {
	const scale = cells / length;
	const out: Array<Array<[number, number]>> = [];
	for (let s = 0; s < length; s++) {
		const from = s * scale;
		const to = (s + 1) * scale;
		const parts: Array<[number, number]> = [];
		for (let cell = Math.floor(from); cell < Math.min(cells, Math.ceil(to)); cell++) {
			const overlap = Math.min(to, cell + 1) - Math.max(from, cell);
			if (overlap > 0) parts.push([cell, overlap]);
		}
		out.push(parts);
	}
	return out;
}

/** Area-averaged brightness of `crop` (default: the whole picture) on a `cols × rows` grid, one pass over the pixels. */
export function lumaGrid(image: DecodedPreview, cols: number, rows: number, crop?: Crop): Grid {
	const area = crop ?? { x: 0, y: 0, width: image.width, height: image.height };
	const xs = spans(area.width, cols);
	const ys = spans(area.height, rows);
	const sums = new Float64Array(cols * rows);
	const weights = new Float64Array(cols * rows);
	const line = new Float64Array(cols);
	const lineWeight = new Float64Array(cols);
	const { pixels, channels, width } = image;
	for (let y = 0; y < area.height; y++) {
		line.fill(0);
		lineWeight.fill(0);
		const rowStart = ((area.y + y) * width + area.x) * channels;
		for (let x = 0; x < area.width; x++) {
			const luma = lumaAt(pixels, rowStart + x * channels, channels);
			for (const [cell, w] of xs[x] ?? []) {
				line[cell] = (line[cell] ?? 0) + luma * w;
				lineWeight[cell] = (lineWeight[cell] ?? 0) + w;
			}
		}
		for (const [row, w] of ys[y] ?? []) {
			for (let c = 0; c < cols; c++) {
				sums[row * cols + c] = (sums[row * cols + c] ?? 0) + (line[c] ?? 0) * w;
				weights[row * cols + c] = (weights[row * cols + c] ?? 0) + (lineWeight[c] ?? 0) * w;
			}
		}
	}
	const values = new Float64Array(cols * rows);
	for (let i = 0; i < values.length; i++) values[i] = (weights[i] ?? 0) > 0 ? (sums[i] ?? 0) / (weights[i] ?? 1) : 0;
	return { cols, rows, values };
}

/** EXIF orientations 5–8 store the picture turned a quarter: its displayed width is its stored height. */
export function swapsAxes(orientation: number | null): boolean {
	return orientation !== null && orientation >= 5 && orientation <= 8;
}

/**
 * The grid as displayed for an EXIF orientation (1–8, TIFF 6.0 / EXIF 2.32 tag 0x0112); anything else
 * leaves it as stored. For 5–8 the result has the stored grid's rows as columns.
 */
export function orientGrid(grid: Grid, orientation: number | null): Grid {
	const o = orientation ?? 1;
	if (o < 2 || o > 8) return grid;
	const { cols: w, rows: h, values } = grid;
	const swap = swapsAxes(o);
	const cols = swap ? h : w;
	const rows = swap ? w : h;
	const out = new Float64Array(cols * rows);
	for (let dy = 0; dy < rows; dy++) {
		for (let dx = 0; dx < cols; dx++) {
			const [sx, sy] = storedPoint(o, dx, dy, w, h);
			out[dy * cols + dx] = values[sy * w + sx] ?? 0;
		}
	}
	return { cols, rows, values: out };
}

/** Where the displayed point (dx, dy) is in the stored picture of `w × h`. */
function storedPoint(orientation: number, dx: number, dy: number, w: number, h: number): [number, number] {
	switch (orientation) {
		case 2: return [w - 1 - dx, dy];
		case 3: return [w - 1 - dx, h - 1 - dy];
		case 4: return [dx, h - 1 - dy];
		case 5: return [dy, dx];
		case 6: return [dy, h - 1 - dx];
		case 7: return [w - 1 - dy, h - 1 - dx];
		default: return [w - 1 - dy, dx];
	}
}

/**
 * The centred part of a thumbnail that shows the full picture of aspect `width / height`: cameras pad a
 * 3:2 picture with black bars to fit a 160 × 120 thumbnail, and the bars would make it look unlike a copy
 * decoded in full. Null when the aspects already agree (within 2%) or the full size is unknown.
 */
export function letterboxCrop(thumbWidth: number, thumbHeight: number, width: number | null, height: number | null): Crop | null {
	if (width === null || height === null || width <= 0 || height <= 0) return null;
	const picture = width / height;
	const thumb = thumbWidth / thumbHeight;
	if (Math.abs(picture / thumb - 1) <= 0.02) return null;
	if (picture > thumb) {
		const h = Math.max(1, Math.round(thumbWidth / picture));
		return { x: 0, y: Math.floor((thumbHeight - h) / 2), width: thumbWidth, height: h };
	}
	const w = Math.max(1, Math.round(thumbHeight * picture));
	return { x: Math.floor((thumbWidth - w) / 2), y: 0, width: w, height: thumbHeight };
}
