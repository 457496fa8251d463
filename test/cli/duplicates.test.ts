// `photo-archivist duplicates`: groups printed (and as JSON), the report note written, the threshold from
// data.json, and --keep moving the rest of a group to the vault's .trash folder.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DuplicateReport } from "../../src/core/duplicates/duplicate-types";
import { jpegOf, resized, scene } from "../core/duplicates/duplicate-fixtures";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { cli, DATA_JSON, put } from "./cli-process";

async function vaultWithDuplicates(): Promise<string> {
	const vault = await tempDir();
	const copy = jpeg({ seed: 1 });
	await put(vault, "Photos/2024/a.jpg", copy);
	await put(vault, "Photos/Phone/a.jpg", copy);
	const hill = scene(320, 240, 71);
	await put(vault, "Photos/2024/hill.jpg", jpegOf(hill, 90));
	await put(vault, "Photos/Shared/hill-small.jpg", jpegOf(resized(hill, 160, 120), 60));
	await put(vault, "Photos/2024/sea.jpg", jpegOf(scene(320, 240, 72), 90));
	return vault;
}

describe("photo-archivist duplicates", () => {
	it("indexes, prints identical copies and look-alikes, and writes the report note", async () => {
		const vault = await vaultWithDuplicates();
		const run = await cli(["duplicates", vault, "--json"]);
		expect(run).toMatchObject({ code: 0, stderr: "" });
		const report = JSON.parse(run.stdout) as DuplicateReport;
		expect(report.groups.map((g) => [g.kind, g.members.map((m) => m.path).sort()])).toEqual([
			["identical", ["Photos/2024/a.jpg", "Photos/Phone/a.jpg"]],
			["similar", ["Photos/2024/hill.jpg", "Photos/Shared/hill-small.jpg"]],
		]);
		expect(report).toMatchObject({ photos: 5, compared: 3, hashed: 4, threshold: 10, note: "Photo Notes/Duplicates.md", cancelled: false });
		const note = await readFile(join(vault, "Photo Notes/Duplicates.md"), "utf8");
		// Obsidian names a vault after its folder: the links open this vault.
		expect(note).toContain(`(obsidian://photo-archivist-keep?vault=${encodeURIComponent(vault.slice(vault.lastIndexOf("/") + 1))}&photo=Photos%2F2024%2Fhill.jpg)`);

		const text = await cli(["duplicates", vault]);
		expect(text.code).toBe(0);
		expect(text.stdout).toMatch(/^5 photos, 3 compared by picture \(not compared: 2 plain\), 0 hashed this run; threshold 10\/64\n2 groups \(\* = most metadata\):\n1\. identical copies \(2\)\n {3}\* Photos\//);
		expect(text.stdout).toContain("Report note: Photo Notes/Duplicates.md\n");
	});

	it("takes the threshold from the plugin's settings", async () => {
		const vault = await vaultWithDuplicates();
		await put(vault, DATA_JSON, JSON.stringify({ duplicates: { threshold: 0 } }));
		const report = JSON.parse((await cli(["duplicates", vault, "--json"])).stdout) as DuplicateReport;
		expect(report.threshold).toBe(0);
		expect(report.groups.every((g) => g.members.every((m) => m.distance === 0))).toBe(true);
	});

	it("keeps one photo with --keep and moves the rest of its group to the vault's .trash folder", async () => {
		const vault = await vaultWithDuplicates();
		// No search before: --keep compares what it must itself.
		const run = await cli(["duplicates", vault, "--keep", "Photos/2024/hill.jpg"]);
		expect(run).toMatchObject({ code: 0, stderr: "" });
		expect(run.stdout).toBe(
			"Kept Photos/2024/hill.jpg; moved 1 to the vault's .trash folder, their notes merged into its note.\n  trashed: Photos/Shared/hill-small.jpg\n",
		);
		expect(existsSync(join(vault, ".trash/Photos/Shared/hill-small.jpg"))).toBe(true);
		expect(existsSync(join(vault, ".trash/Photo Notes/Photos/Shared/hill-small.jpg.md"))).toBe(true);
		expect(existsSync(join(vault, "Photos/Shared/hill-small.jpg"))).toBe(false);

		const none = await cli(["duplicates", vault, "--keep", "Photos/2024/sea.jpg"]);
		expect(none.code).toBe(2);
		expect(none.stderr).toContain("Photos/2024/sea.jpg has no duplicates");
	});
});
