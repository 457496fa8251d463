// A minimal HEIF still image: ftyp, meta (hdlr, pitm, iinf, iloc, iprp with one ispe) and mdat with an Exif item.
import { box, bytes, ftyp, fullBox, u16, u32 } from "./bmff-builder";

export interface HeifLayout {
	/** Compatible brands after the major brand "heic"; iOS 18 adaptive-HDR photos list eight (a 52-byte ftyp). */
	brands?: string[];
	/** Payload of the Exif item, usually tiffHeaderOffset + "Exif\0\0" + TIFF. */
	exifItem?: Uint8Array;
	/** Keep the Exif item in the meta box's idat (iloc construction method 1) instead of mdat. */
	inIdat?: boolean;
	width?: number;
	height?: number;
}

export function exifItem(tiff: Uint8Array, headerOffset = 6): Uint8Array {
	return bytes(u32(headerOffset), headerOffset === 6 ? "Exif\u0000\u0000" : new Uint8Array(headerOffset), tiff);
}

function infe(id: number, type: string): Uint8Array {
	return fullBox("infe", 2, 0, u16(id), u16(0), type, [0]);
}

export function makeHeif(layout: HeifLayout): Uint8Array {
	const { brands = ["mif1", "heic"], exifItem: exif, inIdat = false, width = 4032, height = 3024 } = layout;
	const head = ftyp("heic", ...brands);
	const image = new Uint8Array(32).fill(0xee);
	const items = exif ? 2 : 1;
	const iinf = fullBox("iinf", 0, 0, u16(items), infe(1, "hvc1"), exif ? infe(2, "Exif") : []);
	const iprp = box("iprp", box("ipco", fullBox("ispe", 0, 0, u32(width), u32(height))), fullBox("ipma", 0, 0, u32(1), u16(1), [1], [0x81]));
	const idat = inIdat && exif ? box("idat", exif) : new Uint8Array(0);
	// iloc v1: 4-byte offsets and lengths, no base offset; the offsets are filled in once the layout is known.
	const iloc = (imageAt: number, exifAt: number) =>
		fullBox("iloc", 1, 0, [0x44, 0x00], u16(items),
			u16(1), u16(0), u16(0), u16(1), u32(imageAt), u32(image.length),
			exif ? bytes(u16(2), u16(inIdat ? 1 : 0), u16(0), u16(1), u32(exifAt), u32(exif.length)) : []);
	const meta = (imageAt: number, exifAt: number) =>
		fullBox("meta", 0, 0, fullBox("hdlr", 0, 0, u32(0), "pict", new Uint8Array(13)), fullBox("pitm", 0, 0, u16(1)), iinf, iloc(imageAt, exifAt), iprp, idat);
	const metaSize = meta(0, 0).length;
	const mdatAt = head.length + metaSize + 8;
	const exifAt = inIdat ? 0 : mdatAt + image.length;
	return bytes(head, meta(mdatAt, exifAt), box("mdat", image, inIdat || !exif ? [] : exif));
}
