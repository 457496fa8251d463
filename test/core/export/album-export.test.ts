// "Export album as ZIP" through the core over a real vault folder: what the archive holds, what is refused
// before anything is written, and what is left out and said so.
import { existsSync, readdirSync, statSync } from "node:fs";
import { unlink } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "exifr";
import { describe, expect, it } from "vitest";
import { NodeFileStore } from "../../../src/adapters/node/node-file-store";
import { NodeNoteStore } from "../../../src/adapters/node/node-note-store";
import type { AlbumService } from "../../../src/core/albums/album-types";
import { createExportService } from "../../../src/core/export/album-export";
import { ExportRefusedError, type ExportOptions } from "../../../src/core/export/export-types";
import { FileExistsError } from "../../../src/core/ports/file-writer";
import { makeJpeg } from "../../../tools/exif-jpeg";
import { engineVault, type EngineVault } from "../../support/engine-vault";
import { jpeg } from "../../support/photos";
import { tempDir } from "../../support/temp-dir";
import { makeMovie, mdtaMeta, mvhd, quickTimeSeconds, trak } from "../metadata/quicktime-builder";
import { box } from "../metadata/bmff-builder";
import { engineAlbums, folderDestination, sha256, type TestAlbum, UNZIP, unzipNames, unzipTest, zipEntries } from "./export-fixture";
import { jpegWithPlace, metadataTrack, PLACE } from "./strip-fixtures";

const NOTE = "---\ntitle: Summer 2024\ndescription: Two weeks by the sea & a <b>storm</b>.\n---\n\n![[Photos/b.jpg]]\n";

interface Setup {
	vault: EngineVault;
	albums: AlbumService;
	out: string;
	run(options?: ExportOptions, name?: string): ReturnType<ReturnType<typeof createExportService>["exportAlbum"]>;
}

async function setUp(files: Record<string, Uint8Array>, album: Omit<TestAlbum, "path"> & { note?: string }): Promise<Setup> {
	const vault = await engineVault();
	for (const [path, bytes] of Object.entries(files)) await vault.write(path, bytes);
	const path = `Albums/${album.title.replace(/[\\/:]/g, "_")}.md`;
	await vault.write(path, album.note ?? NOTE);
	const engine = vault.engine();
	await engine.indexAll();
	const albums = engineAlbums(engine, [{ path, title: album.title, photos: album.photos }]);
	const out = await tempDir("pa-export-");
	const service = createExportService({ files: new NodeFileStore(vault.root), notes: new NodeNoteStore(vault.root), albums, now: () => new Date(2024, 6, 1) });
	return { vault, albums, out, run: (options, name = "album.zip") => service.exportAlbum(album.title, folderDestination(out, name), options) };
}

const MOVIE = makeMovie({
	moov: [mvhd(quickTimeSeconds("2024-05-01T08:11:12Z"), 600, 1800), trak("vide", 1920, 1080), box("udta", mdtaMeta({
		"com.apple.quicktime.creationdate": "2024-05-01T10:11:12+0200",
		"com.apple.quicktime.location.ISO6709": "+48.8584+002.2945+035.000/",
	}))],
});

describe.skipIf(UNZIP === null)("exporting an album as ZIP", () => {
	it("holds the originals byte for byte in album order, the album note and index.html, and unzip -t accepts it", async () => {
		const files = { "Photos/a.jpg": jpeg({ seed: 1 }), "Photos/b.jpg": jpeg({ seed: 2 }), "Photos/2024/clip.mov": MOVIE };
		const s = await setUp(files, { title: "Summer 2024", photos: ["Photos/b.jpg", "Photos/2024/clip.mov", "Photos/a.jpg"] });
		const summary = await s.run();
		const zip = join(s.out, "album.zip");
		expect(unzipTest(zip)).toMatch(/No errors detected/);
		expect(unzipNames(zip)).toEqual([
			"Summer 2024/photos/001 b.jpg", "Summer 2024/photos/002 clip.mov", "Summer 2024/photos/003 a.jpg", "Summer 2024/Summer 2024.md", "Summer 2024/index.html",
		]);
		const entries = zipEntries(zip);
		expect(sha256(entries["Summer 2024/photos/001 b.jpg"] ?? new Uint8Array())).toBe(sha256(files["Photos/b.jpg"]));
		expect(sha256(entries["Summer 2024/photos/002 clip.mov"] ?? new Uint8Array())).toBe(sha256(files["Photos/2024/clip.mov"]));
		expect(sha256(entries["Summer 2024/photos/003 a.jpg"] ?? new Uint8Array())).toBe(sha256(files["Photos/a.jpg"]));
		expect(new TextDecoder().decode(entries["Summer 2024/Summer 2024.md"])).toBe(NOTE);
		const html = new TextDecoder().decode(entries["Summer 2024/index.html"]);
		for (const name of Object.keys(entries).filter((n) => n.includes("/photos/"))) {
			expect(html).toContain(`href="${name.slice("Summer 2024/".length).split("/").map(encodeURIComponent).join("/")}"`);
		}
		expect(html).toContain('<img src="photos/001%20b.jpg" alt="b.jpg" loading="lazy">');
		expect(html).toContain('<a class="tile" href="photos/002%20clip.mov"><span>MOV video</span><span>Open clip.mov</span></a>');
		expect(html).toContain("2024-06-01 14:03:22");
		expect(html).toContain("2024-05-01 10:11:12 +02:00");
		expect(html).toContain("Apple iPhone 15");
		expect(html).toContain("2024-05-01 – 2024-06-01 · 3 photos");
		expect(html).toContain("Two weeks by the sea &amp; a &lt;b&gt;storm&lt;/b&gt;.");
		expect(html).not.toMatch(/<script/i);
		expect(summary).toMatchObject({ album: "Summer 2024", archive: "album.zip", archives: ["album.zip"], photos: 3, locationRemoved: 0, resized: 0, leftOut: [], notResized: [] });
		expect(summary.bytes).toBe(statSync(zip).size);
	});

	it("escapes a title holding markup in index.html and makes it a safe folder name", async () => {
		const title = `<script>alert("hi")</script> & 'friends'`;
		const s = await setUp({ "Photos/a.jpg": jpeg() }, { title, photos: ["Photos/a.jpg"], note: "Just a note.\n" });
		await s.run();
		const entries = zipEntries(join(s.out, "album.zip"));
		const root = "_script_alert(_hi_)__script_ & 'friends'";
		expect(Object.keys(entries)).toEqual([`${root}/photos/001 a.jpg`, `${root}/${root}.md`, `${root}/index.html`]);
		const html = new TextDecoder().decode(entries[`${root}/index.html`]);
		expect(html).toContain("<title>&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &#39;friends&#39;</title>");
		expect(html).not.toMatch(/<script/i);
	});

	it("removes the location from the copies, keeps their date, and leaves out what it cannot strip", async () => {
		const gopro = makeMovie({ brand: "mp41", moov: [mvhd(quickTimeSeconds("2024-05-01T08:11:12Z"), 600, 1800), trak("vide", 1920, 1080), metadataTrack("gpmd")] });
		const files = { "Photos/a.jpg": jpegWithPlace(), "Photos/clip.mov": MOVIE, "Photos/GOPR0001.MP4": gopro };
		const s = await setUp(files, { title: "Trip", photos: ["Photos/a.jpg", "Photos/GOPR0001.MP4", "Photos/clip.mov"] });
		const summary = await s.run({ stripLocation: true });
		const zip = join(s.out, "album.zip");
		expect(unzipTest(zip)).toMatch(/No errors detected/);
		const entries = zipEntries(zip);
		expect(Object.keys(entries)).toEqual(["Trip/photos/001 a.jpg", "Trip/photos/003 clip.mov", "Trip/Trip.md", "Trip/index.html"]);
		const photo = entries["Trip/photos/001 a.jpg"] ?? new Uint8Array();
		expect(photo.length).toBe(files["Photos/a.jpg"].length);
		const exif = (await parse(photo, { gps: true, xmp: true, reviveValues: false })) as Record<string, unknown>;
		expect(exif.latitude).toBeUndefined();
		expect(exif.longitude).toBeUndefined();
		expect(exif.DateTimeOriginal).toBe("2024:06:01 18:42:05");
		expect(exif.OffsetTimeOriginal).toBe("+01:00");
		expect(new TextDecoder("latin1").decode(entries["Trip/photos/003 clip.mov"])).not.toContain(`${PLACE.latitude}`);
		expect(summary).toMatchObject({ photos: 2, locationRemoved: 2 });
		expect(summary.leftOut).toEqual([{ path: "Photos/GOPR0001.MP4", reason: "its location could not be removed: it carries a track of positions (gpmd) that cannot be removed" }]);
		const html = new TextDecoder().decode(entries["Trip/index.html"]);
		expect(html).toContain("Locations were removed from these copies.");
		expect(html).not.toContain("GOPR0001");
	});

	it("leaves out a photo whose original is gone from the vault, and says why", async () => {
		const s = await setUp({ "Photos/a.jpg": jpeg({ seed: 1 }), "Photos/b.jpg": jpeg({ seed: 2 }) }, { title: "Two", photos: ["Photos/a.jpg", "Photos/b.jpg"] });
		await unlink(join(s.vault.root, "Photos/a.jpg"));
		const summary = await s.run();
		expect(summary.leftOut).toEqual([{ path: "Photos/a.jpg", reason: "its original is not in the vault" }]);
		expect(unzipNames(join(s.out, "album.zip"))).toEqual(["Two/photos/001 b.jpg", "Two/Two.md", "Two/index.html"]);
	});

	it("puts resized copies, with their date and camera but no position, where the resizer makes them", async () => {
		const files = { "Photos/a.jpg": jpegWithPlace(), "Photos/b.jpg": jpeg({ seed: 2 }), "Photos/clip.mov": MOVIE };
		const s = await setUp(files, { title: "Small", photos: ["Photos/a.jpg", "Photos/b.jpg", "Photos/clip.mov"] });
		const small = makeJpeg({ comment: "resized" });
		const summary = await s.run({ stripLocation: true, resize: async (photo) => (photo.path === "Photos/b.jpg" ? null : small) });
		const entries = zipEntries(join(s.out, "album.zip"));
		expect(Object.keys(entries).slice(0, 3)).toEqual(["Small/photos/001 a.jpg", "Small/photos/002 b.jpg", "Small/photos/003 clip.mov"]);
		const copy = (await parse(entries["Small/photos/001 a.jpg"] ?? new Uint8Array(), { gps: true, reviveValues: false })) as Record<string, unknown>;
		expect(copy).toMatchObject({ DateTimeOriginal: "2024:06:01 18:42:05", OffsetTimeOriginal: "+01:00", Make: "Apple", Model: "iPhone 15" });
		expect(copy.latitude).toBeUndefined();
		expect(sha256(entries["Small/photos/002 b.jpg"] ?? new Uint8Array())).toBe(sha256(files["Photos/b.jpg"]));
		expect(summary).toMatchObject({ photos: 3, resized: 1, locationRemoved: 3 });
		expect(summary.notResized).toEqual([
			{ path: "Photos/b.jpg", reason: "this device cannot decode its format" },
			{ path: "Photos/clip.mov", reason: "videos are exported as they are" },
		]);
	});

	it("never replaces an archive already at the destination", async () => {
		const s = await setUp({ "Photos/a.jpg": jpeg() }, { title: "One", photos: ["Photos/a.jpg"] });
		await s.run();
		await expect(s.run()).rejects.toBeInstanceOf(FileExistsError);
	});

	it("leaves nothing behind when cancelled", async () => {
		const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`Photos/p${i}.jpg`, jpeg({ seed: i })]));
		const s = await setUp(files, { title: "Five", photos: Object.keys(files) });
		const controller = new AbortController();
		const run = s.run({ signal: controller.signal, onProgress: (p) => { if (p.done === 2) controller.abort(); } });
		await expect(run).rejects.toThrow();
		expect(readdirSync(s.out)).toEqual([]);
	});

	it("refuses, before writing anything, an album it cannot find or whose photos are all gone", async () => {
		const s = await setUp({ "Photos/a.jpg": jpeg() }, { title: "Gone", photos: ["Photos/a.jpg"] });
		const service = createExportService({ files: new NodeFileStore(s.vault.root), notes: new NodeNoteStore(s.vault.root), albums: s.albums });
		const destination = folderDestination(s.out, "x.zip");
		await expect(service.exportAlbum("Nope", destination)).rejects.toThrow(new ExportRefusedError('there is no album named "Nope"'));
		await unlink(join(s.vault.root, "Photos/a.jpg"));
		await expect(service.exportAlbum("Gone", destination)).rejects.toThrow('none of the 1 photos of "Gone" has its original in the vault');
		expect(existsSync(join(s.out, "x.zip"))).toBe(false);
	});
});
