// HEIC/HEIF: EXIF through the meta box's item table, including the iOS 18 files exifr itself rejects.
import { parse } from "exifr";
import { describe, expect, it } from "vitest";
import { readMetadata } from "../../../src/core/metadata/read-metadata";
import { makeExifTiff } from "../../../tools/exif-jpeg";
import { memoryByteSource } from "../../support/file-byte-source";
import { exifItem, makeHeif } from "./heif-builder";

const tiff = makeExifTiff({
	make: "Apple",
	model: "iPhone 15 Pro",
	dateTimeOriginal: "2024:09:21 18:45:10",
	subSecTimeOriginal: "482",
	offsetTimeOriginal: "-07:00",
	gps: { latitude: 37.3349, longitude: -122.009, altitude: 21.5 },
}) as Uint8Array;

// The compatible brands of an iPhone 15 Pro adaptive-HDR photo under iOS 18: a 52-byte ftyp (exifr issue #138).
const IOS18_BRANDS = ["mif1", "MiHB", "miaf", "MiHE", "MiPr", "tmap", "heic", "hevc", "unif"];

async function read(bytes: Uint8Array) {
	return readMetadata(memoryByteSource(bytes), "IMG_0001.HEIC", Date.UTC(2030, 0, 1));
}

describe("HEIF reader", () => {
	it("#138 exifr rejects a HEIC whose ftyp is longer than 50 bytes, and we still read its EXIF", async () => {
		const file = makeHeif({ brands: IOS18_BRANDS, exifItem: exifItem(tiff) });
		expect(file[3]).toBe(52);
		// The regression this reader exists for: exifr on the whole file does not recognise it.
		await expect(parse(file, { tiff: true })).rejects.toThrow(/Unknown file format/);
		const meta = await read(file);
		expect(meta).toMatchObject({ taken: "2024-09-21T18:45:10.482-07:00", takenSource: "exif", make: "Apple", model: "iPhone 15 Pro", mime: "image/heic" });
		expect(meta.latitude).toBeCloseTo(37.3349, 6);
		expect(meta.longitude).toBeCloseTo(-122.009, 6);
		expect(meta.altitude).toBeCloseTo(21.5, 6);
	});

	it("takes the pixel size from the primary item's ispe property, not from EXIF", async () => {
		const meta = await read(makeHeif({ exifItem: exifItem(tiff), width: 5712, height: 4284 }));
		expect([meta.width, meta.height]).toEqual([5712, 4284]);
	});

	it("reads an Exif item kept in the meta box's idat (iloc construction method 1)", async () => {
		const meta = await read(makeHeif({ exifItem: exifItem(tiff), inIdat: true }));
		expect(meta.taken).toBe("2024-09-21T18:45:10.482-07:00");
	});

	it("finds the TIFF header when the item's header offset is wrong", async () => {
		const item = exifItem(tiff);
		item.set([0, 0, 0, 99], 0);
		expect((await read(makeHeif({ exifItem: item }))).make).toBe("Apple");
	});

	it("falls back to the file time for a HEIF without an Exif item, keeping its size", async () => {
		const meta = await read(makeHeif({ width: 1440, height: 960 }));
		expect(meta).toMatchObject({ taken: "2030-01-01T00:00:00Z", takenSource: "file", width: 1440, height: 960, make: null });
	});

	it("keeps the size when the Exif item is garbage", async () => {
		const meta = await read(makeHeif({ exifItem: new Uint8Array(40).fill(7) }));
		expect(meta).toMatchObject({ takenSource: "file", width: 4032, height: 3024 });
	});

	it("labels AVIF content by its extension's type", async () => {
		const meta = await readMetadata(memoryByteSource(makeHeif({ exifItem: exifItem(tiff) })), "photo.avif", 0);
		expect(meta.mime).toBe("image/avif");
	});
});
