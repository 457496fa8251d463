// QuickTime/MP4: creation time, size, duration and Apple metadata from moov, without reading media data.
import { describe, expect, it } from "vitest";
import { readMetadata } from "../../../src/core/metadata/read-metadata";
import { memoryByteSource } from "../../support/file-byte-source";
import { box } from "./bmff-builder";
import { makeMovie, mdtaMeta, mvhd, quickTimeSeconds, trak, udtaText } from "./quicktime-builder";

const APPLE_KEYS = {
	"com.apple.quicktime.creationdate": "2024-05-01T10:11:12+0200",
	"com.apple.quicktime.make": "Apple",
	"com.apple.quicktime.model": "iPhone 15 Pro",
	"com.apple.quicktime.location.ISO6709": "+48.8584+002.2945+035.000/",
};

async function read(bytes: Uint8Array, name = "clip.mov") {
	const source = memoryByteSource(bytes);
	return { meta: await readMetadata(source, name, Date.UTC(2030, 0, 1)), source };
}

describe("QuickTime reader", () => {
	it("keeps the creation date key's wall clock and offset, and reads make, model and place", async () => {
		const movie = makeMovie({ moov: [mvhd(quickTimeSeconds("2024-05-01T08:11:12Z"), 600, 1800), trak("vide", 1920, 1080), box("udta", mdtaMeta(APPLE_KEYS))] });
		const { meta } = await read(movie);
		expect(meta).toMatchObject({
			taken: "2024-05-01T10:11:12+02:00",
			takenSource: "quicktime",
			make: "Apple",
			model: "iPhone 15 Pro",
			latitude: 48.8584,
			longitude: 2.2945,
			altitude: 35,
			width: 1920,
			height: 1080,
			duration: 3,
			mime: "video/quicktime",
		});
	});

	it("reads keys from a moov/meta that is a plain QuickTime atom, not a full box", async () => {
		const { meta } = await read(makeMovie({ moov: [mdtaMeta(APPLE_KEYS, false)] }));
		expect(meta.model).toBe("iPhone 15 Pro");
	});

	it("uses mvhd's creation time, an instant in UTC, when no key gives a date", async () => {
		const { meta } = await read(makeMovie({ brand: "isom", moov: [mvhd(quickTimeSeconds("2024-06-01T12:34:56Z"), 1000, 2000)] }), "clip.mp4");
		expect(meta).toMatchObject({ taken: "2024-06-01T12:34:56Z", takenSource: "quicktime", duration: 2, mime: "video/mp4" });
	});

	it("reads a version 1 mvhd with 64-bit times", async () => {
		const { meta } = await read(makeMovie({ moov: [mvhd(quickTimeSeconds("2031-02-03T04:05:06Z"), 90_000, 450_000, 1)] }));
		expect(meta).toMatchObject({ taken: "2031-02-03T04:05:06Z", duration: 5 });
	});

	it("treats a zero creation time as unknown and falls back to the file time", async () => {
		const { meta } = await read(makeMovie({ moov: [mvhd(0, 600, 600)] }));
		expect(meta).toMatchObject({ taken: "2030-01-01T00:00:00Z", takenSource: "file", duration: 1 });
	});

	it("takes the video track's size, not the audio track's before it", async () => {
		const { meta } = await read(makeMovie({ moov: [trak("soun", 0, 0), trak("vide", 640, 360)] }));
		expect([meta.width, meta.height]).toEqual([640, 360]);
	});

	it("reads classic udta atoms (©mak, ©mod, ©xyz) as Android phones write them", async () => {
		const udta = box("udta", udtaText("mak", "samsung"), udtaText("mod", "SM-S918B"), udtaText("xyz", "-33.8568+151.2153/"));
		const { meta } = await read(makeMovie({ brand: "mp42", moov: [udta] }), "clip.mp4");
		expect(meta).toMatchObject({ make: "samsung", model: "SM-S918B", latitude: -33.8568, longitude: 151.2153, altitude: null });
	});

	it("reads a moov placed after 5 MB of media data without fetching the media data", async () => {
		const movie = makeMovie({ moov: [mvhd(quickTimeSeconds("2024-06-01T12:34:56Z"), 600, 600), box("udta", mdtaMeta(APPLE_KEYS))], mediaBytes: 5_000_000 });
		const { meta, source } = await read(movie);
		expect(meta.make).toBe("Apple");
		expect(source.bytesRead).toBeLessThan(2 * 64 * 1024);
	});

	it("recognises a classic QuickTime file without ftyp by its first atom", async () => {
		const { meta } = await read(makeMovie({ brand: null, moovFirst: true, moov: [mvhd(quickTimeSeconds("2005-08-11T14:03:54Z"), 600, 600)] }));
		expect(meta).toMatchObject({ taken: "2005-08-11T14:03:54Z", mime: "video/quicktime" });
	});
});
