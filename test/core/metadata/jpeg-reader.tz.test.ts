// JPEG photos made by tools/exif-jpeg.ts, read back field by field under every test time zone.
import { describe, expect, it } from "vitest";
import { readMetadata } from "../../../src/core/metadata/read-metadata";
import { type JpegOptions, makeJpeg } from "../../../tools/exif-jpeg";
import { memoryByteSource } from "../../support/file-byte-source";

const MTIME = Date.UTC(2030, 5, 1, 8, 30, 15, 250);

const FULL: JpegOptions = {
	make: "FUJIFILM",
	model: "X-T5",
	orientation: 6,
	dateTimeOriginal: "2024:06:01 14:03:22",
	subSecTimeOriginal: "120",
	offsetTimeOriginal: "+02:00",
	fNumber: 2.8,
	exposureTime: 1 / 250,
	iso: 400,
	focalLength: 23,
	lensModel: "XF23mmF1.4 R LM WR",
	pixelWidth: 7728,
	pixelHeight: 5152,
	gps: { latitude: -33.8568, longitude: 151.2153, altitude: -12.5 },
};

function read(options: JpegOptions, name = "photo.jpg") {
	return readMetadata(memoryByteSource(makeJpeg(options)), name, MTIME);
}

describe("JPEG reader", () => {
	it("reads every field the writer sets", async () => {
		const meta = await read(FULL);
		expect(meta).toMatchObject({
			taken: "2024-06-01T14:03:22.120+02:00",
			takenSource: "exif",
			make: "FUJIFILM",
			model: "X-T5",
			lens: "XF23mmF1.4 R LM WR",
			focalLength: 23,
			aperture: 2.8,
			exposureTime: 0.004,
			iso: 400,
			orientation: 6,
			mime: "image/jpeg",
		});
		expect(meta.latitude).toBeCloseTo(-33.8568, 6);
		expect(meta.longitude).toBeCloseTo(151.2153, 6);
		expect(meta.altitude).toBe(-12.5);
	});

	it("reads little-endian EXIF the same", async () => {
		const meta = await read({ ...FULL, byteOrder: "II" });
		expect(meta).toMatchObject({ taken: "2024-06-01T14:03:22.120+02:00", make: "FUJIFILM", iso: 400 });
	});

	it("sizes the photo by its frame header, not by what EXIF claims", async () => {
		const meta = await read(FULL);
		expect([meta.width, meta.height]).toEqual([8, 8]);
	});

	it("keeps a taken time without offset as the camera's local wall clock", async () => {
		const meta = await read({ dateTimeOriginal: "2019:12:31 23:59:59" });
		expect(meta.taken).toBe("2019-12-31T23:59:59");
	});

	it("falls back to DateTimeDigitized when DateTimeOriginal is missing or blank", async () => {
		expect((await read({ dateTimeDigitized: "2020:02:29 06:00:00" })).taken).toBe("2020-02-29T06:00:00");
		const blank = await read({ dateTimeOriginal: "    :  :     :  :  ", dateTimeDigitized: "2020:02:29 06:00:00" });
		expect(blank.taken).toBe("2020-02-29T06:00:00");
	});

	it.each([
		["zeros", "0000:00:00 00:00:00"],
		["an impossible day", "2023:02:29 10:00:00"],
		["text", "yesterday"],
	])("falls back to the file time when the date is %s", async (_name, date) => {
		const meta = await read({ make: "Canon", dateTimeOriginal: date });
		expect(meta).toMatchObject({ taken: "2030-06-01T08:30:15.250Z", takenSource: "file", make: "Canon" });
	});

	it("falls back to the file time for a JPEG without EXIF, and still sizes it", async () => {
		const meta = await read({});
		expect(meta).toMatchObject({ taken: "2030-06-01T08:30:15.250Z", takenSource: "file", make: null, width: 8, height: 8, orientation: null });
	});

	it("treats zero exposure values as not recorded", async () => {
		const meta = await read({ fNumber: 0, focalLength: 0, iso: 0 });
		expect(meta).toMatchObject({ aperture: null, focalLength: null, iso: null });
	});

	it("places GPS in every quadrant with the sign of its ref", async () => {
		for (const [latitude, longitude] of [[40.7, -74], [-22.9, -43.2], [35.7, 139.7], [-1.3, 36.8]] as const) {
			const meta = await read({ gps: { latitude, longitude } });
			expect(meta.latitude).toBeCloseTo(latitude, 6);
			expect(meta.longitude).toBeCloseTo(longitude, 6);
			expect(meta.altitude).toBeNull();
		}
	});

	it("keeps YAML and Markdown syntax in strings, removing only control characters", async () => {
		const meta = await read({ make: "---\nmake: \"quoted\" [[Link]]", model: "  # Heading\u0007 with bell\r\n", lensModel: "\u0000" });
		expect(meta.make).toBe("---\nmake: \"quoted\" [[Link]]");
		expect(meta.model).toBe("# Heading with bell");
		expect(meta.lens).toBeNull();
	});

	it("keeps non-ASCII text written as UTF-8", async () => {
		expect((await read({ model: "Appareil “été” 📷" })).model).toBe("Appareil “été” 📷");
	});

	it("makes byte-different files from the same metadata with a seed or a comment", () => {
		const a = makeJpeg({ ...FULL, seed: 1 }), b = makeJpeg({ ...FULL, seed: 2 }), c = makeJpeg({ ...FULL, comment: "c" });
		expect(new Set([a, b, c].map((x) => Array.from(x).join(","))).size).toBe(3);
	});

	it("reads only the head of a large JPEG", async () => {
		const photo = makeJpeg(FULL);
		const large = new Uint8Array(8_000_000);
		large.set(photo);
		const source = memoryByteSource(large);
		await readMetadata(source, "big.jpg", MTIME);
		expect(source.bytesRead).toBeLessThanOrEqual(64 * 1024);
	});
});
