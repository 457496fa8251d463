// Backups of a vault to a folder target (an external drive) on this machine's disk.
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestFileName } from "../../src/core/backup/manifest-store";
import type { TargetConfig } from "../../src/core/model/target-config";
import { tempDir } from "../support/temp-dir";
import { backupFixture, expectEveryPhotoOnDisk, filesOnDisk, finalNames, PHOTO_NAMES, sha256 } from "./backup-fixture";

function folderTarget(path: string): TargetConfig {
	return { id: "ssd", name: "Blue SSD", kind: "folder", medium: "external-drive", offsite: false, layout: "mirror", enabled: true, path };
}

describe("backup to a folder target", () => {
	it("copies every photo byte for byte, with the manifest copy, and a second run writes nothing", async () => {
		const drive = await tempDir("pa-drive-");
		const fixture = await backupFixture(folderTarget(drive));
		const summary = await fixture.engine().backup.backup();
		expect(summary.targets[0]).toMatchObject({ uploaded: PHOTO_NAMES.length, failed: [], upToDate: true });
		await expectEveryPhotoOnDisk(fixture, drive);
		const names = await filesOnDisk(drive);
		expect(finalNames(names)).toEqual([...PHOTO_NAMES].sort());
		expect(names).toContain(".photo-archivist/manifest.jsonl");
		const before = await Promise.all(names.map(async (n) => sha256(await readFile(join(drive, n)))));
		const again = await fixture.engine().backup.backup();
		expect(again.targets[0]).toMatchObject({ uploaded: 0, skipped: PHOTO_NAMES.length, upToDate: true });
		expect(await filesOnDisk(drive)).toEqual(names);
		expect(await Promise.all(names.map(async (n) => sha256(await readFile(join(drive, n)))))).toEqual(before);
	});

	it("after a cancelled run whose manifest was lost, finishes the rest and adopts what is there without copying it again", async () => {
		const drive = await tempDir("pa-drive-");
		const controller = new AbortController();
		// The run is stopped as the second photo lands, as when Obsidian is closed mid-run.
		let stored = 0;
		const fixture = await backupFixture({ ...folderTarget(drive), concurrency: 1 }, {
			wrap: (target) => ({
				capabilities: target.capabilities,
				stat: (p, s) => target.stat(p, s),
				list: (f, s) => target.list(f, s),
				put: async (p, body, o) => {
					const file = await target.put(p, body, o);
					if (++stored === 2) controller.abort();
					return file;
				},
				move: (f, t, s) => target.move(f, t, s),
				read: (p, r, s) => target.read(p, r, s),
				remove: (p, s) => target.remove(p, s),
				quota: (s) => target.quota(s),
			}),
		});
		const first = await fixture.engine().backup.backup({ signal: controller.signal });
		expect(first.cancelled).toBe(true);
		const landed = finalNames(await filesOnDisk(drive));
		expect(landed).toHaveLength(2);
		await rm(join(fixture.dataFolder, manifestFileName("ssd")), { force: true });
		const second = await fixture.engine().backup.backup();
		expect(second.targets[0]).toMatchObject({ uploaded: PHOTO_NAMES.length - landed.length, skipped: landed.length, conflicts: [], upToDate: true });
		expect(finalNames(await filesOnDisk(drive))).toEqual([...PHOTO_NAMES].sort());
		await expectEveryPhotoOnDisk(fixture, drive);
	});

	it("says plainly that a folder which cannot be written stops the target", async () => {
		const fixture = await backupFixture(folderTarget("relative/path"));
		const summary = await fixture.engine().backup.backup();
		expect(summary.targets[0]?.upToDate).toBe(false);
		expect(summary.targets[0]?.stopped).toMatch(/absolute path/);
	});
});
