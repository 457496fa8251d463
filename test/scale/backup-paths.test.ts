// Planning, quick verification and the status over a 2,000-photo library backed up to three targets: the
// requests each may send and the work each may do, counted.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Manifest } from "../../src/core/backup/manifest";
import { createPhotoEngine } from "../../src/core/engine";
import { INDEX_FILE_NAME, serializeIndex } from "../../src/core/index/index-file";
import type { PhotoRecord } from "../../src/core/model/photo-record";
import { DEFAULT_INDEX_SETTINGS } from "../../src/core/settings";
import { computeLibraryStatus } from "../../src/core/status/library-status";
import { PAGE_SIZE, renderStatus } from "../../src/plugin/status/status-render";
import { FakeElement } from "../fakes/obsidian";
import { MemoryData, MemoryFiles } from "../core/backup/memory-stores";
import { MemoryTarget } from "../core/backup/memory-target";
import { folderCount, manifestEntries, manifestText, PHOTOS, syntheticRecords, threeTargets } from "./scale-library";

const noNotes = {
	read: () => Promise.resolve(null),
	list: () => Promise.resolve([]),
	create: () => Promise.reject(new Error("no note may be written")),
	update: () => Promise.reject(new Error("no note may be written")),
	move: () => Promise.reject(new Error("no note may be written")),
};

/** The library backed up everywhere, except that the cloud lacks one photo in `cloudGap` (when given). */
function backedUp(cloudGap?: number): { engine: ReturnType<typeof createPhotoEngine>; targets: Map<string, MemoryTarget>; records: PhotoRecord[] } {
	const records = syntheticRecords();
	const data = new MemoryData();
	data.files.set(INDEX_FILE_NAME, serializeIndex(records));
	for (const id of ["nas", "usb"]) data.files.set(...manifestText(id, records));
	data.files.set(...manifestText("cloud", records, cloudGap));
	const targets = new Map(threeTargets().map((t) => [t.id, new MemoryTarget()]));
	const engine = createPhotoEngine(
		{ files: new MemoryFiles(), notes: noNotes, data, openTarget: (config) => Promise.resolve(targets.get(config.id) as MemoryTarget) },
		{ ...DEFAULT_INDEX_SETTINGS },
		{ targets: threeTargets(), afterIndex: false, everyMinutes: 0, mobileMaxFileBytes: 50_000_000 },
	);
	return { engine, targets, records };
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe("a 2,000-photo library on three targets", () => {
	it("plans a backup with nothing to upload without one request, and without walking any manifest", async () => {
		const { engine, targets } = backedUp();
		const entries = vi.spyOn(Manifest.prototype, "entries");
		const summary = await engine.backup.backup();
		expect(summary.targets.map((t) => [t.targetId, t.uploaded, t.skipped, t.upToDate])).toEqual([
			["nas", 0, PHOTOS, true], ["usb", 0, PHOTOS, true], ["cloud", 0, PHOTOS, true],
		]);
		expect([...targets.values()].map((t) => t.calls.length)).toEqual([0, 0, 0]);
		// Where earlier versions of changed photos are is only looked up when something is to be uploaded.
		expect(entries).not.toHaveBeenCalled();
	});

	it("plans and counts the status without a lookup by content, and without decoding one photo's metadata", async () => {
		const { engine } = backedUp(10);
		const byContent = vi.spyOn(Manifest.prototype, "firstHolding");
		await engine.backup.backup({ targetIds: ["nas", "usb"] });
		const status = await engine.status.compute();
		// Every copy is at its photo's own path on the NAS and the USB drive: found by walking in step.
		expect(byContent.mock.calls.length).toBe(PHOTOS / 10);
		expect(status.atRisk).toHaveLength(PHOTOS / 10);
		// The metadata stays in the index file's columns: nothing on these paths reads it.
		const decoded = [...engine.records()].filter((r) => Object.getOwnPropertyDescriptor(r, "meta")?.get === undefined);
		expect(decoded).toEqual([]);
	});

	it("verifies every copy with one listing per folder, never a request per file", async () => {
		const { engine, targets, records } = backedUp();
		const nas = targets.get("nas") as MemoryTarget;
		for (const r of records) nas.place(r.path, "x".repeat(r.size));
		const summary = await engine.verify.verify({ targetIds: ["nas"] });
		expect(summary.targets[0]).toMatchObject({ copies: PHOTOS, present: PHOTOS, problems: [], folders: folderCount(), requests: folderCount() });
		expect(nas.calls.length).toBe(folderCount());
		expect(nas.count("list")).toBe(folderCount());
	});

	it("computes the status and pages the photos at risk: the first paint holds one page, whatever their number", async () => {
		const { engine } = backedUp(10);
		const status = await engine.status.compute();
		expect(status.atRisk).toHaveLength(PHOTOS / 10);
		expect(status.meeting321).toBe(PHOTOS - PHOTOS / 10);
		const el = new FakeElement("div");
		renderStatus(el as unknown as HTMLElement, status, { shown: PAGE_SIZE, running: false, openNote: () => {}, showMore: () => {} });
		const rows = el.descendants().filter((e) => e.tag === "li" && e.parent?.hasClass("photo-archivist-status-photos") === true);
		expect(rows).toHaveLength(PAGE_SIZE);
	});

	it("orders the photos at risk by copies, then path, whether the records come sorted or not", () => {
		const records = syntheticRecords(300);
		const nas = new Manifest(manifestEntries(records.filter((_, i) => i % 3 !== 0)));
		const usb = new Manifest(manifestEntries(records.filter((_, i) => i % 2 === 0)));
		const [nasConfig, usbConfig] = threeTargets();
		const input = (list: PhotoRecord[]): Parameters<typeof computeLibraryStatus>[0] => ({
			records: list,
			targets: [nasConfig, usbConfig].filter((t) => t !== undefined),
			manifest: (id) => (id === "nas" ? nas : usb),
			states: new Map(),
			now: new Date(0),
		});
		const sorted = computeLibraryStatus(input(records)).atRisk.map((p) => [p.copies, p.path]);
		const shuffled = computeLibraryStatus(input([...records].reverse())).atRisk.map((p) => [p.copies, p.path]);
		const expected = [...sorted].sort((a, b) => (a[0] as number) - (b[0] as number) || String(a[1]).localeCompare(String(b[1])));
		expect(sorted).toEqual(expected);
		expect(shuffled).toEqual(expected);
		expect(sorted).toHaveLength(300);
	});
});
