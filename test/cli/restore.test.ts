// `photo-archivist restore` as a user runs it: back up to a folder, lose originals, get them back byte for byte.
import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { cli, put } from "./cli-process";

const PHOTOS: Record<string, Uint8Array> = {
	"Photos/2024/IMG 1.jpg": jpeg({ seed: 21 }),
	"Photos/2024/été #2.jpg": jpeg({ seed: 22 }),
};
const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

async function backedUpVault(): Promise<{ vault: string; drive: string }> {
	const vault = await tempDir();
	const drive = await tempDir();
	for (const [path, bytes] of Object.entries(PHOTOS)) await put(vault, path, bytes);
	expect((await cli(["target", "add", vault, "--id", "ssd", "--name", "SSD", "--type", "folder", "--path", drive])).code).toBe(0);
	expect((await cli(["backup", vault])).code).toBe(0);
	return { vault, drive };
}

describe("photo-archivist restore", () => {
	it("puts missing originals back, byte for byte, and says so", async () => {
		const { vault } = await backedUpVault();
		for (const path of Object.keys(PHOTOS)) await rm(join(vault, path));
		const run = await cli(["restore", vault]);
		expect(run.stderr).toBe("");
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/Restored 2 files .* each checked by SHA-256/);
		for (const [path, bytes] of Object.entries(PHOTOS)) expect(sha256(await readFile(join(vault, path)))).toBe(sha256(bytes));
		const again = await cli(["restore", vault, "--missing", "--json"]);
		expect(again.code).toBe(0);
		expect(JSON.parse(again.stdout)).toMatchObject({ restored: [], failed: [], conflicts: [] });
	});

	it("rebuilds the library into a new folder with --all --into, as JSON", async () => {
		const { vault } = await backedUpVault();
		const into = join(await tempDir(), "new library");
		const run = await cli(["restore", vault, "--all", "--into", into, "--target", "ssd", "--json"]);
		expect(run.code).toBe(0);
		const json = JSON.parse(run.stdout) as { into: string; restored: { path: string; target: string }[] };
		expect(json.into).toBe(into);
		expect(json.restored.map((r) => r.path).sort()).toEqual(Object.keys(PHOTOS).sort());
		for (const [path, bytes] of Object.entries(PHOTOS)) expect(sha256(await readFile(join(into, path)))).toBe(sha256(bytes));
		expect((await readdir(into, { recursive: true })).some((name) => name.includes(".pa-restore"))).toBe(false);
	});

	it("exits 1 and keeps a different file found where an original belongs", async () => {
		const { vault } = await backedUpVault();
		const path = Object.keys(PHOTOS)[0] as string;
		await rm(join(vault, path));
		expect((await cli(["index", vault])).code).toBe(0);
		await put(vault, path, "not the photo");
		const run = await cli(["restore", vault]);
		expect(run.code).toBe(1);
		expect(run.stdout).toContain(`kept  ${path}: a different file is already at ${path}`);
		expect(await readFile(join(vault, path), "utf8")).toBe("not the photo");
	});

	it.each([
		[["restore"], /exactly one vault/],
		[["restore", "VAULT", "--missing", "--all"], /--missing or --all/],
		[["restore", "VAULT", "--into", "x"], /--into goes with --all/],
		[["restore", "VAULT", "--all"], /needs --into DIR/],
		[["restore", "VAULT", "--target", "nope"], /nope/],
	])("refuses %j with exit status 2", async (args, message) => {
		const { vault } = await backedUpVault();
		const run = await cli(args.map((a) => (a === "VAULT" ? vault : a)));
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(message);
	});
});
