// Removing the location byte for byte: generated files with a position in every place we know, read back with exifr.
import { parse } from "exifr";
import { describe, expect, it } from "vitest";
import { crc32 } from "../../../src/core/export/strip/crc32";
import { patchedStream } from "../../../src/core/export/strip/byte-patch";
import { planLocationStrip } from "../../../src/core/export/strip/strip-location";
import { readMetadata } from "../../../src/core/metadata/read-metadata";
import { memoryByteSource } from "../../support/file-byte-source";
import { makeExifTiff, makeJpeg } from "../../../tools/exif-jpeg";
import { box } from "../metadata/bmff-builder";
import { makeMovie, mdtaMeta, mvhd, quickTimeSeconds, trak, udtaText } from "../metadata/quicktime-builder";
import { applyPatches, jpegWithPlace, loci, metadataTrack, PLACE } from "./strip-fixtures";

async function stripped(original: Uint8Array, name: string) {
	const plan = await planLocationStrip(memoryByteSource(original), name);
	return { plan, copy: applyPatches(original, plan.patches) };
}

function latin1(data: Uint8Array): string {
	return new TextDecoder("latin1").decode(data);
}

describe("removing the location from a JPEG", () => {
	it.each(["MM", "II"] as const)("blanks the GPS IFD and the XMP place, keeps the date and camera, and the size (%s byte order)", async (byteOrder) => {
		const original = jpegWithPlace({ byteOrder });
		const before = (await parse(original, { gps: true, xmp: true })) as Record<string, unknown>;
		expect(before.latitude).toBeCloseTo(PLACE.latitude, 4);
		const { plan, copy } = await stripped(original, "a.jpg");
		expect(plan.problems).toEqual([]);
		expect(copy.length).toBe(original.length);
		const after = (await parse(copy, { gps: true, xmp: true, reviveValues: false })) as Record<string, unknown>;
		expect(after.latitude).toBeUndefined();
		expect(after.longitude).toBeUndefined();
		expect(after.GPSLatitude).toBeUndefined();
		expect(after.DateTimeOriginal).toBe("2024:06:01 18:42:05");
		expect(after.Model).toBe("iPhone 15");
		const text = latin1(copy);
		expect(text).not.toMatch(/Paris|France|Champ de Mars|51\.504N/);
		// What is not a place stays: the rating and the creator tool.
		expect(text).toContain('xmp:Rating="5"');
		expect(text).toContain("<xmp:CreatorTool>Camera</xmp:CreatorTool>");
		const meta = await readMetadata(memoryByteSource(copy), "a.jpg", 0);
		expect(meta).toMatchObject({ latitude: null, longitude: null, altitude: null, taken: "2024-06-01T18:42:05+01:00", make: "Apple" });
	});

	it("changes nothing in a photo without any location", async () => {
		const { plan } = await stripped(makeJpeg({ dateTimeOriginal: "2024:06:01 18:42:05", make: "Apple" }), "a.jpg");
		expect(plan).toEqual({ patches: [], problems: [] });
	});
});

describe("removing the location from a QuickTime or MP4 video", () => {
	const keys = {
		"com.apple.quicktime.creationdate": "2024-05-01T10:11:12+0200",
		"com.apple.quicktime.make": "Apple",
		"com.apple.quicktime.model": "iPhone 15 Pro",
		"com.apple.quicktime.location.ISO6709": "+48.8584+002.2945+035.000/",
		"com.apple.quicktime.location.accuracy.horizontal": "14.5",
	};

	it("blanks Apple's location keys, ©xyz and 3GPP loci, and keeps the date and camera", async () => {
		const movie = makeMovie({
			moov: [mvhd(quickTimeSeconds("2024-05-01T08:11:12Z"), 600, 1800), trak("vide", 1920, 1080), box("udta", mdtaMeta(keys), udtaText("xyz", "+48.8584+002.2945/"), loci())],
		});
		expect((await readMetadata(memoryByteSource(movie), "clip.mov", 0)).latitude).toBeCloseTo(48.8584, 4);
		const { plan, copy } = await stripped(movie, "clip.mov");
		expect(plan.problems).toEqual([]);
		expect(copy.length).toBe(movie.length);
		const meta = await readMetadata(memoryByteSource(copy), "clip.mov", 0);
		expect(meta).toMatchObject({ latitude: null, longitude: null, taken: "2024-05-01T10:11:12+02:00", model: "iPhone 15 Pro", width: 1920 });
		const text = latin1(copy);
		expect(text).not.toMatch(/48\.8584|14\.5|Home/);
		expect(text).not.toContain("loci");
		// The media data is untouched.
		expect(copy.subarray(0, 1024 + 40)).toEqual(movie.subarray(0, 1024 + 40));
	});

	it("refuses a video that records positions in a track of its own (GoPro telemetry)", async () => {
		const movie = makeMovie({ brand: "mp41", moov: [mvhd(quickTimeSeconds("2024-05-01T08:11:12Z"), 600, 1800), trak("vide", 1920, 1080), metadataTrack("gpmd")] });
		const { plan } = await stripped(movie, "GOPR0001.MP4");
		expect(plan.problems).toEqual(["it carries a track of positions (gpmd) that cannot be removed"]);
	});
});

describe("removing the location from PNG", () => {
	it("patches the eXIf chunk and its CRC, so every chunk still checks", async () => {
		const tiff = makeExifTiff({ make: "Apple", gps: PLACE }) ?? new Uint8Array(0);
		const chunk = (type: string, data: Uint8Array): Uint8Array => {
			const typeBytes = new TextEncoder().encode(type);
			const out = new Uint8Array(12 + data.length);
			const view = new DataView(out.buffer);
			view.setUint32(0, data.length);
			out.set(typeBytes, 4);
			out.set(data, 8);
			view.setUint32(8 + data.length, crc32(typeBytes, data));
			return out;
		};
		const ihdr = new Uint8Array([0, 0, 0, 8, 0, 0, 0, 8, 8, 0, 0, 0, 0]);
		const png = new Uint8Array([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
			...chunk("IHDR", ihdr), ...chunk("eXIf", tiff), ...chunk("IEND", new Uint8Array(0)),
		]);
		expect((await readMetadata(memoryByteSource(png), "a.png", 0)).latitude).toBeCloseTo(PLACE.latitude, 4);
		const { plan, copy } = await stripped(png, "a.png");
		expect(plan.problems).toEqual([]);
		expect(await readMetadata(memoryByteSource(copy), "a.png", 0)).toMatchObject({ latitude: null, longitude: null, make: "Apple" });
		for (let at = 8; at < copy.length;) {
			const view = new DataView(copy.buffer, copy.byteOffset);
			const length = view.getUint32(at);
			expect(view.getUint32(at + 8 + length)).toBe(crc32(copy.subarray(at + 4, at + 8 + length)));
			at += 12 + length;
		}
	});
});

describe("files whose location cannot be removed", () => {
	it("says so for a format it does not know", async () => {
		const { plan } = await stripped(new TextEncoder().encode("just some text in a file"), "a.jpg");
		expect(plan.problems).toHaveLength(1);
		expect(plan.problems[0]).toMatch(/could not be read|not one whose location/);
	});
});

describe("patching a stream", () => {
	it("applies patches that straddle chunk boundaries and leaves the source chunks untouched", async () => {
		const source = Uint8Array.from({ length: 100 }, (_, i) => i);
		const chunks = [source.subarray(0, 10), source.subarray(10, 15), source.subarray(15, 100)];
		const patches = [{ offset: 8, bytes: new Uint8Array(4).fill(0xaa) }, { offset: 14, bytes: new Uint8Array(3).fill(0xbb) }, { offset: 98, bytes: new Uint8Array(5).fill(0xcc) }];
		async function* stream() {
			yield* chunks;
		}
		const out: number[] = [];
		for await (const chunk of patchedStream(stream(), patches)) out.push(...chunk);
		expect(out).toHaveLength(100);
		expect(out.slice(6, 18)).toEqual([6, 7, 0xaa, 0xaa, 0xaa, 0xaa, 12, 13, 0xbb, 0xbb, 0xbb, 17]);
		expect(out.slice(96)).toEqual([96, 97, 0xcc, 0xcc]);
		expect(Array.from(source.subarray(8, 12))).toEqual([8, 9, 10, 11]);
	});
});
