import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TargetError } from "../../../src/core/model/target-error";
import type { TargetConfig } from "../../../src/core/model/target-config";
import { TARGET_STATE_FILE } from "../../../src/core/status/target-state";
import { frontMatterOf } from "../../support/note-text";
import { jpeg } from "../../support/photos";
import { snapshot } from "../../support/snapshot";
import { backupVault, NOW, targetConfig, type BackupVault } from "../backup/backup-vault";

const NAS = targetConfig("nas", { name: "NAS", kind: "webdav", medium: "nas", offsite: false, url: "http://nas.local/photos" });
const CLOUD = targetConfig("cloud", { name: "Cloud", kind: "webdav", medium: "cloud", offsite: true, url: "https://cloud.example/dav" });
const NOTE_A = "Photo Notes/Photos/a.jpg.md";
const NOTE_B = "Photo Notes/Photos/b.jpg.md";

async function vaultWithPhotos(names: string[]): Promise<BackupVault> {
	const vault = await backupVault();
	for (const [i, name] of names.entries()) await vault.write(`Photos/${name}`, jpeg({ seed: i + 1 }));
	await vault.backupEngine({ targets: [] }).indexAll();
	return vault;
}

async function properties(vault: BackupVault, note: string): Promise<Record<string, unknown>> {
	return frontMatterOf(await vault.read(note));
}

describe("status over the engine: 3-2-1 in the notes and in the figures", () => {
	it("gives photos on a NAS and an offsite cloud 3 copies on 3 media, `321: true`, and counts them as safe", async () => {
		const vault = await vaultWithPhotos(["a.jpg", "b.jpg"]);
		const engine = vault.backupEngine({ targets: [NAS, CLOUD] });
		await engine.backup.backup();
		expect(await properties(vault, NOTE_A)).toMatchObject({
			backup: "2/2", backup_targets: ["NAS", "Cloud"], copies: 3, media: ["device", "nas", "cloud"], offsite: true, 321: true,
		});
		const status = await engine.status.compute();
		expect(status).toMatchObject({ photos: 2, meeting321: 2, onlyOneCopy: 0, atRisk: [], upToDate: true, allSafe: true });
		expect(status.targets.map((t) => [t.id, t.photos, t.pending, t.lastRun?.outcome, t.lastRun?.endedAt])).toEqual([
			["nas", 2, 0, "up-to-date", NOW.toISOString()], ["cloud", 2, 0, "up-to-date", NOW.toISOString()],
		]);
	});

	it("writes `321: false` and `offsite: false` for photos on the NAS only, and lists them at risk", async () => {
		const vault = await vaultWithPhotos(["a.jpg", "b.jpg"]);
		const engine = vault.backupEngine({ targets: [NAS] });
		await engine.backup.backup({ photoPaths: ["Photos/a.jpg"] });
		expect(await properties(vault, NOTE_A)).toMatchObject({ copies: 2, media: ["device", "nas"], offsite: false, 321: false });
		const status = await engine.status.compute();
		expect(status).toMatchObject({ meeting321: 0, onlyOneCopy: 1, upToDate: false, folders: [{ folder: "Photos", photos: 2, atRisk: 2 }] });
		expect(status.atRisk.map((p) => [p.path, p.note, p.copies])).toEqual([["Photos/b.jpg", NOTE_B, 1], ["Photos/a.jpg", NOTE_A, 2]]);
		expect(status.targets[0]).toMatchObject({ photos: 1, pending: 1 });
	});

	it("gives a photo on no target one copy once a target is enabled, and leaves the properties out without one", async () => {
		const vault = await vaultWithPhotos(["a.jpg"]);
		const without = await properties(vault, NOTE_A);
		for (const key of ["copies", "media", "offsite", "321"]) expect(without).not.toHaveProperty(key);
		await vault.backupEngine({ targets: [NAS] }).reindex(["Photos/a.jpg"]);
		expect(await properties(vault, NOTE_A)).toMatchObject({ copies: 1, media: ["device"], offsite: false, 321: false });
	});

	it("writes no note and no file at all when a second run changes nothing", async () => {
		const vault = await vaultWithPhotos(["a.jpg", "b.jpg"]);
		await vault.backupEngine({ targets: [NAS, CLOUD] }).backup.backup();
		const before = await snapshot(vault.root);
		const engine = vault.backupEngine({ targets: [NAS, CLOUD] });
		await engine.indexAll();
		await engine.backup.backup();
		expect(await snapshot(vault.root)).toEqual(before);
	});

	it("keeps the last run's outcome across engines (a new CLI run), with the reason a target stopped", async () => {
		const vault = await vaultWithPhotos(["a.jpg"]);
		vault.target("cloud").fail({ op: "put", error: () => new TargetError("auth", "wrong password for the cloud"), times: 10 });
		await vault.backupEngine({ targets: [NAS, CLOUD] }).backup.backup();
		const status = await vault.backupEngine({ targets: [NAS, CLOUD] }).status.compute();
		expect(status.targets[1]?.lastRun).toEqual({ endedAt: NOW.toISOString(), outcome: "stopped", failed: 0, reason: "wrong password for the cloud" });
		expect(status.upToDate).toBe(false);
		const saved = JSON.parse(await readFile(join(vault.dataFolder, TARGET_STATE_FILE), "utf8")) as { targets: Record<string, unknown> };
		expect(Object.keys(saved.targets)).toEqual(["nas", "cloud"]);
	});

	it("records a verification for the verify feature, and free space where the target reports it", async () => {
		const vault = await vaultWithPhotos(["a.jpg"]);
		vault.target("nas").available = 5_000_000_000;
		const engine = vault.backupEngine({ targets: [NAS, CLOUD] });
		const heard: string[] = [];
		engine.status.onChange(() => heard.push("change"));
		await engine.status.recordVerification("nas", { at: "2024-07-02T09:00:00.000Z", kind: "deep", checked: 1, problems: 0 });
		await engine.status.refreshFreeSpace();
		const status = await vault.backupEngine({ targets: [NAS, CLOUD] }).status.compute();
		expect(status.targets[0]).toMatchObject({
			lastVerification: { at: "2024-07-02T09:00:00.000Z", kind: "deep", checked: 1, problems: 0 },
			freeSpace: { available: 5_000_000_000, at: NOW.toISOString() },
		});
		expect(status.targets[1]?.freeSpace).toBeUndefined();
		expect(heard).toEqual(["change", "change"]);
	});

	it("tells listeners as each copy lands and when the run ends, so a view can follow a run", async () => {
		const vault = await vaultWithPhotos(["a.jpg", "b.jpg"]);
		const engine = vault.backupEngine({ targets: [NAS] });
		const seen: number[] = [];
		const stop = engine.status.onChange(() => {
			void engine.status.compute().then((s) => seen.push(s.targets[0]?.photos ?? -1));
		});
		await engine.backup.backup();
		stop();
		await engine.status.compute();
		expect(seen.length).toBeGreaterThanOrEqual(3);
		expect(seen[seen.length - 1]).toBe(2);
	});

	it("starts afresh from a damaged status file, and keeps no part of it that is not well formed", async () => {
		const vault = await vaultWithPhotos(["a.jpg"]);
		await vault.write(`.obsidian/plugins/photo-archivist/${TARGET_STATE_FILE}`, "{ not json");
		const targets: TargetConfig[] = [NAS];
		const status = await vault.backupEngine({ targets }).status.compute();
		expect(status.targets[0]?.lastRun).toBeUndefined();
		await vault.write(`.obsidian/plugins/photo-archivist/${TARGET_STATE_FILE}`, JSON.stringify({
			format: "photo-archivist-backup-status", version: 1, targets: { nas: { lastRun: { endedAt: 5 }, lastVerification: { at: "2024-07-01T00:00:00Z" } } },
		}));
		const again = await vault.backupEngine({ targets }).status.compute();
		expect(again.targets[0]?.lastRun).toBeUndefined();
		expect(again.targets[0]?.lastVerification).toEqual({ at: "2024-07-01T00:00:00Z", kind: "quick", checked: 0, problems: 0 });
	});
});
