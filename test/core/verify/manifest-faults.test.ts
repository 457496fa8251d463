import { describe, expect, it } from "vitest";
import { Manifest, parseManifest, serializeManifest, type ManifestEntry } from "../../../src/core/backup/manifest";
import { planBackup } from "../../../src/core/backup/plan-backup";
import { photoRecord } from "../notes/photo-record-builder";

const SHA = "ab".repeat(32);

function entry(overrides: Partial<ManifestEntry> = {}): ManifestEntry {
	return { remotePath: "Photos/a.jpg", sha256: SHA, size: 10, uploadedAt: "2024-07-01T00:00:00.000Z", localPath: "Photos/a.jpg", ...overrides };
}

describe("faulty copies in the manifest", () => {
	it("keeps a fault and when it was found through a save and a load; a sound entry is written as before", () => {
		const faulty = entry({ fault: "corrupt", faultAt: "2024-07-02T10:15:00.000Z" });
		const sound = entry({ remotePath: "Photos/b.jpg", sha256: "cd".repeat(32), verifiedAt: "2024-07-02T10:00:00.000Z" });
		const text = serializeManifest([faulty, sound], "nas");
		expect(parseManifest(text)).toEqual([faulty, sound]);
		expect(text.split("\n")[2]).toBe(JSON.stringify(["Photos/b.jpg", "cd".repeat(32), 10, "2024-07-01T00:00:00.000Z", "Photos/a.jpg", null, "2024-07-02T10:00:00.000Z"]));
	});

	it("does not count a faulty copy as holding its content, but still knows it is there", () => {
		const manifest = new Manifest([entry({ fault: "missing" })]);
		expect(manifest.holding(SHA)).toEqual([]);
		expect(manifest.copies(SHA)).toHaveLength(1);
		expect(manifest.at("Photos/a.jpg")?.fault).toBe("missing");
	});

	it("plans a photo whose copy went missing back to the same path", () => {
		const record = photoRecord({ path: "Photos/a.jpg", sha256: SHA, size: 10 });
		const plan = planBackup([record], new Manifest([entry({ fault: "missing" })]), { layout: "mirror" }, { explain: true });
		expect(plan.uploads.map((u) => u.remotePath)).toEqual(["Photos/a.jpg"]);
	});

	it("plans a photo whose copy is damaged beside it, never over it", () => {
		const record = photoRecord({ path: "Photos/a.jpg", sha256: SHA, size: 10 });
		for (const fault of ["corrupt", "wrong-size"] as const) {
			const plan = planBackup([record], new Manifest([entry({ fault })]), { layout: "mirror" }, { explain: true });
			expect(plan.uploads.map((u) => u.remotePath)).toEqual([`Photos/a.${SHA.slice(0, 8)}.jpg`]);
		}
	});

	it("plans nothing for a photo with a sound copy beside a damaged one", () => {
		const record = photoRecord({ path: "Photos/a.jpg", sha256: SHA, size: 10 });
		const manifest = new Manifest([entry({ fault: "corrupt" }), entry({ remotePath: "Photos/a.abababab.jpg" })]);
		expect(planBackup([record], manifest, { layout: "mirror" }, { explain: true }).decisions.map((d) => d.action)).toEqual(["skip-present"]);
	});
});
