// An album larger than the part limit, exported as several complete ZIP archives: each opens on its own,
// together they hold the album byte for byte with its numbering running on, and they appear all at once
// or not at all. A small part limit stands in for the 4 GB one.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NodeFileStore } from "../../../src/adapters/node/node-file-store";
import { NodeNoteStore } from "../../../src/adapters/node/node-note-store";
import { archiveSetNames, freeArchiveSet } from "../../../src/core/export/archive-set";
import { createExportService } from "../../../src/core/export/album-export";
import type { ExportOptions, ExportSummary } from "../../../src/core/export/export-types";
import { FileExistsError, type FileWriter } from "../../../src/core/ports/file-writer";
import { engineVault } from "../../support/engine-vault";
import { jpeg } from "../../support/photos";
import { tempDir } from "../../support/temp-dir";
import { engineAlbums, folderDestination, sha256, UNZIP, unzipNames, unzipTest, zipEntries } from "./export-fixture";

/** 3 MiB: three photos of a million bytes fit in a part with the note and index.html, four do not. */
const LIMIT = 3 * 1024 * 1024;
const NOTE = "---\ntitle: Ten\n---\n\nTen photos.\n";

/** A JPEG padded to `size` bytes with a pattern of its own, so no two photos are alike. */
function photo(seed: number, size = 1_000_000): Uint8Array {
	const bytes = new Uint8Array(size).map((_, i) => (i * 7 + seed * 13) & 0xff);
	bytes.set(jpeg({ seed, dateTimeOriginal: `2024:06:${String(seed + 1).padStart(2, "0")} 10:00:00` }));
	return bytes;
}

interface Setup {
	out: string;
	/** `writer` wraps the disk's writer, to step in between parts. */
	run(options?: ExportOptions, writer?: (disk: FileWriter) => FileWriter): Promise<ExportSummary>;
}

/** A vault with `files`, an album "Ten" of `order`, and a folder to export into. */
async function setUp(files: Record<string, Uint8Array>, order: string[]): Promise<Setup> {
	const vault = await engineVault();
	for (const [path, bytes] of Object.entries(files)) await vault.write(path, bytes);
	await vault.write("Albums/Ten.md", NOTE);
	const engine = vault.engine();
	await engine.indexAll();
	const albums = engineAlbums(engine, [{ path: "Albums/Ten.md", title: "Ten", photos: order }]);
	const service = createExportService({ files: new NodeFileStore(vault.root), notes: new NodeNoteStore(vault.root), albums });
	const out = await tempDir("pa-export-parts-");
	return { out, run: (options = {}, writer) => service.exportAlbum("Ten", folderDestination(out, "album.zip", writer), { maxPartBytes: LIMIT, ...options }) };
}

const visible = (folder: string): string[] => readdirSync(folder).filter((name) => !name.startsWith(".")).sort();

function tenPhotos(): { files: Record<string, Uint8Array>; order: string[] } {
	const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Photos/p${i}.jpg`, photo(i)]));
	// Album order is not name order: the archives must follow the album.
	return { files, order: Object.keys(files).reverse() };
}

const PARTS = archiveSetNames("album.zip", 4);

describe.skipIf(UNZIP === null)("exporting an album in parts", () => {
	it("splits it into complete archives under the part limit, numbered on from part to part, each with its own contact sheet", async () => {
		const { files, order } = tenPhotos();
		const s = await setUp(files, order);
		const summary = await s.run();
		expect(PARTS).toEqual(["album (part 1 of 4).zip", "album (part 2 of 4).zip", "album (part 3 of 4).zip", "album (part 4 of 4).zip"]);
		expect(summary).toMatchObject({ album: "Ten", archive: PARTS[0], archives: PARTS, photos: 10, leftOut: [] });
		expect(visible(s.out)).toEqual(PARTS);
		expect(readdirSync(s.out)).toHaveLength(4);

		const exported: string[] = [];
		const counts: number[] = [];
		let total = 0;
		for (const [k, part] of PARTS.entries()) {
			const zip = join(s.out, part);
			expect(unzipTest(zip)).toMatch(/No errors detected/);
			total += statSync(zip).size;
			expect(statSync(zip).size).toBeLessThanOrEqual(LIMIT);
			const root = `Ten (part ${k + 1} of 4)`;
			const names = unzipNames(zip);
			const photos = names.filter((name) => name.startsWith(`${root}/photos/`));
			expect(names).toEqual([...photos, `${root}/Ten.md`, `${root}/index.html`]);
			counts.push(photos.length);
			const entries = zipEntries(zip);
			expect(new TextDecoder().decode(entries[`${root}/Ten.md`])).toBe(NOTE);
			const html = new TextDecoder().decode(entries[`${root}/index.html`]);
			expect(html).toContain(`<title>Ten (part ${k + 1} of 4)</title>`);
			expect(html).toContain(`<p>Part ${k + 1} of 4. The album is split into 4 ZIP archives, each complete on its own:</p>`);
			for (const other of PARTS) expect(html).toContain(other);
			for (const name of photos) {
				const file = name.slice(root.length + 1);
				expect(html).toContain(`href="${file.split("/").map(encodeURIComponent).join("/")}"`);
				const number = Number(file.slice("photos/".length, "photos/".length + 3));
				const original = order[number - 1] ?? "";
				expect(file).toBe(`photos/${String(number).padStart(3, "0")} ${original.slice("Photos/".length)}`);
				expect(sha256(entries[name] ?? new Uint8Array())).toBe(sha256(files[original] ?? new Uint8Array()));
				exported.push(file);
			}
		}
		expect(counts).toEqual([3, 3, 3, 1]);
		// The union is the album, in its order, numbered 001 to 010 without a gap or a repeat.
		expect(exported).toEqual(order.map((path, i) => `photos/${String(i + 1).padStart(3, "0")} ${path.slice("Photos/".length)}`));
		expect(summary.bytes).toBe(total);
		const second = new TextDecoder().decode(zipEntries(join(s.out, PARTS[1] ?? ""))["Ten (part 2 of 4)/index.html"]);
		expect(second).toContain("<li>album (part 1 of 4).zip: photos 001–003</li>\n<li class=\"this\">album (part 2 of 4).zip: photos 004–006 (this part)</li>");
		expect(second).toContain("<li>album (part 4 of 4).zip: photo 010</li>");
	});

	it("leaves out, with its reason, a photo larger than a part by itself, and numbers the others as in the album", async () => {
		const files = { "Photos/a.jpg": photo(1, 10_000), "Photos/huge.jpg": photo(2, 4_000_000), "Photos/c.jpg": photo(3, 10_000) };
		const s = await setUp(files, Object.keys(files));
		const summary = await s.run();
		expect(summary).toMatchObject({ archives: ["album.zip"], photos: 2 });
		expect(summary.leftOut).toEqual([{ path: "Photos/huge.jpg", reason: "it is 4.0 MB, more than one archive may hold (3.1 MB)" }]);
		const zip = join(s.out, "album.zip");
		expect(unzipTest(zip)).toMatch(/No errors detected/);
		expect(unzipNames(zip)).toEqual(["Ten/photos/001 a.jpg", "Ten/photos/003 c.jpg", "Ten/Ten.md", "Ten/index.html"]);
		expect(new TextDecoder().decode(zipEntries(zip)["Ten/index.html"])).not.toContain("Part 1");
	});

	it("shows no part until every part is complete", async () => {
		const { files, order } = tenPhotos();
		const s = await setUp(files, order);
		const seen: string[][] = [];
		await s.run({ onProgress: (p) => { if (p.path !== undefined && p.part === 4) seen.push(readdirSync(s.out)); } });
		// While the last part is written, the first three wait complete under hidden temporary names.
		expect(seen[0]?.filter((name) => !name.startsWith("."))).toEqual([]);
		expect(seen[0]).toHaveLength(4);
		expect(visible(s.out)).toEqual(PARTS);
	});

	it("leaves no part at all when cancelled in the middle", async () => {
		const { files, order } = tenPhotos();
		const s = await setUp(files, order);
		const controller = new AbortController();
		const parts: number[] = [];
		const run = s.run({ signal: controller.signal, onProgress: (p) => {
			parts.push(p.part ?? 0);
			if (p.part === 3) controller.abort();
		} });
		await expect(run).rejects.toThrow();
		expect(parts).toContain(3);
		expect(readdirSync(s.out)).toEqual([]);
	});

	it("removes the parts already saved when another cannot take its name at the end", async () => {
		const { files, order } = tenPhotos();
		const s = await setUp(files, order);
		const taken = join(s.out, PARTS[1] ?? "");
		// Someone saves a file under the second part's name while the export runs (as the last part starts).
		const run = s.run({}, (disk) => ({
			writeNew: (path, body) => {
				if (path === PARTS[3]) writeFileSync(taken, "not ours");
				return disk.writeNew(path, body);
			},
		}));
		await expect(run).rejects.toBeInstanceOf(FileExistsError);
		expect(readdirSync(s.out)).toEqual([PARTS[1]]);
		expect(readFileSync(taken, "utf8")).toBe("not ours");
	});
});

describe("the names of an export's archives", () => {
	it("names the parts after the archive, and moves the whole set to a free name when any of it is taken", async () => {
		expect(archiveSetNames("Trip.zip", 1)).toEqual(["Trip.zip"]);
		expect(archiveSetNames("trip", 2)).toEqual(["trip (part 1 of 2)", "trip (part 2 of 2)"]);
		const taken = new Set(["Trip.zip", "Trip (2) (part 2 of 2).zip"]);
		const has = async (name: string): Promise<boolean> => taken.has(name);
		expect(await freeArchiveSet("Trip", 1, has)).toEqual(["Trip (2).zip"]);
		expect(await freeArchiveSet("Trip", 2, has)).toEqual(["Trip (part 1 of 2).zip", "Trip (part 2 of 2).zip"]);
		taken.add("Trip (part 1 of 2).zip");
		expect(await freeArchiveSet("Trip", 2, has)).toEqual(["Trip (3) (part 1 of 2).zip", "Trip (3) (part 2 of 2).zip"]);
		expect(await freeArchiveSet("a/b: c?", 1, has)).toEqual(["a_b_ c_.zip"]);
	});
});
