/**
 * Photos made in code for tests, the demo and the benchmark: a tiny valid baseline JPEG (8×8, flat grey)
 * with an EXIF block written here, so every field a test needs can be set, broken or left out. No Node
 * built-ins: it runs in tests and in the bundled demo alike.
 */

export interface GpsPosition {
	/** Signed decimal degrees. */
	latitude: number;
	longitude: number;
	/** Metres; negative is below sea level (written as GPSAltitudeRef 1). */
	altitude?: number;
}

export interface ExifOptions {
	make?: string;
	model?: string;
	orientation?: number;
	/** Raw EXIF text, "YYYY:MM:DD HH:MM:SS"; written as given, so tests can write malformed dates. */
	dateTimeOriginal?: string;
	subSecTimeOriginal?: string;
	/** "+02:00". */
	offsetTimeOriginal?: string;
	/** DateTimeDigitized (CreateDate), raw EXIF text. */
	dateTimeDigitized?: string;
	fNumber?: number;
	/** Seconds. */
	exposureTime?: number;
	iso?: number;
	/** Millimetres. */
	focalLength?: number;
	lensModel?: string;
	/** PixelXDimension / PixelYDimension (default 8): what EXIF claims; the JPEG frame itself stays 8×8. */
	pixelWidth?: number;
	pixelHeight?: number;
	gps?: GpsPosition;
	/** "MM" (big-endian, the default) or "II". */
	byteOrder?: "MM" | "II";
	/**
	 * Where IFD0 starts in the TIFF structure (default 8, right after the header). A larger value leaves
	 * zeros before it, like scanners that write their directories at the end of a large TIFF file.
	 */
	ifdOffset?: number;
}

export interface JpegOptions extends ExifOptions {
	/** Text of a COM segment: different comments make byte-different files with the same metadata. */
	comment?: string;
	/** Shorthand for a comment naming this number, to make many distinct files. */
	seed?: number;
}

/** Width and height of the encoded image. */
export const FRAME_SIZE = 8;

type Value =
	| { type: 1 | 3 | 4 | 7; numbers: number[] }
	| { type: 2; text: string }
	| { type: 5; rationals: [number, number][] };

interface Entry {
	tag: number;
	value: Value;
}

const TYPE_SIZE: Record<Value["type"], number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1 };

function encodeValue(value: Value, le: boolean): Uint8Array {
	if (value.type === 2) return new Uint8Array([...new TextEncoder().encode(value.text), 0]);
	const count = value.type === 5 ? value.rationals.length : value.numbers.length;
	const out = new Uint8Array(count * TYPE_SIZE[value.type]);
	const view = new DataView(out.buffer);
	if (value.type === 5) {
		value.rationals.forEach(([n, d], i) => {
			view.setUint32(i * 8, n, le);
			view.setUint32(i * 8 + 4, d, le);
		});
	} else {
		value.numbers.forEach((n, i) => {
			if (value.type === 1 || value.type === 7) view.setUint8(i, n);
			else if (value.type === 3) view.setUint16(i * 2, n, le);
			else view.setUint32(i * 4, n, le);
		});
	}
	return out;
}

/** Three IFDs, then all values longer than four bytes; IFD0 points to the others when they have entries. */
function writeTiff(le: boolean, ifd0: Entry[], exif: Entry[], gps: Entry[], ifdOffset: number): Uint8Array {
	const main = [...ifd0];
	if (exif.length > 0) main.push({ tag: 0x8769, value: { type: 4, numbers: [0] } });
	if (gps.length > 0) main.push({ tag: 0x8825, value: { type: 4, numbers: [0] } });
	const ifds = [main, exif, gps].map((entries) => [...entries].sort((a, b) => a.tag - b.tag));
	const starts: number[] = [];
	let at = ifdOffset;
	for (const entries of ifds) {
		starts.push(at);
		if (entries.length > 0) at += 2 + entries.length * 12 + 4;
	}
	const encoded = ifds.map((entries) => entries.map((e) => encodeValue(e.value, le)));
	const dataAt = new Map<Uint8Array, number>();
	for (const bytes of encoded.flat()) {
		if (bytes.length <= 4) continue;
		dataAt.set(bytes, at);
		at += bytes.length + (bytes.length % 2);
	}
	const out = new Uint8Array(at);
	const view = new DataView(out.buffer);
	out.set(le ? [0x49, 0x49, 0x2a, 0] : [0x4d, 0x4d, 0, 0x2a]);
	view.setUint32(4, ifdOffset, le);
	ifds.forEach((entries, n) => {
		if (entries.length === 0) return;
		let p = starts[n] ?? 0;
		view.setUint16(p, entries.length, le);
		p += 2;
		entries.forEach((entry, i) => {
			const bytes = encoded[n]?.[i] ?? new Uint8Array(0);
			view.setUint16(p, entry.tag, le);
			view.setUint16(p + 2, entry.value.type, le);
			view.setUint32(p + 4, bytes.length / TYPE_SIZE[entry.value.type], le);
			if (n === 0 && entry.tag === 0x8769) view.setUint32(p + 8, starts[1] ?? 0, le);
			else if (n === 0 && entry.tag === 0x8825) view.setUint32(p + 8, starts[2] ?? 0, le);
			else if (bytes.length > 4) {
				view.setUint32(p + 8, dataAt.get(bytes) ?? 0, le);
				out.set(bytes, dataAt.get(bytes) ?? 0);
			} else out.set(bytes, p + 8);
			p += 12;
		});
	});
	return out;
}

/** A rational close to `x`: 1/n for exposure-like fractions, else a power-of-ten denominator. */
function rational(x: number): [number, number] {
	const value = Math.abs(x);
	if (value > 0 && value < 1 && Math.abs(1 / value - Math.round(1 / value)) < 1e-9) return [1, Math.round(1 / value)];
	for (let d = 1; d <= 1_000_000; d *= 10) if (Math.abs(value * d - Math.round(value * d)) < 1e-9) return [Math.round(value * d), d];
	return [Math.round(value * 1_000_000), 1_000_000];
}

function dms(degrees: number): [number, number][] {
	const value = Math.abs(degrees);
	const d = Math.floor(value), m = Math.floor((value - d) * 60);
	const s = (value - d - m / 60) * 3600;
	return [[d, 1], [m, 1], [Math.round(s * 10_000), 10_000]];
}

/** The TIFF structure of an EXIF block (what follows "Exif\0\0" in APP1), or null when no field is set. */
export function makeExifTiff(options: ExifOptions): Uint8Array | null {
	const ifd0: Entry[] = [], exif: Entry[] = [], gps: Entry[] = [];
	const text = (list: Entry[], tag: number, value: string | undefined) => value !== undefined && list.push({ tag, value: { type: 2, text: value } });
	const ratio = (list: Entry[], tag: number, value: number | undefined) => value !== undefined && list.push({ tag, value: { type: 5, rationals: [rational(value)] } });
	const short = (list: Entry[], tag: number, value: number | undefined) => value !== undefined && list.push({ tag, value: { type: 3, numbers: [value] } });
	const long = (list: Entry[], tag: number, value: number | undefined) => value !== undefined && list.push({ tag, value: { type: 4, numbers: [value] } });
	text(ifd0, 0x010f, options.make);
	text(ifd0, 0x0110, options.model);
	short(ifd0, 0x0112, options.orientation);
	ratio(exif, 0x829a, options.exposureTime);
	ratio(exif, 0x829d, options.fNumber);
	short(exif, 0x8827, options.iso);
	text(exif, 0x9003, options.dateTimeOriginal);
	text(exif, 0x9004, options.dateTimeDigitized);
	text(exif, 0x9011, options.offsetTimeOriginal);
	ratio(exif, 0x920a, options.focalLength);
	text(exif, 0x9291, options.subSecTimeOriginal);
	text(exif, 0xa434, options.lensModel);
	if (options.gps) {
		const { latitude, longitude, altitude } = options.gps;
		gps.push({ tag: 0, value: { type: 1, numbers: [2, 3, 0, 0] } });
		text(gps, 1, latitude < 0 ? "S" : "N");
		gps.push({ tag: 2, value: { type: 5, rationals: dms(latitude) } });
		text(gps, 3, longitude < 0 ? "W" : "E");
		gps.push({ tag: 4, value: { type: 5, rationals: dms(longitude) } });
		if (altitude !== undefined) {
			gps.push({ tag: 5, value: { type: 1, numbers: [altitude < 0 ? 1 : 0] } });
			gps.push({ tag: 6, value: { type: 5, rationals: [[Math.round(Math.abs(altitude) * 1000), 1000]] } });
		}
	}
	if (ifd0.length + exif.length + gps.length === 0) return null;
	// The tags EXIF 2.32 requires in every JPEG, so `exiftool -validate` finds nothing to complain about.
	const version = (tag: number, digits: string) => ({ tag, value: { type: 7 as const, numbers: [...digits].map((c) => c.charCodeAt(0)) } });
	ratio(ifd0, 0x011a, 72);
	ratio(ifd0, 0x011b, 72);
	short(ifd0, 0x0128, 2);
	short(ifd0, 0x0213, 1);
	exif.push(version(0x9000, "0232"), version(0xa000, "0100"));
	exif.push({ tag: 0x9101, value: { type: 7, numbers: [1, 2, 3, 0] } });
	short(exif, 0xa001, 1);
	long(exif, 0xa002, options.pixelWidth ?? FRAME_SIZE);
	long(exif, 0xa003, options.pixelHeight ?? FRAME_SIZE);
	return writeTiff(options.byteOrder === "II", ifd0, exif, gps, Math.max(8, options.ifdOffset ?? 8));
}

function segment(marker: number, payload: Uint8Array): Uint8Array {
	if (payload.length > 65533) throw new Error(`JPEG segment too long (${payload.length} bytes)`);
	const length = payload.length + 2;
	return new Uint8Array([0xff, marker, length >> 8, length & 0xff, ...payload]);
}

// One 8×8 grey block: quantisation all ones, Huffman tables with one code each (DC category 0, AC end of
// block), so the whole scan is the two bits "00" padded with ones: 0x3F (ITU T.81, Annex F).
const IMAGE = [
	segment(0xdb, new Uint8Array([0x00, ...new Array<number>(64).fill(1)])),
	segment(0xc0, new Uint8Array([8, 0, 8, 0, 8, 1, 1, 0x11, 0])),
	segment(0xc4, new Uint8Array([0x00, 1, ...new Array<number>(15).fill(0), 0x00])),
	segment(0xc4, new Uint8Array([0x10, 1, ...new Array<number>(15).fill(0), 0x00])),
	segment(0xda, new Uint8Array([1, 1, 0x00, 0, 63, 0])),
	new Uint8Array([0x3f, 0xff, 0xd9]),
];

/** The parts one after another in one array (shared by the tests, the demo and the benchmark). */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** A small valid JPEG carrying the EXIF fields of `options` (none: no APP1 segment at all). */
export function makeJpeg(options: JpegOptions = {}): Uint8Array {
	const parts: Uint8Array[] = [new Uint8Array([0xff, 0xd8])];
	const tiff = makeExifTiff(options);
	if (tiff) parts.push(segment(0xe1, concat([new TextEncoder().encode("Exif\u0000\u0000"), tiff])));
	const comment = options.comment ?? (options.seed !== undefined ? `photo ${options.seed}` : undefined);
	if (comment !== undefined) parts.push(segment(0xfe, new TextEncoder().encode(comment)));
	return concat([...parts, ...IMAGE]);
}
