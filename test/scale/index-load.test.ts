// Loading a large index: in slices that let a UI paint, into compact records, and the growth of the saves
// during a long first run kept linear.
import { describe, expect, it } from "vitest";
import { createPhotoEngine } from "../../src/core/engine";
import { INDEX_FILE_NAME, LEGACY_INDEX_FILE_NAME, parseIndex, readIndexFile, serializeIndex } from "../../src/core/index/index-file";
import { IndexStore } from "../../src/core/index/index-store";
import type { PhotoIndex } from "../../src/core/index/photo-index";
import { SILENT_LOG } from "../../src/core/ports/log";
import { legacyIndexText } from "../core/index/legacy-index-text";
import { saveInterval } from "../../src/core/index/index-run";
import { DEFAULT_INDEX_SETTINGS } from "../../src/core/settings";
import { MAX_SLICE_ITEMS, TimeSlicer } from "../../src/core/util/time-slices";
import { MemoryData, MemoryFiles } from "../core/backup/memory-stores";
import { syntheticRecords } from "./scale-library";

const noNotes = {
	read: () => Promise.resolve(null),
	list: () => Promise.resolve([]),
	create: () => Promise.reject(new Error("no note may be written")),
	update: () => Promise.reject(new Error("no note may be written")),
	move: () => Promise.reject(new Error("no note may be written")),
};

describe("loading a large index", () => {
	it("yields to the host at least once per MAX_SLICE_ITEMS records, and builds the index as it goes", async () => {
		const records = syntheticRecords(3 * MAX_SLICE_ITEMS + 1);
		const data = new MemoryData();
		data.files.set(INDEX_FILE_NAME, serializeIndex(records));
		let pauses = 0;
		const engine = createPhotoEngine({ files: new MemoryFiles(), notes: noNotes, data, pause: async () => void pauses++ }, { ...DEFAULT_INDEX_SETTINGS });
		await engine.load();
		expect(pauses).toBeGreaterThanOrEqual(3);
		expect([...engine.records()]).toHaveLength(records.length);
		expect(engine.photoOfNote(records[4321]?.note ?? "")).toBe(records[4321]?.path);
	});

	it("ends a slice after SLICE_MS of work, however few items it held", () => {
		let now = 0;
		const slicer = new TimeSlicer(() => Promise.resolve(), () => now);
		let items = 0;
		while (!slicer.due()) {
			items++;
			now += 1;
		}
		// The clock is read every 64 items: a slice overruns by less than that.
		expect(items).toBeGreaterThanOrEqual(20);
		expect(items).toBeLessThan(20 + 64);
	});

	it("never yields where no host waits (the CLI)", () => {
		const slicer = new TimeSlicer(undefined, () => Number.MAX_SAFE_INTEGER);
		for (let i = 0; i < 2 * MAX_SLICE_ITEMS; i++) expect(slicer.due()).toBe(false);
	});

	it("keeps a photo in under 300 bytes on disk: no keys, no note path where the note is at its usual place", async () => {
		const records = syntheticRecords(2000);
		const bytes = serializeIndex(records);
		expect(bytes.byteLength / records.length).toBeLessThan(300);
		expect(new TextDecoder().decode(bytes)).not.toContain("Photo Notes/Photos/");
		expect((await parseIndex(bytes)).map((r) => ({ ...r }))).toEqual(records);
	});

	it("reads a version 2 file's bytes (decoded a slice at a time) as its text, and carries the library over to version 3 at the next save", async () => {
		const records = syntheticRecords(3000);
		const text = legacyIndexText(records);
		expect(await parseIndex(new TextEncoder().encode(text))).toEqual(await parseIndex(text));
		const data = new MemoryData();
		data.files.set(LEGACY_INDEX_FILE_NAME, text);
		const store = new IndexStore({ data, log: SILENT_LOG });
		const index = await store.load();
		expect(index?.size).toBe(3000);
		await store.save(index as PhotoIndex);
		expect(data.files.has(LEGACY_INDEX_FILE_NAME)).toBe(false);
		expect((await store.load())?.get(records[17]?.path ?? "")).toEqual(records[17]);
	});

	it("loads into records that hold no metadata object until it is read", async () => {
		const records = syntheticRecords(100);
		const index = await readIndexFile(serializeIndex(records));
		const undecoded = [...index.values()].filter((r) => Object.getOwnPropertyDescriptor(r, "meta")?.get !== undefined);
		expect(undecoded).toHaveLength(100);
		expect(index.get(records[5]?.path ?? "")?.meta).toEqual(records[5]?.meta);
	});

	it("still reads an index written by version 1 (metadata nested, every note written)", async () => {
		const record = syntheticRecords(1)[0];
		if (record === undefined) throw new Error("no record");
		const meta = ["taken", "takenSource", "make", "model", "lens", "focalLength", "aperture", "exposureTime", "iso", "latitude",
			"longitude", "altitude", "width", "height", "orientation", "mime", "duration"].map((k) => record.meta[k as keyof typeof record.meta] ?? null);
		const v1 = `{"format":"photo-archivist-index","version":1,"count":1}\n` +
			JSON.stringify([record.path, record.size, record.mtimeMs, record.sha256, record.note, null, meta, null]) + "\n";
		expect(await parseIndex(v1)).toEqual([record]);
	});

	it("saves a long first run in a total that grows linearly: the index written at most 6 times over, at any size", () => {
		for (const photos of [2_000, 10_000, 100_000, 1_000_000]) {
			let written = 0;
			let since = 0;
			for (let size = 1; size <= photos; size++) {
				if (++since >= saveInterval(size)) {
					since = 0;
					written += size;
				}
			}
			expect(written / photos).toBeLessThanOrEqual(6);
		}
	});
});
