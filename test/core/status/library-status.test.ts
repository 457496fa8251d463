import { describe, expect, it } from "vitest";
import { Manifest, type ManifestEntry } from "../../../src/core/backup/manifest";
import { computeLibraryStatus, type StatusInput } from "../../../src/core/status/library-status";
import { photoSafety } from "../../../src/core/status/photo-safety";
import type { TargetState } from "../../../src/core/status/target-state";
import { statusHeadline } from "../../../src/core/status/status-text";
import type { PhotoRecord } from "../../../src/core/model/photo-record";
import type { TargetConfig } from "../../../src/core/model/target-config";
import { photoRecord } from "../notes/photo-record-builder";

const NAS: TargetConfig = { id: "nas", name: "NAS", kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled: true, url: "http://nas" };
const CLOUD: TargetConfig = { id: "cloud", name: "Cloud", kind: "webdav", medium: "cloud", offsite: true, layout: "mirror", enabled: true, url: "http://cloud" };
const SSD: TargetConfig = { id: "ssd", name: "SSD", kind: "folder", medium: "external-drive", offsite: false, layout: "mirror", enabled: true, path: "/ssd" };

function photo(path: string, size = 100, overrides: Partial<PhotoRecord> = {}): PhotoRecord {
	return photoRecord({ path, size, sha256: path.padEnd(64, "0"), note: `Photo Notes/${path}.md`, ...overrides });
}

function entry(record: PhotoRecord): ManifestEntry {
	return { remotePath: record.path, sha256: record.sha256, size: record.size, uploadedAt: "2024-07-01T00:00:00Z", localPath: record.path };
}

function input(records: PhotoRecord[], targets: TargetConfig[], held: Record<string, PhotoRecord[]>, states: Record<string, TargetState> = {}): StatusInput {
	const manifests = new Map(Object.entries(held).map(([id, list]) => [id, new Manifest(list.map(entry))]));
	return { records, targets, manifest: (id) => manifests.get(id), states: new Map(Object.entries(states)), now: new Date("2024-07-02T10:00:00Z") };
}

describe("photoSafety: the 3-2-1 rule for one photo", () => {
	it("counts the vault's original as one copy on the device: NAS + offsite cloud meets 3-2-1", () => {
		expect(photoSafety([NAS, CLOUD], true)).toEqual({ copies: 3, media: ["device", "nas", "cloud"], offsite: true, meets321: true });
	});

	it("is not met with the NAS alone, nor with three copies none offsite", () => {
		expect(photoSafety([NAS], true)).toEqual({ copies: 2, media: ["device", "nas"], offsite: false, meets321: false });
		expect(photoSafety([NAS, SSD], true)).toMatchObject({ copies: 3, offsite: false, meets321: false });
	});

	it("leaves one copy for a photo on no target, and does not count a gone original", () => {
		expect(photoSafety([], true)).toEqual({ copies: 1, media: ["device"], offsite: false, meets321: false });
		expect(photoSafety([NAS, CLOUD], false)).toEqual({ copies: 2, media: ["nas", "cloud"], offsite: true, meets321: false });
	});

	it("takes two targets of one medium as one medium, whatever its case", () => {
		const other = { ...CLOUD, medium: "NAS ", offsite: true };
		expect(photoSafety([NAS, other], false)).toMatchObject({ copies: 2, media: ["nas"], meets321: false });
	});
});

describe("computeLibraryStatus", () => {
	const a = photo("Photos/2024/a.jpg", 100);
	const b = photo("Photos/2024/b.jpg", 200);
	const c = photo("Photos/2023/c.jpg", 400);
	const d = photo("Photos/d.jpg", 800);

	it("gives the 3-2-1 figures of a library with a known mix of targets", () => {
		// a: NAS + cloud (safe); b: NAS only; c: cloud only; d: nowhere.
		const status = computeLibraryStatus(input([a, b, c, d], [NAS, CLOUD], { nas: [a, b], cloud: [a, c] }));
		expect(status).toMatchObject({ photos: 4, bytes: 1500, meeting321: 1, onlyOneCopy: 1, noCopy: 0, missingOriginals: 0, enabledTargets: 2, upToDate: false, allSafe: false });
		expect(status.atRisk.map((p) => [p.path, p.copies, p.offsite])).toEqual([
			["Photos/d.jpg", 1, false], ["Photos/2023/c.jpg", 2, true], ["Photos/2024/b.jpg", 2, false],
		]);
		expect(status.atRisk[0]).toMatchObject({ note: "Photo Notes/Photos/d.jpg.md", media: ["device"], missing: false });
		expect(status.folders).toEqual([
			{ folder: "Photos", photos: 1, atRisk: 1 },
			{ folder: "Photos/2023", photos: 1, atRisk: 1 },
			{ folder: "Photos/2024", photos: 2, atRisk: 1 },
		]);
		expect(status.targets.map((t) => [t.id, t.photos, t.bytes, t.pending, t.pendingBytes])).toEqual([
			["nas", 2, 300, 2, 1200], ["cloud", 2, 500, 2, 1000],
		]);
	});

	it("is up to date and all safe when both targets hold everything and their last runs went well", () => {
		const run = { endedAt: "2024-07-02T09:00:00.000Z", outcome: "up-to-date" as const, failed: 0 };
		const status = computeLibraryStatus(input([a, b], [NAS, CLOUD], { nas: [a, b], cloud: [a, b] }, { nas: { lastRun: run }, cloud: { lastRun: run } }));
		expect(status).toMatchObject({ meeting321: 2, atRisk: [], folders: [], upToDate: true, allSafe: true });
		expect(status.targets[0]?.lastRun).toEqual(run);
		expect(statusHeadline(status)).toBe("Up to date: every photo meets 3-2-1.");
	});

	it("is up to date but not safe with the NAS alone, and says how many photos fall short", () => {
		const status = computeLibraryStatus(input([a, b], [NAS], { nas: [a, b] }));
		expect(status).toMatchObject({ meeting321: 0, upToDate: true, allSafe: false });
		expect(statusHeadline(status)).toBe("Up to date, but 2 photos of 2 do not meet 3-2-1.");
	});

	it("is not up to date while the last run failed, even with nothing pending", () => {
		const failed = { endedAt: "2024-07-02T09:00:00.000Z", outcome: "failed" as const, failed: 1, reason: "no answer" };
		const status = computeLibraryStatus(input([a], [NAS], { nas: [a] }, { nas: { lastRun: failed } }));
		expect(status.upToDate).toBe(false);
		expect(status.targets[0]?.failed).toBe(1);
		expect(statusHeadline(status)).toBe("Needs attention: the last backup to NAS did not finish.");
	});

	it("counts a gone original's backups as its only copies, and never as pending", () => {
		const gone = photo("Photos/gone.jpg", 50, { missingSince: "2024-07-01T00:00:00Z" });
		const lost = photo("Photos/lost.jpg", 60, { missingSince: "2024-07-01T00:00:00Z" });
		const status = computeLibraryStatus(input([gone, lost], [NAS], { nas: [gone] }));
		expect(status).toMatchObject({ missingOriginals: 2, onlyOneCopy: 1, noCopy: 1 });
		expect(status.targets[0]).toMatchObject({ photos: 1, pending: 0 });
		expect(status.atRisk.map((p) => [p.path, p.copies, p.missing])).toEqual([["Photos/lost.jpg", 0, true], ["Photos/gone.jpg", 1, true]]);
	});

	it("shows a disabled target's copies but does not count them for 3-2-1, nor it for up to date", () => {
		const status = computeLibraryStatus(input([a], [NAS, { ...CLOUD, enabled: false }], { nas: [a], cloud: [a] }));
		expect(status.targets[1]).toMatchObject({ id: "cloud", enabled: false, photos: 1 });
		expect(status.atRisk[0]).toMatchObject({ copies: 2, offsite: false });
		expect(status.enabledTargets).toBe(1);
	});

	it("counts the bytes of one content once per target, however many photos share it", () => {
		const twin = photo("Photos/twin.jpg", 100, { sha256: a.sha256 });
		const status = computeLibraryStatus(input([a, twin], [NAS], { nas: [a] }));
		expect(status.targets[0]).toMatchObject({ photos: 2, bytes: 100, pending: 0 });
	});

	it("says nothing is backed up without a target", () => {
		const status = computeLibraryStatus(input([a], [], {}));
		expect(status).toMatchObject({ enabledTargets: 0, upToDate: false, onlyOneCopy: 1 });
		expect(statusHeadline(status)).toBe("Not backed up: no backup target is set up.");
	});

	it("computes 100,000 photos on three targets within seconds (the view paints from it)", () => {
		const records = Array.from({ length: 100_000 }, (_, i) => photo(`Photos/${i % 100}/p${i}.jpg`, 1000, { sha256: i.toString(16).padStart(64, "0") }));
		const library = input(records, [NAS, CLOUD, SSD], { nas: records, cloud: records.slice(0, 50_000) });
		const started = performance.now();
		const status = computeLibraryStatus(library);
		expect(performance.now() - started).toBeLessThan(3000);
		expect(status).toMatchObject({ photos: 100_000, meeting321: 50_000 });
		expect(status.atRisk).toHaveLength(50_000);
	});
});
