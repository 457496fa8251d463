import { describe, expect, it } from "vitest";
import { BackupLedger } from "../../../src/core/backup/backup-ledger";
import { defaultBackupSettings } from "../../../src/core/backup/backup-settings";
import { serializeManifest, type ManifestEntry } from "../../../src/core/backup/manifest";
import { manifestFileName } from "../../../src/core/backup/manifest-store";
import type { TargetConfig } from "../../../src/core/model/target-config";
import { renderGeneratedSection } from "../../../src/core/notes/generated-section";
import { SILENT_LOG } from "../../../src/core/ports/log";
import { photoRecord, SHA } from "../notes/photo-record-builder";
import { MemoryData } from "./memory-stores";

function target(id: string, name: string, enabled = true): TargetConfig {
	return { id, name, kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled, url: "https://x" };
}

function copy(remotePath: string, extra: Partial<ManifestEntry> = {}): ManifestEntry {
	return { remotePath, sha256: SHA, size: 1, uploadedAt: "2024-07-02T23:30:00.000Z", localPath: "Photos/old.heic", ...extra };
}

async function ledger(targets: TargetConfig[], manifests: Record<string, ManifestEntry[]>): Promise<BackupLedger> {
	const data = new MemoryData();
	for (const [id, entries] of Object.entries(manifests)) data.files.set(manifestFileName(id), serializeManifest(entries, id));
	const made = new BackupLedger({ data, settings: { ...defaultBackupSettings(), targets }, now: () => new Date(0), log: SILENT_LOG });
	await made.load();
	return made;
}

describe("BackupLedger.noteBackupInfo", () => {
	it("lists each copy of the photo's content, counts the enabled targets holding it, in settings order", async () => {
		const l = await ledger(
			[target("nas", "Home NAS"), target("cloud", "Cloud"), target("ssd", "Old SSD", false), target("usb", "USB")],
			{
				nas: [copy("2024/07/IMG_0001.HEIC", { verifiedAt: "2024-08-01T06:00:00.000Z" })],
				ssd: [copy("Photos/old.heic")],
				usb: [copy("Photos/other.heic", { sha256: "ab".repeat(32) })],
			},
		);
		const info = l.noteBackupInfo(photoRecord());
		expect(info.backupStatus).toEqual({
			count: "1/3", targets: ["Home NAS"], safety: { copies: 2, media: ["device", "nas"], offsite: false, meets321: false },
		});
		expect(info.backups).toEqual([
			{ target: "Home NAS", status: "Backed up", remotePath: "2024/07/IMG_0001.HEIC", uploaded: "2024-07-02T23:30:00.000Z", verified: "2024-08-01T06:00:00.000Z" },
			{ target: "Old SSD", status: "Backed up", remotePath: "Photos/old.heic", uploaded: "2024-07-02T23:30:00.000Z" },
		]);
	});

	it("renders the rows with the times as stored, whatever the machine's zone", async () => {
		const l = await ledger([target("nas", "Home NAS")], { nas: [copy("2024/07/IMG_0001.HEIC", { verifiedAt: "2024-08-01T06:00:00.000Z" })] });
		const section = renderGeneratedSection(photoRecord(), l.noteBackupInfo(photoRecord()));
		expect(section).toContain("| Home NAS | Backed up | 2024/07/IMG\\_0001.HEIC, uploaded 2024-07-02 23:30 UTC, verified 2024-08-01 06:00 UTC |");
	});

	it("leaves the properties out while no target is enabled, and shows 0/n before the first copy", async () => {
		expect((await ledger([], {})).noteBackupInfo(photoRecord())).toEqual({ backups: [], backupStatus: null });
		expect((await ledger([target("nas", "NAS", false)], {})).noteBackupInfo(photoRecord()).backupStatus).toBeNull();
		expect((await ledger([target("nas", "NAS"), target("b", "B")], {})).noteBackupInfo(photoRecord()).backupStatus).toEqual({
			count: "0/2", targets: [], safety: { copies: 1, media: ["device"], offsite: false, meets321: false },
		});
	});

	it("starts a target with a damaged manifest empty, and says it must be seeded from the target", async () => {
		const data = new MemoryData();
		data.files.set(manifestFileName("nas"), "garbage");
		const l = new BackupLedger({ data, settings: { ...defaultBackupSettings(), targets: [target("nas", "NAS")] }, now: () => new Date(0), log: SILENT_LOG });
		await l.load();
		expect(l.needsSeed("nas")).toBe(true);
		expect((await l.store("nas"))?.manifest.size).toBe(0);
		l.seeded("nas");
		expect(l.needsSeed("nas")).toBe(false);
	});
});
