import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";

// The built CLI (test/support/global-setup.ts builds dist/cli.cjs), run as a user would run it.
const CLI = join(__dirname, "../../dist/cli.cjs");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args]);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

async function put(root: string, path: string, bytes: Uint8Array | string): Promise<void> {
	await mkdir(join(root, path, ".."), { recursive: true });
	await writeFile(join(root, path), bytes);
}

describe("photo-archivist index", () => {
	it("indexes a vault and prints a JSON summary with every failure and its reason", async () => {
		const vault = await tempDir();
		await put(vault, "Photos/a.jpg", jpeg({ seed: 1 }));
		await put(vault, "Photos/notes.jpg", "shopping list\n");
		const run = await cli("index", vault, "--json");
		expect(run.code).toBe(0);
		const summary = JSON.parse(run.stdout) as Record<string, unknown>;
		expect(summary).toMatchObject({ photos: 1, created: 1, updated: 0, unchanged: 0 });
		expect(summary.failed).toEqual([{ path: "Photos/notes.jpg", reason: expect.stringMatching(/text/) }]);
		const again = JSON.parse((await cli("index", vault, "--json")).stdout) as Record<string, unknown>;
		expect(again).toMatchObject({ photos: 1, created: 0, unchanged: 1 });
	});

	it("uses the vault's plugin settings when present", async () => {
		const vault = await tempDir();
		await put(vault, "Camera/a.jpg", jpeg({ seed: 1 }));
		await put(vault, ".obsidian/plugins/photo-archivist/data.json", JSON.stringify({ index: { photoFolders: ["Camera"], notesFolder: "Meta" } }));
		const run = await cli("index", vault);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/1 photos: 1 new/);
		expect(run.stdout).toContain(join(vault, "Meta"));
	});

	it("exits non-zero with a clear message when the vault does not exist", async () => {
		const run = await cli("index", "/nonexistent/vault", "--json");
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/no such vault folder/);
	});

	it("rejects an unknown command with the usage", async () => {
		const run = await cli("frobnicate");
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/Usage:/);
	});
});

describe("photo-archivist inspect", () => {
	it("prints the normalized metadata of each file, and the reason for a broken one", async () => {
		const dir = await tempDir();
		await put(dir, "a.jpg", jpeg({ make: "Fujifilm", model: "X-T5", dateTimeOriginal: "2023:01:02 03:04:05", offsetTimeOriginal: "+09:00", gps: { latitude: 35.6, longitude: 139.7 } }));
		await put(dir, "empty.jpg", new Uint8Array());
		const run = await cli("inspect", join(dir, "a.jpg"), join(dir, "empty.jpg"), "--json");
		expect(run.code).toBe(0);
		const [a, empty] = JSON.parse(run.stdout) as { metadata?: Record<string, unknown>; error?: string }[];
		expect(a?.metadata).toMatchObject({
			taken: "2023-01-02T03:04:05+09:00",
			takenSource: "exif",
			make: "Fujifilm",
			model: "X-T5",
			latitude: expect.closeTo(35.6, 7),
			longitude: expect.closeTo(139.7, 7),
			mime: "image/jpeg",
		});
		for (const key of ["lens", "altitude", "width", "height", "orientation"]) expect(a?.metadata).toHaveProperty(key);
		expect(empty?.error).toMatch(/empty/);
	});
});
