/** Byte-different copies of a photo that stay valid files of their format, so every copy has its own SHA-256. */
import { crc32 } from "node:zlib";
import { concat } from "../tools/exif-jpeg";

type Kind = "jpeg" | "png" | "gif" | "riff" | "bmff" | "tiff";

const KIND_OF_EXTENSION: Readonly<Record<string, Kind>> = {
	jpg: "jpeg", jpeg: "jpeg",
	png: "png",
	gif: "gif",
	webp: "riff",
	heic: "bmff", heif: "bmff", avif: "bmff", mov: "bmff", mp4: "bmff", m4v: "bmff", "3gp": "bmff", cr3: "bmff",
	// TIFF-based RAWs and RAF address their data by offsets from the header, so bytes past the end are never read.
	tif: "tiff", tiff: "tiff", dng: "tiff", cr2: "tiff", nef: "tiff", arw: "tiff", orf: "tiff", rw2: "tiff", raf: "tiff",
};

export function canVary(extension: string): boolean {
	return extension.toLowerCase() in KIND_OF_EXTENSION;
}


function ascii(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

function u32be(value: number): Uint8Array {
	const out = new Uint8Array(4);
	new DataView(out.buffer).setUint32(0, value);
	return out;
}

/** A COM segment after the leading APPn segments: readers expect JFIF/Exif right after SOI, and skip comments. */
function varyJpeg(bytes: Uint8Array, tag: Uint8Array): Uint8Array {
	let at = 2;
	while (at + 4 <= bytes.length && bytes[at] === 0xff && (bytes[at + 1] ?? 0) >= 0xe0 && (bytes[at + 1] ?? 0) <= 0xef) {
		at += 2 + (((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0));
	}
	const length = tag.length + 2;
	return concat([bytes.subarray(0, at), new Uint8Array([0xff, 0xfe, length >> 8, length & 0xff]), tag, bytes.subarray(at)]);
}

/** A tEXt chunk of its own keyword just before IEND (data after IEND is a "trailer" that ExifTool warns about). */
function varyPng(bytes: Uint8Array, tag: Uint8Array): Uint8Array {
	const iend = bytes.length - 12;
	const type = ascii("tEXt");
	const data = concat([ascii("BenchVariant\0"), tag]);
	const chunk = concat([u32be(data.length), type, data, u32be(crc32(concat([type, data])) >>> 0)]);
	return concat([bytes.subarray(0, iend), chunk, bytes.subarray(iend)]);
}

/** A comment extension just before the 0x3B trailer. */
function varyGif(bytes: Uint8Array, tag: Uint8Array): Uint8Array {
	const end = bytes.length - 1;
	return concat([bytes.subarray(0, end), new Uint8Array([0x21, 0xfe, tag.length]), tag, new Uint8Array([0]), bytes.subarray(end)]);
}

/** An unknown RIFF chunk at the end, with the RIFF size updated (readers skip unknown chunks). */
function varyRiff(bytes: Uint8Array, tag: Uint8Array): Uint8Array {
	const body = tag.length % 2 === 0 ? tag : concat([tag, new Uint8Array([0])]);
	const size = new Uint8Array(4);
	new DataView(size.buffer).setUint32(0, tag.length, true);
	const out = concat([bytes, ascii("BNCH"), size, body]);
	new DataView(out.buffer).setUint32(4, out.length - 8, true);
	return out;
}

/** A `free` box at the end: ISO-BMFF defines it as padding every reader skips. */
function varyBmff(bytes: Uint8Array, tag: Uint8Array): Uint8Array {
	return concat([bytes, u32be(8 + tag.length), ascii("free"), tag]);
}

/** The copy of `bytes` marked with `tag` (short ASCII, under 200 characters). Throws for a format it cannot vary. */
export function varyPhoto(bytes: Uint8Array, extension: string, tag: string): Uint8Array {
	const kind = KIND_OF_EXTENSION[extension.toLowerCase()];
	const mark = ascii(tag);
	switch (kind) {
		case "jpeg": return varyJpeg(bytes, mark);
		case "png": return varyPng(bytes, mark);
		case "gif": return varyGif(bytes, mark);
		case "riff": return varyRiff(bytes, mark);
		case "bmff": return varyBmff(bytes, mark);
		case "tiff": return concat([bytes, mark]);
		default: throw new Error(`cannot make a valid variant of a .${extension} file`);
	}
}
