import { describe, expect, it, vi } from "vitest";
import { loadManifest, Manifest, parseManifest, serializeManifest, type ManifestEntry } from "../../../src/core/backup/manifest";
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

	it("writes version 2: a local path equal to the remote one and trailing empty fields are left out", () => {
		const mirror = entry(1, { localPath: entry(1).remotePath });
		const lines = serializeManifest([mirror, entry(2, { etag: '"e"' })], "nas").split("\n");
		expect(JSON.parse(lines[0] ?? "")).toMatchObject({ version: 2, count: 2 });
		expect(JSON.parse(lines[1] ?? "")).toEqual([mirror.remotePath, mirror.sha256, mirror.size, mirror.uploadedAt]);
		expect(JSON.parse(lines[2] ?? "")).toEqual([entry(2).remotePath, entry(2).sha256, entry(2).size, entry(2).uploadedAt, entry(2).localPath, '"e"']);
		const parsed = parseManifest(lines.join("\n"));
		expect(parsed).toEqual([mirror, entry(2, { etag: '"e"' })]);
		// One string for both paths in memory.
		expect(parsed[0]?.localPath).toBe(parsed[0]?.remotePath);
	});

	it("reads the common line straight from its text exactly as JSON.parse would, and every other line through JSON.parse", async () => {
		const plain = (path: string, n: number, extra: Partial<ManifestEntry> = {}): ManifestEntry =>
			({ remotePath: path, localPath: path, sha256: n.toString(16).padStart(64, "0"), size: n * 1000, uploadedAt: `2024-07-0${n}T10:00:00.${n}00Z`, ...extra });
		const entries = [
			plain("Photos/a.jpg", 1),
			plain("Fotos/日本/海 🌊.HEIC", 2),
			plain('Photos/with, comma and "quote".jpg', 3),
			plain("Photos/back\\slash.jpg", 4),
			plain("Photos/etag.jpg", 5, { etag: '"abc"' }),
			plain("Photos/renamed.jpg", 6, { localPath: "Photos/old.jpg" }),
			plain("Photos/zero.jpg", 7, { size: 0 }),
			plain("Photos/faulty.jpg", 8, { fault: "missing", faultAt: "2024-08-01T00:00:00.000Z" }),
		];
		const text = serializeManifest(entries, "nas");
		const sorted = [...entries].sort((a, b) => (a.remotePath < b.remotePath ? -1 : 1));
		expect(parseManifest(text)).toEqual(sorted);
		expect((await loadManifest(text)).entries()).toEqual(sorted);
		expect((await loadManifest(new TextEncoder().encode(text), { share: () => () => false })).entries()).toEqual(sorted);
	});

	it("still reads version 1 files, every field spelled out", () => {
		const v1 = [
			'{"format":"photo-archivist-manifest","version":1,"target":"nas","count":2}',
			JSON.stringify(["a.jpg", "a".repeat(64), 1, "2024-07-01T10:00:00.000Z", "a.jpg", null, null]),
			JSON.stringify(["b.jpg", "b".repeat(64), 2, "2024-07-01T10:00:00.000Z", "old/b.jpg", '"t"', "2024-08-01T00:00:00.000Z", "corrupt", "2024-08-01T00:00:00.000Z"]),
			"",
		].join("\n");
		expect(parseManifest(v1)).toEqual([
			{ remotePath: "a.jpg", sha256: "a".repeat(64), size: 1, uploadedAt: "2024-07-01T10:00:00.000Z", localPath: "a.jpg" },
			{
				remotePath: "b.jpg", sha256: "b".repeat(64), size: 2, uploadedAt: "2024-07-01T10:00:00.000Z", localPath: "old/b.jpg", etag: '"t"',
				verifiedAt: "2024-08-01T00:00:00.000Z", fault: "corrupt", faultAt: "2024-08-01T00:00:00.000Z",
			},
		]);
	});

	it.each([
		{ name: "cut short", text: (t: string) => t.slice(0, t.length - 10) },
		{ name: "a line missing", text: (t: string) => t.split("\n").filter((_, i) => i !== 1).join("\n") },
		{ name: "not a manifest", text: () => '{"format":"photo-archivist-index","version":1,"count":0}\n' },
		{ name: "a newer version", text: (t: string) => t.replace('"version":2', '"version":9') },
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

	it("loads a saved manifest without a path map until one is asked for, and falls back to put when paths repeat", async () => {
		const saved = serializeManifest([entry(1), entry(2), entry(3)], "nas");
		const manifest = await loadManifest(saved);
		expect(manifest.size).toBe(3);
		expect(manifest.firstHolding(entry(2).sha256)?.remotePath).toBe(entry(2).remotePath);
		expect(manifest.entries().map((e) => e.remotePath)).toEqual([1, 2, 3].map((n) => entry(n).remotePath));
		expect(manifest.at(entry(3).remotePath)?.size).toBe(entry(3).size);
		manifest.put(entry(4, { remotePath: entry(1).remotePath }));
		expect(manifest.size).toBe(3);
		expect(manifest.copies(entry(1).sha256)).toEqual([]);

		// A hand-edited file with one remote path twice: the later line wins, as a put would have it.
		const lines = saved.split("\n");
		const twice = [lines[0], lines[1], lines[2], lines[1]?.replace(String(entry(1).size), "5"), ""].join("\n").replace('"count":3', '"count":3');
		const reloaded = await loadManifest(twice);
		expect(reloaded.size).toBe(2);
		expect(reloaded.at(entry(1).remotePath)?.size).toBe(5);
		expect(reloaded.copies(entry(1).sha256)).toHaveLength(1);
	});
});

describe("Manifest.holderWalk", () => {
	const at = (path: string, n: number, extra: Partial<ManifestEntry> = {}): ManifestEntry =>
		({ remotePath: path, localPath: path, sha256: String(n).padStart(64, "0"), size: n, uploadedAt: "2024-07-01T10:00:00.000Z", ...extra });

	it("finds copies at the photos' own paths by walking in step, without a lookup by content", async () => {
		const manifest = await loadManifest(serializeManifest([at("a.jpg", 1), at("b.jpg", 2), at("d.jpg", 4)], "nas"));
		const byContent = vi.spyOn(manifest, "firstHolding");
		const holder = manifest.holderWalk();
		expect(holder("a.jpg", at("a.jpg", 1).sha256)?.remotePath).toBe("a.jpg");
		expect(holder("b.jpg", at("b.jpg", 2).sha256)?.remotePath).toBe("b.jpg");
		expect(holder("d.jpg", at("d.jpg", 4).sha256)?.remotePath).toBe("d.jpg");
		expect(byContent).not.toHaveBeenCalled();
	});

	it("looks up by content what is not at the photo's own path: moved, changed, faulty, out of order, or after a change", async () => {
		const manifest = await loadManifest(serializeManifest([at("a.jpg", 1), at("b.jpg", 2, { fault: "corrupt" }), at("old/c.jpg", 3), at("z.jpg", 9)], "nas"));
		const holder = manifest.holderWalk();
		// Moved: the content is held elsewhere.
		expect(holder("c.jpg", at("c.jpg", 3).sha256)?.remotePath).toBe("old/c.jpg");
		// A damaged copy holds nothing.
		expect(holder("b.jpg", at("b.jpg", 2).sha256)).toBeUndefined();
		// Changed since its upload: other content at its path.
		expect(holder("z.jpg", at("z.jpg", 10).sha256)).toBeUndefined();
		// Asked out of order: still answered, by content.
		expect(holder("a.jpg", at("a.jpg", 1).sha256)?.remotePath).toBe("a.jpg");
		manifest.put(at("a.jpg", 5));
		const after = manifest.holderWalk();
		expect(after("a.jpg", at("a.jpg", 1).sha256)).toBeUndefined();
		expect(after("a.jpg", at("a.jpg", 5).sha256)?.remotePath).toBe("a.jpg");
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
		expect(parseManifest((await data.read(manifestFileName("nas"))) ?? "")).toHaveLength(SAVE_EVERY + 3);
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
		expect(parseManifest((await data.read(manifestFileName("nas"))) ?? "")).toEqual([entry(1), entry(2)]);
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
