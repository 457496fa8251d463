// `photo-archivist album export <vault> <name> --out FILE.zip [--strip-location]`, mostly run in this process
// (and once as the built command line): archive, summary, refusals and exit codes.
import { existsSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "exifr";
import { afterEach, describe, expect, it, vi } from "vitest";
import { albumExportCommand } from "../../src/cli/commands/album-export-command";
import { UsageError } from "../../src/cli/usage-error";
import { cli } from "./cli-process";
import { engineVault, type EngineVault } from "../support/engine-vault";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { UNZIP, unzipNames, unzipTest, zipEntries } from "../core/export/export-fixture";
import { jpegWithPlace } from "../core/export/strip-fixtures";

function captured(): { out: () => string; err: () => string } {
	const out: string[] = [], err: string[] = [];
	vi.spyOn(process.stdout, "write").mockImplementation((chunk) => out.push(String(chunk)) > 0);
	vi.spyOn(process.stderr, "write").mockImplementation((chunk) => err.push(String(chunk)) > 0);
	return { out: () => out.join(""), err: () => err.join("") };
}

async function vaultWithAlbum(): Promise<EngineVault> {
	const vault = await engineVault();
	await vault.write("Photos/Trip/a.jpg", jpegWithPlace());
	await vault.write("Photos/Trip/b.jpg", jpeg({ seed: 2 }));
	const engine = vault.engine();
	await engine.indexAll();
	await engine.albums.create("Trip", { folder: "Photos/Trip" });
	return vault;
}

describe.skipIf(UNZIP === null)("photo-archivist album export", () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it("writes the album with its location removed and prints what it did", async () => {
		const vault = await vaultWithAlbum();
		const out = join(await tempDir("pa-cli-export-"), "trip.zip");
		const io = captured();
		expect(await albumExportCommand([vault.root, "trip", "--out", out, "--strip-location"])).toBe(0);
		expect(io.out()).toMatch(new RegExp(`^Exported 2 photos of "Trip" \\(\\d+ kB\\) to ${out.replace(/[.]/g, "\\.")}\\.\\nLocation removed from 2 copies\\.\\n$`));
		expect(unzipTest(out)).toMatch(/No errors detected/);
		// In the album's order: by date taken, b (14:03) before a (18:42).
		expect(unzipNames(out)).toEqual(["Trip/photos/001 b.jpg", "Trip/photos/002 a.jpg", "Trip/Trip.md", "Trip/index.html"]);
		const exif = (await parse(zipEntries(out)["Trip/photos/002 a.jpg"] ?? new Uint8Array(), { gps: true })) as Record<string, unknown>;
		expect(exif.latitude).toBeUndefined();
		// Nothing but the archive: the temporary file was renamed into place.
		expect(readdirSync(join(out, ".."))).toEqual(["trip.zip"]);
	});

	it("prints the summary as JSON", async () => {
		const vault = await vaultWithAlbum();
		const out = join(await tempDir("pa-cli-export-"), "trip.zip");
		const io = captured();
		expect(await albumExportCommand([vault.root, "Trip", "--out", out, "--json"])).toBe(0);
		expect(JSON.parse(io.out())).toMatchObject({ album: "Trip", archive: out, photos: 2, locationRemoved: 0, leftOut: [] });
	});

	it("refuses a wrong invocation, an unknown album and an existing file as usage mistakes", async () => {
		const vault = await vaultWithAlbum();
		const dir = await tempDir("pa-cli-export-");
		captured();
		await expect(albumExportCommand([vault.root, "Trip"])).rejects.toThrow(new UsageError("album export needs --out FILE.zip, where to save the archive"));
		await expect(albumExportCommand([vault.root, "Nope", "--out", join(dir, "x.zip")])).rejects.toThrow('there is no album named "Nope" (albums: "Trip")');
		await albumExportCommand([vault.root, "Trip", "--out", join(dir, "x.zip")]);
		await expect(albumExportCommand([vault.root, "Trip", "--out", join(dir, "x.zip")])).rejects.toThrow(`${join(dir, "x.zip")} already exists`);
		expect(existsSync(join(dir, "x.zip"))).toBe(true);
	});

	it("runs as `photo-archivist album export` from the built command line", async () => {
		const vault = await vaultWithAlbum();
		const out = join(await tempDir("pa-cli-export-"), "trip.zip");
		const run = await cli(["album", "export", vault.root, "Trip", "--out", out, "--no-index"]);
		expect(run).toMatchObject({ code: 0, stderr: "" });
		expect(run.stdout).toMatch(/^Exported 2 photos of "Trip"/);
		expect(unzipTest(out)).toMatch(/No errors detected/);
		expect(await cli(["album", "export", vault.root, "Trip", "--out", out])).toMatchObject({ code: 2 });
	});

	it("splits an album past --part-size into parts beside FILE.zip and prints every one, as text and as JSON", async () => {
		const vault = await engineVault();
		for (let i = 0; i < 3; i++) {
			const bytes = new Uint8Array(600_000).fill(i + 1);
			bytes.set(jpeg({ seed: i }));
			await vault.write(`Photos/Big/p${i}.jpg`, bytes);
		}
		const engine = vault.engine();
		await engine.indexAll();
		await engine.albums.create("Big", { folder: "Photos/Big" });
		const dir = await tempDir("pa-cli-export-");
		const parts = [1, 2, 3].map((k) => join(dir, `big (part ${k} of 3).zip`));
		const io = captured();
		expect(await albumExportCommand([vault.root, "Big", "--out", join(dir, "big.zip"), "--part-size", "1MB", "--no-index"])).toBe(0);
		const lines = io.out().split("\n");
		expect(lines[0]).toMatch(/^Exported 3 photos of "Big" \(1\.8 MB\) in 3 ZIP archives, each complete on its own:$/);
		expect(lines.slice(1)).toEqual([...parts.map((part) => `  ${part}`), ""]);
		expect(readdirSync(dir).sort()).toEqual(parts.map((part) => part.slice(dir.length + 1)));
		for (const part of parts) expect(unzipTest(part)).toMatch(/No errors detected/);

		const json = join(await tempDir("pa-cli-export-"), "big.zip");
		const jsonIo = captured();
		expect(await albumExportCommand([vault.root, "Big", "--out", json, "--part-size", "1MB", "--no-index", "--json"])).toBe(0);
		const printed = JSON.parse(jsonIo.out()) as { archive: string; archives: string[] };
		expect(printed.archives).toEqual([1, 2, 3].map((k) => join(json, "..", `big (part ${k} of 3).zip`)));
		expect(printed.archive).toBe(printed.archives[0]);

		// A part's name already taken stops the export before anything is written.
		await expect(albumExportCommand([vault.root, "Big", "--out", join(dir, "big.zip"), "--part-size", "1MB", "--no-index"])).rejects.toThrow(`${parts[0]} already exists`);
		expect(readdirSync(dir)).toHaveLength(3);
		await expect(albumExportCommand([vault.root, "Big", "--out", join(dir, "x.zip"), "--part-size", "5GB"])).rejects.toThrow(new UsageError("--part-size must be between 1 MB and 4.3 GB (4294967294 bytes, the most a ZIP archive without ZIP64 holds), not 5GB"));
		await expect(albumExportCommand([vault.root, "Big", "--out", join(dir, "x.zip"), "--part-size", "lots"])).rejects.toThrow('--part-size takes a size such as 700MB or 2GB, not "lots"');
	});

	it("exits 1 with the reason when the album cannot be exported, and writes nothing", async () => {
		const vault = await vaultWithAlbum();
		await rm(join(vault.root, "Photos"), { recursive: true });
		const out = join(await tempDir("pa-cli-export-"), "trip.zip");
		const io = captured();
		expect(await albumExportCommand([vault.root, "Trip", "--out", out])).toBe(1);
		expect(io.err()).toBe('photo-archivist: none of the 2 photos of "Trip" has its original in the vault\n');
		expect(existsSync(out)).toBe(false);
	});
});
