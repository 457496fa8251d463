import { describe, expect, it } from "vitest";
import { Manifest, type ManifestEntry } from "../../../src/core/backup/manifest";
import { planBackup, type BackupDecision } from "../../../src/core/backup/plan-backup";
import type { PhotoRecord } from "../../../src/core/model/photo-record";
import { photoRecord } from "../notes/photo-record-builder";

const sha = (n: number): string => n.toString(16).padStart(2, "0").repeat(32);

function photo(path: string, n: number, overrides: Partial<Omit<PhotoRecord, "meta">> & { taken?: string | null } = {}): PhotoRecord {
	const { taken, ...rest } = overrides;
	return photoRecord({ path, sha256: sha(n), size: 1000 + n, note: `Notes/${path}.md`, ...rest, meta: { taken: taken === undefined ? "2024-06-01T14:03:22+02:00" : taken } });
}

function entry(remotePath: string, n: number, localPath = remotePath): ManifestEntry {
	return { remotePath, sha256: sha(n), size: 1000 + n, uploadedAt: "2024-07-01T10:00:00.000Z", localPath };
}

/** [action, vault path, remote path] per decision: the table the tests compare. */
function table(decisions: readonly BackupDecision[]): Array<[string, string, string | null]> {
	return decisions.map((d) => {
		const remote = "remotePath" in d ? d.remotePath : d.action === "skip-duplicate" ? `same as ${d.sameAs}` : null;
		return [d.action, d.record.path, remote];
	});
}

describe("planBackup", () => {
	const cases: Array<{ name: string; records: PhotoRecord[]; manifest: ManifestEntry[]; layout?: "mirror" | "date"; expected: Array<[string, string, string | null]> }> = [
		{
			name: "a new photo is uploaded to its vault path",
			records: [photo("Photos/a.jpg", 1)],
			manifest: [],
			expected: [["upload-new", "Photos/a.jpg", "Photos/a.jpg"]],
		},
		{
			name: "a photo whose content the manifest holds is skipped",
			records: [photo("Photos/a.jpg", 1)],
			manifest: [entry("Photos/a.jpg", 1)],
			expected: [["skip-present", "Photos/a.jpg", "Photos/a.jpg"]],
		},
		{
			name: "a moved photo with the same content is skipped: its copy stays where it is",
			records: [photo("Photos/2020/renamed.jpg", 1)],
			manifest: [entry("Photos/a.jpg", 1)],
			expected: [["skip-present", "Photos/2020/renamed.jpg", "Photos/a.jpg"]],
		},
		{
			name: "a changed photo goes beside its old copy, which is kept",
			records: [photo("Photos/a.jpg", 2)],
			manifest: [entry("Photos/a.jpg", 1)],
			expected: [["upload-changed", "Photos/a.jpg", `Photos/a.${sha(2).slice(0, 8)}.jpg`]],
		},
		{
			name: "a changed photo whose old copy was under another name takes its layout path",
			records: [photo("Photos/a.jpg", 2)],
			manifest: [entry("Photos/a (2).jpg", 1, "Photos/a.jpg")],
			expected: [["upload-changed", "Photos/a.jpg", "Photos/a.jpg"]],
		},
		{
			name: "a missing original is never uploaded, and nothing is removed for it",
			records: [photo("Photos/gone.jpg", 3, { missingSince: "2024-07-01T00:00:00.000Z" })],
			manifest: [],
			expected: [["skip-missing", "Photos/gone.jpg", null]],
		},
		{
			name: "two photos of one month with the same name (two cameras) get distinct names",
			records: [photo("Cam A/IMG_0001.JPG", 4), photo("Cam B/IMG_0001.JPG", 5)],
			manifest: [],
			layout: "date",
			expected: [
				["upload-new", "Cam A/IMG_0001.JPG", "2024/06/IMG_0001.JPG"],
				["upload-new", "Cam B/IMG_0001.JPG", "2024/06/IMG_0001 (2).JPG"],
			],
		},
		{
			name: "a date-layout name an earlier run took for another photo is not reused",
			records: [photo("Cam B/IMG_0001.JPG", 5)],
			manifest: [entry("2024/06/IMG_0001.JPG", 4, "Cam A/IMG_0001.JPG"), entry("2024/06/IMG_0001 (2).JPG", 6, "Cam C/IMG_0001.JPG")],
			layout: "date",
			expected: [["upload-new", "Cam B/IMG_0001.JPG", "2024/06/IMG_0001 (3).JPG"]],
		},
		{
			name: "two copies of one photo in the vault are uploaded once",
			records: [photo("Photos/b.jpg", 7), photo("Photos/a.jpg", 7)],
			manifest: [],
			expected: [["upload-new", "Photos/a.jpg", "Photos/a.jpg"], ["skip-duplicate", "Photos/b.jpg", "same as Photos/a.jpg"]],
		},
		{
			name: "a photo with no date goes to undated/",
			records: [photo("Photos/scan.png", 8, { taken: null })],
			manifest: [],
			layout: "date",
			expected: [["upload-new", "Photos/scan.png", "undated/scan.png"]],
		},
	];

	it.each(cases)("$name", ({ records, manifest, layout, expected }) => {
		const plan = planBackup(records, new Manifest(manifest), { layout: layout ?? "mirror" }, { explain: true });
		expect(table(plan.decisions)).toEqual(expected);
		const uploads = plan.decisions.filter((d) => d.action.startsWith("upload"));
		expect(plan.uploads).toEqual(uploads);
		expect(plan.bytesToUpload).toBe(uploads.reduce((n, d) => n + d.record.size, 0));
	});

	it("never plans a path the manifest holds, so nothing on the target is replaced", () => {
		const records = Array.from({ length: 30 }, (_, i) => photo(`Cam ${i}/IMG_1.JPG`, 100 + i));
		const manifest = new Manifest([entry("2024/06/IMG_1.JPG", 1), entry("2024/06/IMG_1 (2).JPG", 2), entry("2024/06/IMG_1 (4).JPG", 3)]);
		const plan = planBackup(records, manifest, { layout: "date" }, { explain: true });
		const paths = plan.uploads.map((u) => u.remotePath);
		expect(new Set(paths).size).toBe(30);
		for (const path of paths) expect(manifest.at(path)).toBeUndefined();
		expect(paths).toContain("2024/06/IMG_1 (3).JPG");
	});

	it("leaves photos above the size limit out, with the limit, unless they are already there", () => {
		const plan = planBackup([photo("big.mov", 1, { size: 60_000_000 }), photo("there.mov", 2, { size: 60_000_000 }), photo("small.jpg", 3)],
			new Manifest([entry("there.mov", 2)]), { layout: "mirror" }, { maxFileBytes: 50_000_000, explain: true });
		expect(table(plan.decisions)).toEqual([
			["too-large", "big.mov", null],
			["upload-new", "small.jpg", "small.jpg"],
			["skip-present", "there.mov", "there.mov"],
		]);
		expect(plan.decisions[0]).toMatchObject({ limit: 50_000_000 });
		expect(plan.tooLarge.map((t) => [t.record.path, t.limit])).toEqual([["big.mov", 50_000_000]]);
		expect(plan.skipped).toBe(1);
	});

	it("keeps no decision per photo unless asked: a run needs the uploads and the counts", () => {
		const records = [photo("a.jpg", 1), photo("b.jpg", 2), photo("c.jpg", 2), photo("gone.jpg", 4, { missingSince: "2024-01-01T00:00:00.000Z" })];
		const plan = planBackup(records, new Manifest([entry("a.jpg", 1)]), { layout: "mirror" });
		expect(plan.decisions).toEqual([]);
		expect(plan.uploads.map((u) => u.record.path)).toEqual(["b.jpg"]);
		expect(plan.skipped).toBe(2);
		expect(plan.bytesToUpload).toBe(1002);
	});

	it("plans without touching its inputs", () => {
		const records = Object.freeze([Object.freeze(photo("a.jpg", 1))]);
		const manifest = new Manifest([entry("b.jpg", 2)]);
		planBackup(records, manifest, { layout: "mirror" });
		expect(manifest.entries()).toEqual([entry("b.jpg", 2)]);
	});
});
