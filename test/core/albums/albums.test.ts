// Albums on a vault on disk: album notes with galleries, membership in the photo notes, and what survives renames and moves.
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PhotoEngine } from "../../../src/core/engine-types";
import { NodeNoteStore } from "../../../src/adapters/node/node-note-store";
import { engineVault, type EngineVault } from "../../support/engine-vault";
import { frontMatterOf } from "../../support/note-text";
import { jpeg } from "../../support/photos";

const note = (photo: string): string => `Photo Notes/${photo}.md`;

async function vaultWithPhotos(): Promise<{ vault: EngineVault; engine: PhotoEngine }> {
	const vault = await engineVault();
	await vault.write("Photos/Trip/a.jpg", jpeg({ seed: 1, dateTimeOriginal: "2024:06:03 10:00:00" }));
	await vault.write("Photos/Trip/b.jpg", jpeg({ seed: 2, dateTimeOriginal: "2024:06:01 09:00:00" }));
	await vault.write("Photos/Trip/c.jpg", jpeg({ seed: 3, dateTimeOriginal: "2024:06:05 18:00:00" }));
	await vault.write("Photos/Home/d.jpg", jpeg({ seed: 4, dateTimeOriginal: "2023:12:24 19:30:11", make: "Canon", model: "Canon EOS R5", gps: { latitude: 52.5, longitude: 13.4 } }));
	const engine = vault.engine();
	await engine.indexAll();
	return { vault, engine };
}

async function albumsOf(vault: EngineVault, photo: string): Promise<unknown> {
	return frontMatterOf(await vault.read(note(photo))).albums;
}

describe("albums", () => {
	it("“Create album from folder” writes the album note with its gallery and links every photo's note to it", async () => {
		const { vault, engine } = await vaultWithPhotos();
		const change = await engine.albums.create("Trip to Rome", { folder: "Photos/Trip" });
		expect(change).toMatchObject({ album: { path: "Albums/Trip to Rome.md", title: "Trip to Rome", smart: false }, changed: 3, count: 3 });
		const text = await vault.read("Albums/Trip to Rome.md");
		expect(frontMatterOf(text)).toEqual({
			title: "Trip to Rome", count: 3, description: "", date_from: "2024-06-01", date_to: "2024-06-05", cover: "[[Photos/Trip/b.jpg]]",
		});
		// By date taken; each embed names its orientation (the test photos are 8 × 8 pixels).
		expect(text).toContain([
			"> [!photo-album] 3 photos · 2024-06-01 to 2024-06-05",
			"> ![[Photos/Trip/b.jpg|square]]",
			">",
			"> ![[Photos/Trip/a.jpg|square]]",
			">",
			"> ![[Photos/Trip/c.jpg|square]]",
		].join("\n"));
		for (const photo of ["Photos/Trip/a.jpg", "Photos/Trip/b.jpg", "Photos/Trip/c.jpg"]) expect(await albumsOf(vault, photo)).toEqual(["[[Albums/Trip to Rome]]"]);
		expect(await albumsOf(vault, "Photos/Home/d.jpg")).toEqual([]);
		expect((await engine.albums.members("Albums/Trip to Rome.md")).map((r) => r.path)).toEqual(["Photos/Trip/b.jpg", "Photos/Trip/a.jpg", "Photos/Trip/c.jpg"]);
		await expect(engine.albums.create("trip to rome")).rejects.toThrow(/already exists/);
		await expect(engine.albums.create("Nothing", { folder: "Photos/Nope" })).rejects.toThrow(/No indexed photo is under “Photos\/Nope”/);
	});

	it("adds and removes photos: only the link changes in the photo's note, the user's text and other albums stay", async () => {
		const { vault, engine } = await vaultWithPhotos();
		await engine.albums.create("Best");
		await engine.albums.create("Family");
		await engine.albums.add("Albums/Family.md", ["Photos/Home/d.jpg"]);
		await writeFile(join(vault.root, note("Photos/Home/d.jpg")), (await vault.read(note("Photos/Home/d.jpg"))) + "Grandma's tree.\n");
		const added = await engine.albums.add("Albums/Best.md", [note("Photos/Home/d.jpg"), "Photos/Trip/a.jpg", "Photos/nowhere.jpg"]);
		expect(added).toMatchObject({ changed: 2, unchanged: 0, unknown: ["Photos/nowhere.jpg"], count: 2 });
		expect(await albumsOf(vault, "Photos/Home/d.jpg")).toEqual(["[[Albums/Family]]", "[[Albums/Best]]"]);
		expect((await engine.albums.add("Albums/Best.md", ["Photos/Trip/a.jpg"])).unchanged).toBe(1);

		const removed = await engine.albums.remove("Albums/Best.md", ["Photos/Home/d.jpg"]);
		expect(removed).toMatchObject({ changed: 1, count: 1 });
		const text = await vault.read(note("Photos/Home/d.jpg"));
		expect(frontMatterOf(text).albums).toEqual(["[[Albums/Family]]"]);
		expect(text).toContain("Grandma's tree.");
		const best = await vault.read("Albums/Best.md");
		expect(best).toContain("> ![[Photos/Trip/a.jpg|square]]");
		expect(best).not.toContain("d.jpg");
		expect(frontMatterOf(best)).toMatchObject({ count: 1, cover: "[[Photos/Trip/a.jpg]]", date_from: "2024-06-03" });
		expect((await engine.albums.albumsOf("Photos/Home/d.jpg")).map((a) => a.title)).toEqual(["Family"]);
	});

	it("keeps the album's description, its own text and a cover the user chose", async () => {
		const { vault, engine } = await vaultWithPhotos();
		await engine.albums.create("Trip", { folder: "Photos/Trip" });
		const path = join(vault.root, "Albums/Trip.md");
		const text = await readFile(path, "utf8");
		await writeFile(path, `${text.replace('description: ""', "description: Our week in Italy").replace('cover: "[[Photos/Trip/b.jpg]]"', 'cover: "[[Photos/Trip/c.jpg]]"')}We ate so much pasta.\n`);
		await engine.albums.remove("Albums/Trip.md", ["Photos/Trip/a.jpg"]);
		const after = await vault.read("Albums/Trip.md");
		expect(frontMatterOf(after)).toMatchObject({ description: "Our week in Italy", cover: "[[Photos/Trip/c.jpg]]", count: 2 });
		expect(after).toContain("We ate so much pasta.");
		await engine.albums.remove("Albums/Trip.md", ["Photos/Trip/c.jpg"]);
		expect(frontMatterOf(await vault.read("Albums/Trip.md")).cover).toBe("[[Photos/Trip/b.jpg]]");
	});

	it("a renamed album note keeps its members: links still naming the old path are moved to the new one", async () => {
		const { vault, engine } = await vaultWithPhotos();
		await engine.albums.create("Trip", { folder: "Photos/Trip" });
		// Renamed outside Obsidian (or with its link updating off): the notes still link to the old name.
		await new NodeNoteStore(vault.root).move("Albums/Trip.md", "Albums/Rome 2024.md");
		expect(await engine.albums.albumRenamed("Albums/Trip.md", "Albums/Rome 2024.md")).toBe(3);
		expect(await albumsOf(vault, "Photos/Trip/a.jpg")).toEqual(["[[Albums/Rome 2024]]"]);
		expect((await engine.albums.members("Albums/Rome 2024.md")).length).toBe(3);
		expect(await engine.albums.find("rome 2024")).toMatchObject({ path: "Albums/Rome 2024.md", title: "Trip" });
		expect(await engine.albums.find("Trip")).toMatchObject({ path: "Albums/Rome 2024.md" });
	});

	it("a photo moved on disk stays in its albums, and the gallery shows it at its new path after the index run", async () => {
		const { vault, engine } = await vaultWithPhotos();
		await engine.albums.create("Trip", { folder: "Photos/Trip" });
		await rename(join(vault.root, "Photos/Trip/a.jpg"), join(vault.root, "Photos/Best/a-renamed.jpg")).catch(async () => {
			await vault.write("Photos/Best/a-renamed.jpg", await readFile(join(vault.root, "Photos/Trip/a.jpg")));
			await rm(join(vault.root, "Photos/Trip/a.jpg"));
		});
		expect(await engine.indexAll()).toMatchObject({ moved: 1 });
		expect(await albumsOf(vault, "Photos/Best/a-renamed.jpg")).toEqual(["[[Albums/Trip]]"]);
		const gallery = await vault.read("Albums/Trip.md");
		expect(gallery).toContain("![[Photos/Best/a-renamed.jpg|square]]");
		expect(gallery).not.toContain("Photos/Trip/a.jpg");
	});

	it("“Create album from search” takes the photos matching a date range, a camera, a tag or a location", async () => {
		const { vault, engine } = await vaultWithPhotos();
		const june = await engine.albums.create("June", { query: { from: "2024-06-02", to: "2024-06" } });
		expect(june.count).toBe(2);
		expect((await engine.albums.members("Albums/June.md")).map((r) => r.path)).toEqual(["Photos/Trip/a.jpg", "Photos/Trip/c.jpg"]);
		expect((await engine.albums.search({ camera: "eos r5" })).map((r) => r.path)).toEqual(["Photos/Home/d.jpg"]);
		expect((await engine.albums.search({ location: true })).map((r) => r.path)).toEqual(["Photos/Home/d.jpg"]);
		expect((await engine.albums.search({ tags: ["photo/2024"] })).length).toBe(3);
		await writeFile(join(vault.root, note("Photos/Trip/b.jpg")), (await vault.read(note("Photos/Trip/b.jpg"))).replace(/^tags:\n/m, "tags:\n  - family/kids\n"));
		expect((await engine.albums.search({ tags: ["#Family"] })).map((r) => r.path)).toEqual(["Photos/Trip/b.jpg"]);
		await expect(engine.albums.create("Empty", { query: { camera: "hasselblad" } })).rejects.toThrow(/No photo is camera “hasselblad”/);
		await expect(engine.albums.create("Everything", { query: {} })).rejects.toThrow(/Say what to search for/);
	});

	it("a smart album keeps its search and follows new photos after an index run; adding to it by hand is refused", async () => {
		const { vault, engine } = await vaultWithPhotos();
		const created = await engine.albums.create("Summer 2024", { query: { from: "2024-06", to: "2024-08" }, smart: true });
		expect(created).toMatchObject({ album: { smart: true }, count: 3 });
		expect(frontMatterOf(await vault.read("Albums/Summer 2024.md"))).toMatchObject({ smart_from: "2024-06", smart_to: "2024-08", count: 3 });
		// Smart albums put no link into photo notes: their membership is the search.
		expect(await albumsOf(vault, "Photos/Trip/a.jpg")).toEqual([]);
		await vault.write("Photos/Later/e.jpg", jpeg({ seed: 5, dateTimeOriginal: "2024:08:15 12:00:00" }));
		await vault.write("Photos/Later/f.jpg", jpeg({ seed: 6, dateTimeOriginal: "2024:09:01 12:00:00" }));
		await engine.indexAll();
		const text = await vault.read("Albums/Summer 2024.md");
		expect(text).toContain("![[Photos/Later/e.jpg|square]]");
		expect(text).not.toContain("f.jpg");
		expect(frontMatterOf(text)).toMatchObject({ count: 4, date_to: "2024-08-15" });
		expect(text).toContain("Smart album: every photo taken 2024-06 to 2024-08.");
		await expect(engine.albums.add("Albums/Summer 2024.md", ["Photos/Later/f.jpg"])).rejects.toThrow(/smart album/);
		// A fresh engine (another CLI run) sees it as smart, and a no-op index run leaves the album note alone.
		const again = vault.engine();
		expect(await again.albums.list()).toEqual([{ path: "Albums/Summer 2024.md", title: "Summer 2024", smart: true }]);
		const before = await readFile(join(vault.root, "Albums/Summer 2024.md"), "utf8");
		await again.indexAll();
		expect(await vault.read("Albums/Summer 2024.md")).toBe(before);
	});
});
