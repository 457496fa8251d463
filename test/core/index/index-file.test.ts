import { describe, expect, it } from "vitest";
import { parseIndex, serializeIndex } from "../../../src/core/index/index-file";
import { MAX_SLICE_ITEMS } from "../../../src/core/util/time-slices";
import { EMPTY_METADATA } from "../../../src/core/model/photo-metadata";
import type { PhotoRecord } from "../../../src/core/model/photo-record";

function record(i: number, extra: Partial<PhotoRecord> = {}): PhotoRecord {
	return {
		path: `Photos/${i} "quoted" | #.jpg`,
		size: 1000 + i,
		mtimeMs: 1_700_000_000_000 + i,
		sha256: i.toString(16).padStart(64, "0"),
		note: `Photo Notes/${i}.jpg.md`,
		meta: { ...EMPTY_METADATA, taken: "2024-06-01T10:00:00+02:00", takenSource: "exif", make: "Apple", latitude: 48.1, mime: "image/jpeg" },
		...extra,
	};
}

describe("index file", () => {
	it("round-trips records, including missing originals and awkward paths", async () => {
		const records = [record(1), record(2, { missingSince: "2025-01-01T00:00:00.000Z" })];
		const parsed = await parseIndex(serializeIndex(records));
		expect(parsed).toEqual(records);
	});

	it("round-trips an empty index", async () => {
		expect(await parseIndex(serializeIndex([]))).toEqual([]);
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

	it.each([
		{ name: "empty text", text: "" },
		{ name: "not JSON", text: "garbage\n" },
		{ name: "another format", text: '{"format":"x","version":1,"count":0}\n' },
		{ name: "a future version", text: '{"format":"photo-archivist-index","version":99,"count":0}\n' },
	])("rejects $name as corrupt", async ({ text }) => {
		await expect(parseIndex(text)).rejects.toMatchObject({ code: "corrupt" });
	});

	it("rejects a file cut short, whether mid-line or at a line end", async () => {
		const text = serializeIndex([record(1), record(2), record(3)]);
		const lastLineStart = text.lastIndexOf("\n", text.length - 2) + 1;
		await expect(parseIndex(text.slice(0, lastLineStart))).rejects.toThrow(/expected 3 photos, found 2/);
		await expect(parseIndex(text.slice(0, text.length - 10))).rejects.toMatchObject({ code: "corrupt" });
	});
});
