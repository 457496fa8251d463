// "Keep this one" through the engine, as the CLI runs it: notes merged into the kept one, the others' originals
// and notes in the vault's .trash folder, gone from the index, and nothing brought back by the next index run.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NodeNoteStore } from "../../../src/adapters/node/node-note-store";
import { jpeg } from "../../support/photos";
import { duplicatesVault, jpegOf, resized, scene } from "./duplicate-fixtures";

describe("keeping one photo of a group", () => {
	it("merges the others' tags, albums and text into the kept note, then moves their originals and notes to the trash", async () => {
		const vault = await duplicatesVault();
		const lake = scene(320, 240, 61);
		await vault.write("Photos/2024/lake.jpg", jpegOf(lake, 90));
		await vault.write("Photos/Phone/lake.jpg", jpegOf(lake, 90));
		await vault.write("Photos/Shared/lake-small.jpg", jpegOf(resized(lake, 160, 120), 70));
		const engine = vault.engine();
		await engine.indexAll();
		const notes = new NodeNoteStore(vault.root);
		const text = (body: string) => (old: string) => `${old}\n${body}\n`;
		await notes.update("Photo Notes/Photos/2024/lake.jpg.md", { properties: (p) => { p.tags = ["holiday"]; }, body: text("Our first morning.") });
		await notes.update("Photo Notes/Photos/Phone/lake.jpg.md", {
			properties: (p) => {
				p.tags = ["Holiday", "grandpa"];
				p.albums = ["[[Albums/Lake 2024]]"];
				p.people = ["Grandpa"];
			},
			body: text("Grandpa caught a fish right after this."),
		});
		await notes.update("Photo Notes/Photos/Shared/lake-small.jpg.md", { properties: (p) => { p.albums = ["[[Albums/Shared with family]]"]; } });

		// Before any search only identical copies are known; a search hashes the others.
		expect((await engine.duplicates.groupOf("Photos/2024/lake.jpg"))?.kind).toBe("identical");
		await engine.duplicates.find();
		const group = await engine.duplicates.groupOf("Photos/2024/lake.jpg");
		expect(group?.kind).toBe("similar");
		const others = (group?.members ?? []).map((m) => m.path).filter((p) => p !== "Photos/2024/lake.jpg");
		expect(others.sort()).toEqual(["Photos/Phone/lake.jpg", "Photos/Shared/lake-small.jpg"]);
		const result = await engine.duplicates.keep("Photos/2024/lake.jpg", others);
		expect(result).toEqual({ kept: "Photos/2024/lake.jpg", trashed: others, failed: [], trash: "the vault's .trash folder" });

		const kept = await readFile(join(vault.root, "Photo Notes/Photos/2024/lake.jpg.md"), "utf8");
		expect(kept).toMatch(/^tags:\n {2}- holiday\n {2}- grandpa\n/m);
		expect(kept).toContain("[[Albums/Lake 2024]]");
		expect(kept).toContain("[[Albums/Shared with family]]");
		expect(kept).toMatch(/^people:\n {2}- Grandpa$/m);
		expect(kept).toContain("Our first morning.\n\n## From the note of Photos/Phone/lake.jpg\n\nGrandpa caught a fish right after this.\n");
		expect(kept).not.toContain("From the note of Photos/Shared/lake-small.jpg");
		for (const path of [...others, "Photo Notes/Photos/Phone/lake.jpg.md", "Photo Notes/Photos/Shared/lake-small.jpg.md"]) {
			expect(existsSync(join(vault.root, path)), path).toBe(false);
			expect(existsSync(join(vault.root, ".trash", path)), `.trash/${path}`).toBe(true);
		}
		expect([...engine.records()].map((r) => r.path)).toEqual(["Photos/2024/lake.jpg"]);

		// Neither this engine nor a new one (the next CLI run) brings the trashed photos or their notes back.
		const summary = await vault.engine().indexAll();
		expect(summary).toMatchObject({ photos: 1, created: 0, missing: 0 });
		expect(existsSync(join(vault.root, "Photo Notes/Photos/Phone/lake.jpg.md"))).toBe(false);
		expect(await engine.duplicates.groupOf("Photos/2024/lake.jpg")).toBeNull();
	});

	it("changes nothing when the kept photo is unknown, and reports copies that are not in the vault", async () => {
		const vault = await duplicatesVault();
		const photo = jpeg({ seed: 3 });
		await vault.write("Photos/a.jpg", photo);
		await vault.write("Photos/b.jpg", photo);
		const engine = vault.engine();
		await engine.indexAll();
		await expect(engine.duplicates.keep("Photos/nope.jpg", ["Photos/a.jpg"])).rejects.toThrow("Photos/nope.jpg is not a photo in the vault: nothing was changed.");
		expect(existsSync(join(vault.root, "Photos/a.jpg"))).toBe(true);
		const result = await engine.duplicates.keep("Photos/a.jpg", ["Photos/b.jpg", "Photos/gone.jpg", "Photos/a.jpg"]);
		expect(result.trashed).toEqual(["Photos/b.jpg"]);
		expect(result.failed).toEqual([{ path: "Photos/gone.jpg", reason: "its original is not in the vault" }]);
	});
});
