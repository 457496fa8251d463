import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LibraryStatus } from "../../src/core/status/library-status";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { cli, put } from "./cli-process";

async function vaultWithPhotos(): Promise<string> {
	const vault = await tempDir();
	await put(vault, "Photos/2024/a.jpg", jpeg({ seed: 1 }));
	await put(vault, "Photos/2024/b.jpg", jpeg({ seed: 2 }));
	await put(vault, "Photos/2023/c.jpg", jpeg({ seed: 3 }));
	return vault;
}

async function addFolderTarget(vault: string, id: string, extra: string[] = []): Promise<string> {
	const dir = await tempDir(`pa-${id}-`);
	const added = await cli(["target", "add", vault, "--id", id, "--type", "folder", "--path", dir, ...extra]);
	expect(added.stderr).toBe("");
	return dir;
}

async function statusJson(vault: string): Promise<LibraryStatus> {
	const run = await cli(["status", vault, "--json"]);
	expect(run).toMatchObject({ code: 0, stderr: "" });
	return JSON.parse(run.stdout) as LibraryStatus;
}

describe("photo-archivist status", () => {
	it("says every photo meets 3-2-1 once a drive and an offsite copy hold them all", async () => {
		const vault = await vaultWithPhotos();
		await addFolderTarget(vault, "ssd");
		await addFolderTarget(vault, "cloud", ["--medium", "cloud", "--offsite", "--name", "Cloud"]);
		expect((await cli(["backup", vault])).code).toBe(0);

		const status = await statusJson(vault);
		expect(status).toMatchObject({ photos: 3, meeting321: 3, onlyOneCopy: 0, atRisk: [], folders: [], upToDate: true, allSafe: true });
		expect(status.targets.map((t) => [t.id, t.medium, t.offsite, t.photos, t.pending, t.lastRun?.outcome])).toEqual([
			["ssd", "external-drive", false, 3, 0, "up-to-date"], ["cloud", "cloud", true, 3, 0, "up-to-date"],
		]);
		// A folder target reports the free space of its disk.
		expect(status.targets[0]?.freeSpace?.available).toBeGreaterThan(0);

		const text = await cli(["status", vault]);
		expect(text.code).toBe(0);
		expect(text.stdout).toMatch(/^Up to date: every photo meets 3-2-1\.\n3 of 3 photos meet 3-2-1 .*; 0 with only one copy\n/);
		expect(text.stdout).toContain("Cloud [cloud] (cloud, offsite)\n  backed up:         3 photos, ");
		expect(text.stdout).toMatch(/ {2}last run: {10}\d{4}-\d\d-\d\d \d\d:\d\d UTC, up to date\n {2}last verification: never\n {2}free space: {8}[\d.]+ [kMGT]B free/);
	});

	it("lists the photos and folders at risk with their notes when only an onsite drive holds some", async () => {
		const vault = await vaultWithPhotos();
		await addFolderTarget(vault, "ssd");
		expect((await cli(["index", vault])).code).toBe(0);
		expect((await cli(["backup", vault, "--no-index"])).code).toBe(0);
		await put(vault, "Photos/2023/d.jpg", jpeg({ seed: 4 }));
		expect((await cli(["index", vault])).code).toBe(0);

		const status = await statusJson(vault);
		expect(status).toMatchObject({ photos: 4, meeting321: 0, onlyOneCopy: 1, upToDate: false });
		expect(status.folders).toEqual([{ folder: "Photos/2023", photos: 2, atRisk: 2 }, { folder: "Photos/2024", photos: 2, atRisk: 2 }]);
		expect(status.atRisk[0]).toMatchObject({ path: "Photos/2023/d.jpg", note: "Photo Notes/Photos/2023/d.jpg.md", copies: 1 });
		expect(status.targets[0]).toMatchObject({ photos: 3, pending: 1 });

		const text = (await cli(["status", vault])).stdout;
		expect(text).toMatch(/^Not up to date: 1 photo waiting to be backed up\.\n0 of 4 photos meet 3-2-1/);
		expect(text).toContain("  pending:           1 photo, ");
		expect(text).toContain("Folders at risk:\n  Photos/2023: 2 of 2 photos\n  Photos/2024: 2 of 2 photos\n");
		expect(text).toContain("  Photos/2023/d.jpg: 1 copy, no offsite copy (note: Photo Notes/Photos/2023/d.jpg.md)\n");
		expect(text).toContain("  Photos/2023/c.jpg: 2 copies, no offsite copy (note: ");
	});

	it("says nothing is backed up in a vault without targets, and refuses a missing vault with status 2", async () => {
		const vault = await vaultWithPhotos();
		expect((await cli(["index", vault])).code).toBe(0);
		const text = await cli(["status", vault]);
		expect(text.stdout).toMatch(/^Not backed up: no backup target is set up\.\n0 of 3 photos meet 3-2-1 .*; 3 with only one copy\n/);
		const missing = await cli(["status", join(vault, "nope")]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain("no such vault folder");
		expect((await cli(["status"])).code).toBe(2);
	});
});
