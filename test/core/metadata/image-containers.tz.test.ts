// PNG, WebP and GIF built in the test: sizes from their headers, EXIF and XMP from their chunks.
import { describe, expect, it } from "vitest";
import { readMetadata } from "../../../src/core/metadata/read-metadata";
import { makeExifTiff } from "../../../tools/exif-jpeg";
import { memoryByteSource } from "../../support/file-byte-source";
import { bytes, u32 } from "./bmff-builder";

const tiff = makeExifTiff({ make: "Google", model: "Pixel 8", dateTimeOriginal: "2023:10:12 07:45:00", offsetTimeOriginal: "+11:00" }) as Uint8Array;
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:DateTimeOriginal="2022-03-04T05:06:07+01:00"/></rdf:RDF></x:xmpmeta>`;

function pngChunk(type: string, data: Uint8Array | string): Uint8Array {
	const body = bytes(data);
	// Readers of metadata do not check CRCs; a zero CRC keeps the builder short.
	return bytes(u32(body.length), type, body, u32(0));
}

function png(...chunks: Uint8Array[]): Uint8Array {
	const ihdr = pngChunk("IHDR", bytes(u32(3000), u32(2000), [8, 2, 0, 0, 0]));
	return bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ihdr, ...chunks, pngChunk("IDAT", new Uint8Array(100)), pngChunk("IEND", ""));
}

function le32(value: number): number[] {
	return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

function riffChunk(type: string, data: Uint8Array): Uint8Array {
	return bytes(type, le32(data.length), data, data.length % 2 ? [0] : []);
}

function webp(...chunks: Uint8Array[]): Uint8Array {
	const body = bytes("WEBP", ...chunks);
	return bytes("RIFF", le32(body.length), body);
}

async function read(file: Uint8Array, name: string) {
	return readMetadata(memoryByteSource(file), name, Date.UTC(2030, 0, 1));
}

describe("PNG reader", () => {
	it("reads size from IHDR and EXIF from eXIf, after or before the image data", async () => {
		const meta = await read(png(pngChunk("eXIf", tiff)), "a.png");
		expect(meta).toMatchObject({ width: 3000, height: 2000, make: "Google", taken: "2023-10-12T07:45:00+11:00", mime: "image/png" });
	});

	it("accepts an eXIf chunk that kept JPEG's Exif prefix", async () => {
		expect((await read(png(pngChunk("eXIf", bytes("Exif\u0000\u0000", tiff))), "a.png")).model).toBe("Pixel 8");
	});

	it("takes the date from XMP in an uncompressed iTXt chunk when there is no EXIF", async () => {
		const itxt = pngChunk("iTXt", bytes("XML:com.adobe.xmp", [0, 0, 0], "", [0], "", [0], XMP));
		expect(await read(png(itxt), "a.png")).toMatchObject({ taken: "2022-03-04T05:06:07+01:00", takenSource: "xmp" });
	});

	it("falls back to the file time for a PNG with neither", async () => {
		expect(await read(png(), "a.png")).toMatchObject({ takenSource: "file", width: 3000 });
	});
});

describe("WebP reader", () => {
	it("reads the VP8X canvas and an EXIF chunk with or without the Exif prefix", async () => {
		const vp8x = riffChunk("VP8X", bytes([0x08, 0, 0, 0], [0x7f, 0x07, 0x00], [0x37, 0x04, 0x00]));
		for (const exif of [tiff, bytes("Exif\u0000\u0000", tiff)]) {
			const meta = await read(webp(vp8x, riffChunk("VP8 ", new Uint8Array(10)), riffChunk("EXIF", exif)), "a.webp");
			expect(meta).toMatchObject({ width: 1920, height: 1080, make: "Google", taken: "2023-10-12T07:45:00+11:00", mime: "image/webp" });
		}
	});

	it("reads the size of a simple lossy file from its VP8 frame header", async () => {
		const frame = bytes([0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a], [0x80, 0x02], [0xe0, 0x01]);
		expect(await read(webp(riffChunk("VP8 ", frame)), "a.webp")).toMatchObject({ width: 640, height: 480, takenSource: "file" });
	});

	it("reads the size of a lossless file from its VP8L header", async () => {
		// 14 bits width-1 (99), then 14 bits height-1 (49), little-endian.
		const bits = 99 | (49 << 14);
		expect(await read(webp(riffChunk("VP8L", bytes([0x2f], le32(bits)))), "a.webp")).toMatchObject({ width: 100, height: 50 });
	});

	it("takes a date from an XMP chunk", async () => {
		expect((await read(webp(riffChunk("XMP ", bytes(XMP))), "a.webp")).taken).toBe("2022-03-04T05:06:07+01:00");
	});
});

describe("GIF reader", () => {
	it("reads the logical screen size and falls back to the file time", async () => {
		const gif = bytes("GIF89a", [0x40, 0x01, 0xc8, 0x00], [0, 0, 0], [0x3b]);
		expect(await read(gif, "anim.gif")).toMatchObject({ width: 320, height: 200, takenSource: "file", taken: "2030-01-01T00:00:00Z", mime: "image/gif" });
	});
});
