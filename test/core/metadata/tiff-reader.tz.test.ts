// TIFF files: directories anywhere in the file, read by ranged reads and decoded through a rebuilt TIFF.
import { describe, expect, it } from "vitest";
import { readMetadata } from "../../../src/core/metadata/read-metadata";
import { makeExifTiff } from "../../../tools/exif-jpeg";
import { memoryByteSource } from "../../support/file-byte-source";

const OPTIONS = {
	make: "Epson",
	model: "Perfection V600",
	orientation: 1,
	dateTimeOriginal: "1987:07:14 09:30:00",
	focalLength: 50,
	gps: { latitude: 45.4642, longitude: 9.19, altitude: 120 },
};

describe("TIFF reader", () => {
	it.each(["MM", "II"] as const)("reads IFD0, Exif and GPS directories (%s byte order)", async (byteOrder) => {
		const tiff = makeExifTiff({ ...OPTIONS, byteOrder }) as Uint8Array;
		const meta = await readMetadata(memoryByteSource(tiff), "scan.tif", 0);
		expect(meta).toMatchObject({ taken: "1987-07-14T09:30:00", make: "Epson", model: "Perfection V600", focalLength: 50, altitude: 120, mime: "image/tiff" });
		expect(meta.latitude).toBeCloseTo(45.4642, 6);
	});

	it("reads directories written at the end of a large file without reading what comes before them", async () => {
		const tiff = makeExifTiff({ ...OPTIONS, ifdOffset: 20_000_000 }) as Uint8Array;
		const source = memoryByteSource(tiff);
		const meta = await readMetadata(source, "big-scan.tiff", 0);
		expect(meta).toMatchObject({ taken: "1987-07-14T09:30:00", make: "Epson" });
		expect(source.bytesRead).toBeLessThan(2 * 64 * 1024 + 4096);
	});

	it("keeps the type of a TIFF-based RAW by its extension", async () => {
		const meta = await readMetadata(memoryByteSource(makeExifTiff(OPTIONS) as Uint8Array), "DSC_0001.NEF", 0);
		expect(meta.mime).toBe("image/x-nikon-nef");
	});

	it("falls back to the file time when IFD0 points outside the file", async () => {
		const tiff = makeExifTiff(OPTIONS) as Uint8Array;
		new DataView(tiff.buffer).setUint32(4, 0x7fffffff);
		const meta = await readMetadata(memoryByteSource(tiff), "bad.tif", Date.UTC(2030, 0, 1));
		expect(meta).toMatchObject({ takenSource: "file", taken: "2030-01-01T00:00:00Z", make: null });
	});
});
