import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INDEX_FILE_NAME } from "../../src/core/index/index-file";
import type { FileStore } from "../../src/core/ports/file-store";
import { engineVault } from "../support/engine-vault";
import { frontMatterOf } from "../support/note-text";
import { jpeg } from "../support/photos";
import { snapshot } from "../support/snapshot";

describe("engine: index and notes on a vault on disk", () => {
	it("creates one note per photo, mirroring the photo's folder under the notes folder", async () => {
		const vault = await engineVault();
		await vault.write("Photos/2024/a.jpg", jpeg({ make: "Canon", model: "EOS R6", seed: 1 }));
		await vault.write("Photos/b.jpg", jpeg({ seed: 2 }));
		await vault.write("Elsewhere/c.jpg", jpeg({ seed: 3 }));
		const summary = await vault.engine().indexAll();
		expect(summary).toMatchObject({ photos: 2, created: 2, updated: 0, unchanged: 0, failed: [] });
		const note = await vault.read("Photo Notes/Photos/2024/a.jpg.md");
		const props = frontMatterOf(note);
		expect(props).toMatchObject({ make: "Canon", model: "EOS R6" });
		expect(props.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(await readFile(join(vault.dataFolder, INDEX_FILE_NAME), "utf8")).toContain("Photos/2024/a.jpg");
	});

	it("rescans with nothing changed without writing a single file, even from a fresh engine", async () => {
		const vault = await engineVault();
		for (let i = 0; i < 5; i++) await vault.write(`Photos/${i}.jpg`, jpeg({ seed: i }));
		await vault.engine().indexAll();
		const before = await snapshot(vault.root);
		const summary = await vault.engine().indexAll();
		expect(summary).toMatchObject({ photos: 5, created: 0, updated: 0, unchanged: 5, indexed: 0 });
		expect(await snapshot(vault.root)).toEqual(before);
	});

	it("reads unchanged files not at all (a stat, not a read)", async () => {
		const vault = await engineVault();
		await vault.write("Photos/a.jpg", jpeg({ seed: 1 }));
		await vault.engine().indexAll();
		const reads: string[] = [];
		const counting = (store: FileStore): FileStore => ({
			list: (f) => store.list(f),
			stat: (p) => store.stat(p),
			read: (p, r) => (reads.push(p), store.read(p, r)),
			sha256: (p) => (reads.push(p), store.sha256(p)),
			stream: (p, s) => (reads.push(p), store.stream(p, s)),
		});
		await vault.engine({ files: counting }).indexAll();
		expect(reads).toEqual([]);
	});

	it("keeps the user's text and properties when the photo changes", async () => {
		const vault = await engineVault();
		await vault.write("Photos/a.jpg", jpeg({ model: "Old", seed: 1 }));
		await vault.engine().indexAll();
		const notePath = join(vault.root, "Photo Notes/Photos/a.jpg.md");
		const original = await readFile(notePath, "utf8");
		const edited = original.replace(/^---\n/, "---\nmood: happy\n") + "\nGrandma's 80th birthday.\n";
		await writeFile(notePath, edited);
		await vault.write("Photos/a.jpg", jpeg({ model: "New", seed: 1 }));
		const summary = await vault.engine().indexAll();
		expect(summary).toMatchObject({ updated: 1, created: 0 });
		const text = await readFile(notePath, "utf8");
		expect(text).toContain("Grandma's 80th birthday.");
		expect(frontMatterOf(text)).toMatchObject({ mood: "happy", model: "New" });
	});

	it("follows a photo moved on disk by its content: the note moves, no second note", async () => {
		const vault = await engineVault();
		await vault.write("Photos/a.jpg", jpeg({ seed: 7 }));
		await vault.engine().indexAll();
		await writeFile(join(vault.root, "Photo Notes/Photos/a.jpg.md"), (await vault.read("Photo Notes/Photos/a.jpg.md")) + "\nmy words\n");
		await vault.write("Photos/2020/renamed.jpg", await readFile(join(vault.root, "Photos/a.jpg")));
		await rm(join(vault.root, "Photos/a.jpg"));
		const summary = await vault.engine().indexAll();
		expect(summary).toMatchObject({ moved: 1, created: 0, missing: 0, photos: 1 });
		const moved = await vault.read("Photo Notes/Photos/2020/renamed.jpg.md");
		expect(moved).toContain("my words");
		expect(moved).toContain("Photos/2020/renamed.jpg");
		await expect(vault.read("Photo Notes/Photos/a.jpg.md")).rejects.toThrow();
	});

	it("keeps the note of a deleted photo, marked missing, and unmarks it when the photo returns", async () => {
		const vault = await engineVault();
		await vault.write("Photos/a.jpg", jpeg({ seed: 1 }));
		await vault.engine().indexAll();
		const notePath = "Photo Notes/Photos/a.jpg.md";
		await writeFile(join(vault.root, notePath), (await vault.read(notePath)) + "\nkeep me\n");
		await rename(join(vault.root, "Photos/a.jpg"), join(vault.root, "a.jpg.bak"));
		const gone = await vault.engine({ now: () => new Date("2025-03-01T12:00:00Z") }).indexAll();
		expect(gone).toMatchObject({ missing: 1, photos: 0 });
		const marked = await vault.read(notePath);
		expect(frontMatterOf(marked).original).toBe("missing");
		expect(marked).toContain("keep me");
		await rename(join(vault.root, "a.jpg.bak"), join(vault.root, "Photos/a.jpg"));
		const back = await vault.engine().indexAll();
		expect(back).toMatchObject({ photos: 1, missing: 0 });
		const restored = await vault.read(notePath);
		expect(frontMatterOf(restored).original).toBeUndefined();
		expect(restored).toContain("keep me");
	});

	it("reports each bad file with a specific reason and indexes the rest", async () => {
		const vault = await engineVault();
		const good = jpeg({ seed: 1 });
		await vault.write("Photos/good.jpg", good);
		await vault.write("Photos/empty.jpg", new Uint8Array());
		await vault.write("Photos/text.jpg", "Dear diary, this is not a photo.\n");
		await vault.write("Photos/truncated.jpg", jpeg({ seed: 2 }).subarray(0, 40));
		await vault.write("Photos/locked.jpg", jpeg({ seed: 3 }));
		const failing = (store: FileStore): FileStore => ({
			...store,
			list: (f) => store.list(f),
			stat: (p) => store.stat(p),
			read: (p, r) => (p.endsWith("locked.jpg") ? Promise.reject(new Error("permission denied")) : store.read(p, r)),
			sha256: (p) => store.sha256(p),
			stream: (p, s) => store.stream(p, s),
		});
		const summary = await vault.engine({ files: failing }).indexAll();
		const reasons = Object.fromEntries(summary.failed.map((f) => [f.path, f.reason]));
		expect(reasons["Photos/empty.jpg"]).toMatch(/empty/i);
		expect(reasons["Photos/text.jpg"]).toMatch(/text/i);
		expect(reasons["Photos/locked.jpg"]).toMatch(/permission denied/);
		expect(summary.created).toBeGreaterThanOrEqual(1);
		expect(await vault.read("Photo Notes/Photos/good.jpg.md")).toContain("sha256");
		expect(reasons["Photos/good.jpg"]).toBeUndefined();
	});

	it("rebuilds a corrupt index without duplicating notes or losing the user's text", async () => {
		const vault = await engineVault();
		await vault.write("Photos/a.jpg", jpeg({ seed: 1 }));
		await vault.engine().indexAll();
		const notePath = "Photo Notes/Photos/a.jpg.md";
		await writeFile(join(vault.root, notePath), (await vault.read(notePath)) + "\nstill here\n");
		await writeFile(join(vault.dataFolder, INDEX_FILE_NAME), "{ this is not an index");
		const summary = await vault.engine().indexAll();
		expect(summary.failed).toEqual([]);
		expect(summary.photos).toBe(1);
		expect(await vault.read(notePath)).toContain("still here");
		const notes = [...(await snapshot(join(vault.root, "Photo Notes"))).keys()];
		expect(notes).toEqual(["Photos/a.jpg.md"]);
	});

	it("stops when cancelled, keeps what finished, and the next run completes", async () => {
		const vault = await engineVault();
		for (let i = 0; i < 6; i++) await vault.write(`Photos/${i}.jpg`, jpeg({ seed: i }));
		const controller = new AbortController();
		const first = await vault.engine({ concurrency: 1 }).indexAll({
			signal: controller.signal,
			onProgress: (p) => {
				if (p.phase === "reading" && p.done === 2) controller.abort();
			},
		});
		expect(first.cancelled).toBe(true);
		expect(first.created).toBe(2);
		const second = await vault.engine().indexAll();
		expect(second).toMatchObject({ created: 4, unchanged: 2, photos: 6, cancelled: false });
	});

	it("follows renames and deletions reported by the host", async () => {
		const vault = await engineVault();
		await vault.write("Photos/a.jpg", jpeg({ seed: 1 }));
		const engine = vault.engine();
		await engine.indexAll();
		await rename(join(vault.root, "Photos/a.jpg"), join(vault.root, "Photos/b.jpg"));
		await engine.photoRenamed("Photos/a.jpg", "Photos/b.jpg");
		expect(engine.noteOf("Photos/b.jpg")).toBe("Photo Notes/Photos/b.jpg.md");
		expect(engine.photoOfNote("Photo Notes/Photos/b.jpg.md")).toBe("Photos/b.jpg");
		expect(frontMatterOf(await vault.read("Photo Notes/Photos/b.jpg.md")).photo).toContain("Photos/b.jpg");
		await rm(join(vault.root, "Photos/b.jpg"));
		await engine.photoDeleted("Photos/b.jpg");
		expect(frontMatterOf(await vault.read("Photo Notes/Photos/b.jpg.md")).original).toBe("missing");
		const rescan = await vault.engine().indexAll();
		expect(rescan).toMatchObject({ photos: 0, missing: 0, created: 0 });
	});

	it("gives photos whose names clash once made safe a note each", async () => {
		const vault = await engineVault();
		await vault.write("Photos/a#b.jpg", jpeg({ seed: 1 }));
		await vault.write("Photos/a|b.jpg", jpeg({ seed: 2 }));
		const engine = vault.engine();
		await engine.indexAll();
		const notes = [engine.noteOf("Photos/a#b.jpg"), engine.noteOf("Photos/a|b.jpg")];
		expect(new Set(notes).size).toBe(2);
		for (const n of notes) expect(n).not.toMatch(/[#|[\]^]/);
	});
});
