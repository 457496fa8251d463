import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { cli, put } from "./cli-process";

interface VerifyJson {
	ok: boolean;
	problems: number;
	cancelled: boolean;
	targets: Array<{ id: string; ok: boolean; copies: number; read: number; verified: number; folders: number; requests: number; samplePercent?: number;
		problems: Array<{ remotePath: string; fault: string; requeued: boolean }>; extra: Array<{ remotePath: string }> }>;
}

/** A vault of three photos backed up to a folder target "ssd". */
async function backedUpVault(): Promise<{ vault: string; drive: string }> {
	const vault = await tempDir();
	const drive = await tempDir();
	for (const [i, path] of ["Photos/a.jpg", "Photos/b.jpg", "Photos/2024/c.jpg"].entries()) await put(vault, path, jpeg({ seed: i + 1 }));
	expect((await cli(["target", "add", vault, "--id", "ssd", "--name", "Blue SSD", "--type", "folder", "--path", drive])).code).toBe(0);
	expect((await cli(["backup", vault])).code).toBe(0);
	return { vault, drive };
}

describe("photo-archivist verify", () => {
	it("says OK with one listing per folder, and exits 1 naming a missing copy until the next backup puts it back", async () => {
		const { vault, drive } = await backedUpVault();
		const quick = await cli(["verify", vault]);
		expect(quick.stderr).toBe("");
		expect(quick.code).toBe(0);
		expect(quick.stdout).toMatch(/^Blue SSD: OK — 3 copies in 2 folders, 3 in place with the right size; 2 requests$/m);

		await rm(join(drive, "Photos/b.jpg"));
		const run = await cli(["verify", vault, "--json"]);
		expect(run.code).toBe(1);
		const json = JSON.parse(run.stdout) as VerifyJson;
		expect(json).toMatchObject({ ok: false, problems: 1, cancelled: false });
		expect(json.targets[0]?.problems).toEqual([expect.objectContaining({ remotePath: "Photos/b.jpg", fault: "missing", requeued: true })]);
		const text = await cli(["verify", vault]);
		expect(text.stdout).toMatch(/^ {2}missing on Blue SSD: Photos\/b\.jpg \(not on the server\) — the next backup uploads it again$/m);
		expect(await readFile(join(vault, "Photo Notes/Photos/b.jpg.md"), "utf8")).toMatch(/\| Blue SSD \| Missing on Blue SSD \|/);

		const backup = await cli(["backup", vault, "--json"]);
		expect(JSON.parse(backup.stdout)).toMatchObject({ uploaded: 1, skipped: 2 });
		expect(await readFile(join(drive, "Photos/b.jpg"))).toEqual(await readFile(join(vault, "Photos/b.jpg")));
		expect((await cli(["verify", vault])).code).toBe(0);
	});

	it("--deep finds a copy with a flipped byte that the quick check passes, and lists extra files without touching them", async () => {
		const { vault, drive } = await backedUpVault();
		const copy = await readFile(join(drive, "Photos/a.jpg"));
		copy[300] = (copy[300] ?? 0) ^ 1;
		await writeFile(join(drive, "Photos/a.jpg"), copy);
		await writeFile(join(drive, "Photos/notes.txt"), "mine");
		const quick = JSON.parse((await cli(["verify", vault, "--json"])).stdout) as VerifyJson;
		expect(quick.targets[0]).toMatchObject({ problems: [], extra: [{ remotePath: "Photos/notes.txt" }] });

		const deep = await cli(["verify", vault, "--deep", "--json"]);
		expect(deep.code).toBe(1);
		const json = JSON.parse(deep.stdout) as VerifyJson;
		expect(json.targets[0]).toMatchObject({ read: 3, verified: 2, problems: [expect.objectContaining({ remotePath: "Photos/a.jpg", fault: "corrupt" })] });
		expect(await readFile(join(drive, "Photos/notes.txt"), "utf8")).toBe("mine");
		expect(await readFile(join(drive, "Photos/a.jpg"))).toEqual(copy);
	});

	it("--sample reads a share per run (implying --deep) and refuses a share that is not a percentage", async () => {
		const { vault } = await backedUpVault();
		const first = JSON.parse((await cli(["verify", vault, "--sample", "34%", "--json"])).stdout) as VerifyJson;
		expect(first.targets[0]).toMatchObject({ read: 2, verified: 2, samplePercent: 34, ok: true });
		const second = await cli(["verify", vault, "--sample", "34"]);
		expect(second.stdout).toMatch(/2 read back \(34% sample\), 2 identical to the original/);
		for (const bad of ["0", "abc", "120"]) {
			const run = await cli(["verify", vault, "--sample", bad]);
			expect(run.code, bad).toBe(2);
			expect(run.stderr).toMatch(/--sample/);
		}
		const unknown = await cli(["verify", vault, "--target", "nas"]);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/no target with id "nas" \(targets: ssd\)/);
	});
});
