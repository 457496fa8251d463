import { describe, expect, it } from "vitest";
import { Manifest, parseManifest, serializeManifest, type ManifestEntry } from "../../../src/core/backup/manifest";
import { ManifestStore, SAVE_EVERY, SAVE_INTERVAL_MS, manifestFileName } from "../../../src/core/backup/manifest-store";
import { REMOTE_MANIFEST, REMOTE_MANIFEST_NEXT, readRemoteManifest, writeRemoteManifest } from "../../../src/core/backup/remote-manifest";
import { PhotoArchivistError } from "../../../src/core/model/errors";
import { SILENT_LOG } from "../../../src/core/ports/log";
import { MemoryData } from "./memory-stores";
import { MemoryTarget } from "./memory-target";

function entry(n: number, extra: Partial<ManifestEntry> = {}): ManifestEntry {
	return {
		remotePath: `Photos/${n} "quoted"\n.jpg`,
		sha256: n.toString(16).padStart(64, "0"),
		size: 1000 + n,
		uploadedAt: "2024-07-01T10:00:00.000Z",
		localPath: `Photos/${n}.jpg`,
		...extra,
	};
}

function store(data: MemoryData, clock = { ms: 0 }): ManifestStore {
	return new ManifestStore({ data, targetId: "nas", now: () => new Date(clock.ms), log: SILENT_LOG });
}

describe("manifest file", () => {
	it("round-trips every field, the optional ones absent when unknown", () => {
		const entries = [entry(1, { etag: '"abc"', verifiedAt: "2024-08-01T00:00:00.000Z" }), entry(2)];
		const parsed = parseManifest(serializeManifest(entries, "nas"));
		expect(parsed).toEqual(entries);
		expect(parsed[1]).not.toHaveProperty("etag");
	});

	it.each([
		{ name: "cut short", text: (t: string) => t.slice(0, t.length - 10) },
		{ name: "a line missing", text: (t: string) => t.split("\n").filter((_, i) => i !== 1).join("\n") },
		{ name: "not a manifest", text: () => '{"format":"photo-archivist-index","version":1,"count":0}\n' },
		{ name: "a newer version", text: (t: string) => t.replace('"version":1', '"version":9') },
		{ name: "a field of the wrong type", text: (t: string) => t.replace(/,1001,/, ',"1001",') },
	])("rejects a damaged file ($name) as corrupt", ({ text }) => {
		const good = serializeManifest([entry(1), entry(2)], "nas");
		expect(() => parseManifest(text(good))).toThrow(PhotoArchivistError);
	});

	it("finds entries by remote path and by content, and forgets a replaced entry's content", () => {
		const manifest = new Manifest([entry(1), entry(2, { sha256: entry(1).sha256 })]);
		expect(manifest.holding(entry(1).sha256)).toHaveLength(2);
		manifest.put(entry(3, { remotePath: entry(1).remotePath }));
		expect(manifest.holding(entry(1).sha256).map((e) => e.remotePath)).toEqual([entry(2).remotePath]);
		expect(manifest.at(entry(1).remotePath)?.sha256).toBe(entry(3).sha256);
	});
});

describe("ManifestStore", () => {
	it("saves in batches: after 50 uploads, or 10 seconds, and on flush", async () => {
		const data = new MemoryData();
		const clock = { ms: 0 };
		const s = store(data, clock);
		for (let i = 0; i < SAVE_EVERY - 1; i++) await s.record(entry(i));
		expect(data.writes).toBe(0);
		await s.record(entry(SAVE_EVERY));
		expect(data.writes).toBe(1);
		await s.record(entry(100));
		clock.ms += SAVE_INTERVAL_MS;
		await s.record(entry(101));
		expect(data.writes).toBe(2);
		await s.record(entry(102));
		await s.flush();
		expect(data.writes).toBe(3);
		await s.flush();
		expect(data.writes).toBe(3);
		expect(parseManifest(data.files.get(manifestFileName("nas")) ?? "")).toHaveLength(SAVE_EVERY + 3);
	});

	it("says it found nothing when the saved manifest is damaged, and starts empty", async () => {
		const data = new MemoryData();
		data.files.set(manifestFileName("nas"), serializeManifest([entry(1), entry(2)], "nas").slice(0, -5));
		const s = store(data);
		expect(await s.load()).toBe(false);
		expect(s.manifest.size).toBe(0);
	});

	it("is rebuilt from the target's copy without marking that copy out of date", async () => {
		const target = new MemoryTarget();
		await writeRemoteManifest(target, serializeManifest([entry(1), entry(2)], "nas"));
		const data = new MemoryData();
		data.files.set(manifestFileName("nas"), "{broken");
		const s = store(data);
		expect(await s.load()).toBe(false);
		expect(s.seed((await readRemoteManifest(target)) ?? [])).toBe(2);
		expect(s.remoteNeedsUpdate).toBe(false);
		await s.flush();
		expect(parseManifest(data.files.get(manifestFileName("nas")) ?? "")).toEqual([entry(1), entry(2)]);
		expect(s.seed([entry(1), entry(3)])).toBe(1);
	});
});

describe("the manifest copy on the target", () => {
	it("is replaced through a next copy, so a reader always finds one", async () => {
		const target = new MemoryTarget();
		await writeRemoteManifest(target, serializeManifest([entry(1)], "nas"));
		const seen: Array<ManifestEntry[] | null> = [];
		const read = async (): Promise<void> => {
			seen.push(await readRemoteManifest(target));
		};
		// A reader at every step of the replacement (after each call the writer makes).
		const original = { remove: target.remove.bind(target), put: target.put.bind(target), move: target.move.bind(target) };
		target.remove = async (path, signal) => (await original.remove(path, signal), await read());
		target.put = async (path, body, options) => {
			const file = await original.put(path, body, options);
			await read();
			return file;
		};
		target.move = async (from, to, signal) => (await original.move(from, to, signal), await read());
		await writeRemoteManifest(target, serializeManifest([entry(1), entry(2)], "nas"));
		expect(seen.map((s) => s?.length)).toEqual([1, 1, 2, 2]);
		expect([...target.files.keys()]).toEqual([REMOTE_MANIFEST]);
	});

	it("is read from the next copy when the main one is missing or damaged, and is null when there is none", async () => {
		const target = new MemoryTarget();
		expect(await readRemoteManifest(target)).toBeNull();
		target.place(REMOTE_MANIFEST_NEXT, serializeManifest([entry(5)], "nas"));
		expect(await readRemoteManifest(target)).toEqual([entry(5)]);
		target.place(REMOTE_MANIFEST, "not a manifest");
		expect(await readRemoteManifest(target)).toEqual([entry(5)]);
	});

	it("leaves no stale next copy behind a writer that stopped half-way", async () => {
		const target = new MemoryTarget();
		target.place(REMOTE_MANIFEST_NEXT, serializeManifest([entry(9)], "nas"));
		await writeRemoteManifest(target, serializeManifest([entry(1)], "nas"));
		expect(await readRemoteManifest(target)).toEqual([entry(1)]);
		expect(target.files.has(REMOTE_MANIFEST_NEXT)).toBe(false);
	});
});
