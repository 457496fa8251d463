import { describe, expect, it } from "vitest";
import { isBinaryIndex, parseIndex, readIndexFile, serializeIndex } from "../../../src/core/index/index-file";
import { MAX_SLICE_ITEMS } from "../../../src/core/util/time-slices";
import { EMPTY_METADATA } from "../../../src/core/model/photo-metadata";
import type { PhotoRecord } from "../../../src/core/model/photo-record";
import { legacyIndexText } from "./legacy-index-text";

function record(i: number, extra: Partial<PhotoRecord> = {}): PhotoRecord {
	return {
		path: `Photos/${i} "quoted" | #.jpg`,
		size: 1000 + i,
		mtimeMs: 1_700_000_000_000 + i,
		sha256: i.toString(16).padStart(64, "0"),
		note: `Photo Notes/Photos/${i} "quoted" | #.jpg.md`,
		meta: { ...EMPTY_METADATA, taken: "2024-06-01T10:00:00+02:00", takenSource: "exif", make: "Apple", latitude: 48.1, mime: "image/jpeg" },
		...extra,
	};
}

/** A record as a plain object, every accessor read. */
const plain = (r: PhotoRecord): PhotoRecord => ({ ...r });

describe("index file (version 3)", () => {
	it("round-trips records: missing and offloaded originals, notes away from their place, every metadata field, awkward paths", async () => {
		const records = [
			record(1, { meta: { ...EMPTY_METADATA, taken: "2024-06-01T10:00:00.123+05:45", takenSource: "quicktime", make: "Ünïcode", model: "M", lens: "L",
				focalLength: 4.25, aperture: 1.8, exposureTime: 1 / 3, iso: 64, latitude: -33.8, longitude: 151.2, altitude: -12.5, width: 4032, height: 3024,
				orientation: 6, mime: "video/quicktime", duration: 12.5 } }),
			record(2, { missingSince: "2025-01-01T00:00:00.000Z" }),
			record(3, { missingSince: "2025-01-01T00:00:00.000Z", offloadedAt: "2025-01-02T00:00:00.000Z" }),
			record(4, { note: "Elsewhere/my own name.md", meta: { ...EMPTY_METADATA } }),
			record(5, { path: "Fotos/日本/海.HEIC", note: "Photo Notes/Fotos/日本/海.HEIC.md" }),
		];
		const parsed = await parseIndex(serializeIndex(records));
		expect(parsed.map(plain)).toEqual([...records].sort((a, b) => (a.path < b.path ? -1 : 1)));
		expect(parsed.find((r) => r.path.endsWith("2 \"quoted\" | #.jpg"))?.meta).not.toHaveProperty("duration");
	});

	it("round-trips an empty index", async () => {
		expect(await parseIndex(serializeIndex([]))).toEqual([]);
	});

	it("writes the same bytes again from what it read, without decoding the metadata it does not need", async () => {
		const bytes = serializeIndex(Array.from({ length: 50 }, (_, i) => record(i)));
		const index = await readIndexFile(bytes);
		const again = serializeIndex(index.values());
		expect(again).toEqual(bytes);
		// Still undecoded: the writer copied the columns without making an object per photo.
		const first = index.values().next().value as PhotoRecord;
		expect(Object.getOwnPropertyDescriptor(first, "meta")?.get).toBeTypeOf("function");
		expect(first.meta).toEqual(record(0).meta);
		expect(Object.getOwnPropertyDescriptor(first, "meta")?.value).toEqual(record(0).meta);
	});

	it("writes decoded, undecoded and new records alike, with a string table of this file's own", async () => {
		const loaded = await readIndexFile(serializeIndex([record(1), record(2), record(3, { meta: { ...EMPTY_METADATA, make: "Canon", taken: null } })]));
		const decoded = loaded.get(record(2).path) as PhotoRecord;
		expect(decoded.meta.make).toBe("Apple");
		loaded.put(record(4, { meta: { ...EMPTY_METADATA, make: "Nikon", lens: "50mm", taken: "2001-01-01T00:00:00" } }));
		loaded.delete(record(1).path);
		const again = await parseIndex(serializeIndex(loaded.values()));
		expect(again.map(plain)).toEqual([record(2), record(3, { meta: { ...EMPTY_METADATA, make: "Canon", taken: null } }),
			record(4, { meta: { ...EMPTY_METADATA, make: "Nikon", lens: "50mm", taken: "2001-01-01T00:00:00" } })]);
	});

	it("decodes a record's metadata once, on first use, and keeps it; a copy of the record carries it", async () => {
		const index = await readIndexFile(serializeIndex([record(1), record(2)]));
		const loaded = index.get(record(2).path) as PhotoRecord;
		const meta = loaded.meta;
		expect(loaded.meta).toBe(meta);
		expect({ ...loaded, missingSince: "x" }.meta).toBe(meta);
		expect(JSON.parse(JSON.stringify(index.get(record(1).path))) as unknown).toEqual(record(1));
	});

	it("pauses between slices when asked, so a UI can paint (at the latest every MAX_SLICE_ITEMS records)", async () => {
		const records = Array.from({ length: 2 * MAX_SLICE_ITEMS + 10 }, (_, i) => record(i));
		let pauses = 0;
		const parsed = await parseIndex(serializeIndex(records), async () => {
			pauses++;
		});
		expect(parsed).toHaveLength(records.length);
		expect(pauses).toBeGreaterThanOrEqual(2);
	});

	it("rejects a file cut short, grown, or with a damaged header or section as corrupt", async () => {
		const bytes = serializeIndex([record(1), record(2), record(3)]);
		const damaged = (edit: (b: Uint8Array) => Uint8Array): Promise<PhotoRecord[]> => parseIndex(edit(bytes.slice()));
		await expect(damaged((b) => b.subarray(0, b.length - 1))).rejects.toThrow(/cut short or grown/);
		await expect(damaged((b) => new Uint8Array([...b, 0]))).rejects.toThrow(/cut short or grown/);
		await expect(damaged((b) => b.subarray(0, 40))).rejects.toMatchObject({ code: "corrupt" });
		await expect(damaged((b) => (b.set([9], 4), b))).rejects.toThrow(/unknown version 9/);
		await expect(damaged((b) => (b.set([0x5b], 16), b))).rejects.toThrow(/header is not JSON/);
		const text = new TextDecoder().decode(bytes);
		const pathsAt = text.indexOf("Photos/2");
		await expect(damaged((b) => (b.set([0xff], pathsAt), b))).rejects.toThrow(/not UTF-8/);
		// Paths out of order (a file not written by us) would defeat the lookup by path.
		await expect(damaged((b) => (b.set([0x33], pathsAt + 7), b))).rejects.toThrow(/not in order/);
	});

	it("keeps a photo in under 300 bytes on disk", () => {
		const bytes = serializeIndex(Array.from({ length: 2000 }, (_, i) => record(i)));
		expect(bytes.byteLength / 2000).toBeLessThan(300);
		expect(isBinaryIndex(bytes)).toBe(true);
	});
});

describe("index files of versions 1 and 2 (photo-index.jsonl)", () => {
	it("are still read, from their text or their bytes", async () => {
		const records = [record(1), record(2, { missingSince: "2025-01-01T00:00:00.000Z", offloadedAt: "2025-01-02T00:00:00.000Z" }), record(3, { note: "Mine.md" })];
		const text = legacyIndexText(records);
		expect(await parseIndex(text)).toEqual(records);
		expect(await parseIndex(new TextEncoder().encode(text))).toEqual(records);
		expect((await readIndexFile(text)).get(record(3).path)?.note).toBe("Mine.md");
	});

	it.each([
		{ name: "empty text", text: "" },
		{ name: "not JSON", text: "garbage\n" },
		{ name: "another format", text: '{"format":"x","version":1,"count":0}\n' },
		{ name: "a future version", text: '{"format":"photo-archivist-index","version":99,"count":0}\n' },
	])("reject $name as corrupt", async ({ text }) => {
		await expect(parseIndex(text)).rejects.toMatchObject({ code: "corrupt" });
	});

	it("reject a file cut short, whether mid-line or at a line end", async () => {
		const text = legacyIndexText([record(1), record(2), record(3)]);
		const lastLineStart = text.lastIndexOf("\n", text.length - 2) + 1;
		await expect(parseIndex(text.slice(0, lastLineStart))).rejects.toThrow(/expected 3 photos, found 2/);
		await expect(parseIndex(text.slice(0, text.length - 10))).rejects.toMatchObject({ code: "corrupt" });
	});
});
