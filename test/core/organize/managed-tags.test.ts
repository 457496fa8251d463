// Automatic tags on a vault on disk: managed and user tags on the same notes across re-indexes and settings changes.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ORGANIZE_STATE_FILE } from "../../../src/core/organize/after-index";
import { DEFAULT_ORGANIZE_SETTINGS, type OrganizeSettings } from "../../../src/core/organize/organize-settings";
import { engineVault, type EngineVault } from "../../support/engine-vault";
import { frontMatterOf } from "../../support/note-text";
import { jpeg } from "../../support/photos";
import { snapshot } from "../../support/snapshot";

const NOTE_A = "Photo Notes/Photos/a.jpg.md";
const NOTE_B = "Photo Notes/Photos/b.jpg.md";

function organize(patch: Partial<OrganizeSettings["autoTags"]> = {}, prefix = "photo/"): OrganizeSettings {
	return { ...DEFAULT_ORGANIZE_SETTINGS, tagPrefix: prefix, autoTags: { ...DEFAULT_ORGANIZE_SETTINGS.autoTags, ...patch } };
}

async function tagsOf(vault: EngineVault, note: string): Promise<unknown> {
	return frontMatterOf(await vault.read(note)).tags;
}

/** The user edits the tags of a note in a text editor, keeping everything else as it was. */
async function setTags(vault: EngineVault, note: string, tags: string[]): Promise<void> {
	const file = join(vault.root, note);
	const text = await readFile(file, "utf8");
	const yaml = tags.length === 0 ? "tags: []" : `tags:\n${tags.map((t) => `  - "${t}"`).join("\n")}`;
	await writeFile(file, text.replace(/^tags:(?: \[\])?\n(?: {2}- .*\n)*/m, `${yaml}\n`));
}

async function library(): Promise<EngineVault> {
	const vault = await engineVault();
	await vault.write("Photos/a.jpg", jpeg({ seed: 1, dateTimeOriginal: "2024:06:01 14:03:22", gps: { latitude: 48.85, longitude: 2.29 } }));
	await vault.write("Photos/b.jpg", jpeg({ seed: 2, dateTimeOriginal: "2023:12:24 19:30:11", make: "Canon", model: "Canon EOS R5" }));
	await vault.engine().indexAll();
	return vault;
}

describe("automatic tags across re-indexes", () => {
	it("new notes get their automatic tags", async () => {
		const vault = await library();
		expect(await tagsOf(vault, NOTE_A)).toEqual(["photo/2024/06", "photo/camera/apple-iphone-15", "photo/has-location"]);
		expect(await tagsOf(vault, NOTE_B)).toEqual(["photo/2023/12", "photo/camera/canon-eos-r5"]);
	});

	it("a changed photo gets new managed tags; the user's tags keep their places, and a no-op re-index writes nothing", async () => {
		const vault = await library();
		await setTags(vault, NOTE_A, ["family", "photo/2024/06", "photo/best", "#trip/paris", "photo/camera/apple-iphone-15", "photo/has-location"]);
		// The photo is edited: another camera, no location any more.
		await vault.write("Photos/a.jpg", jpeg({ seed: 1, dateTimeOriginal: "2024:07:02 10:00:00", make: "Google", model: "Pixel 8" }));
		expect(await vault.engine().indexAll()).toMatchObject({ updated: 1, unchanged: 1 });
		expect(await tagsOf(vault, NOTE_A)).toEqual(["family", "photo/2024/07", "photo/best", "#trip/paris", "photo/camera/google-pixel-8"]);
		const before = await snapshot(vault.root);
		await vault.engine().indexAll();
		expect(await snapshot(vault.root)).toEqual(before);
	});

	it("turning a kind off removes its tags from every note at the next index, unchanged photos included", async () => {
		const vault = await library();
		await setTags(vault, NOTE_B, ["photo/camera/canon-eos-r5", "christmas", "photo/2023/12"]);
		const phases: string[] = [];
		const summary = await vault.engine({ organize: organize({ camera: false }) }).indexAll({ onProgress: (p) => phases.push(`${p.phase} ${p.done}/${p.total}`) });
		expect(summary).toMatchObject({ unchanged: 2, updated: 0 });
		// Rewriting every note's tags shows as progress of the run.
		expect(phases.filter((p) => p.startsWith("notes"))).toEqual(["notes 0/0", "notes 1/2", "notes 2/2"]);
		expect(await tagsOf(vault, NOTE_A)).toEqual(["photo/2024/06", "photo/has-location"]);
		expect(await tagsOf(vault, NOTE_B)).toEqual(["christmas", "photo/2023/12"]);
		const before = await snapshot(vault.root);
		await vault.engine({ organize: organize({ camera: false }) }).indexAll();
		expect(await snapshot(vault.root)).toEqual(before);
		// On again: the tags come back, after the last managed tag.
		await vault.engine().indexAll();
		expect(await tagsOf(vault, NOTE_B)).toEqual(["christmas", "photo/2023/12", "photo/camera/canon-eos-r5"]);
	});

	it("a new prefix replaces the old one's automatic tags and leaves tags of other shapes under the old prefix", async () => {
		const vault = await library();
		await setTags(vault, NOTE_A, ["photo/2024/06", "photo/favourites", "photo/camera/apple-iphone-15", "photo/has-location"]);
		await vault.engine({ organize: organize({}, "pics/") }).indexAll();
		expect(await tagsOf(vault, NOTE_A)).toEqual(["pics/2024/06", "photo/favourites", "pics/camera/apple-iphone-15", "pics/has-location"]);
	});

	it("notes written before automatic tags existed get them at the first index", async () => {
		const vault = await library();
		await rm(join(vault.dataFolder, ORGANIZE_STATE_FILE));
		await setTags(vault, NOTE_A, ["family"]);
		await setTags(vault, NOTE_B, []);
		await vault.engine().indexAll();
		expect(await tagsOf(vault, NOTE_A)).toEqual(["family", "photo/2024/06", "photo/camera/apple-iphone-15", "photo/has-location"]);
		expect(await tagsOf(vault, NOTE_B)).toEqual(["photo/2023/12", "photo/camera/canon-eos-r5"]);
	});
});
