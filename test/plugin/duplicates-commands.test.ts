// Duplicates in the plugin: the search and its report note, "Keep this one" from the report's link and from
// the command on a photo's note, each through a confirmation, and the threshold setting.
import { afterEach, describe, expect, it } from "vitest";
import { KeepDuplicatesModal } from "../../src/plugin/duplicates/keep-modal";
import { Modal, TextComponent, ToggleComponent } from "../fakes/obsidian";
import { jpeg } from "../support/photos";
import { click, readData, row, settingsTab, topModal } from "./backup-helpers";
import { openHarness, type Harness } from "./plugin-harness";

const COPY = jpeg({ seed: 11 });
const PHOTOS = { "Photos/2024/a.jpg": COPY, "Photos/Phone/a.jpg": COPY, "Photos/Old/a (1).jpg": COPY, "Photos/2024/b.jpg": jpeg({ seed: 12 }) };

function fileOf(h: Harness, path: string) {
	const file = h.app.vault.getFileByPath(path);
	if (file === null) throw new Error(`no file ${path}`);
	return file;
}

describe("duplicate commands", () => {
	let h: Harness;
	afterEach(async () => {
		await h.cleanup();
	});

	async function indexed(): Promise<void> {
		h = await openHarness({ files: PHOTOS });
		await h.layoutReady();
		await h.run("index-photos");
	}

	async function search(): Promise<string> {
		h.fake.runCommand("find-duplicates");
		await h.plugin.duplicates.idle();
		return h.readText("Photo Notes/Duplicates.md") ?? "";
	}

	it("finds identical copies, writes the report note and opens it", async () => {
		await indexed();
		const note = await search();
		expect(note).toContain("(3 identical copies)");
		expect(h.app.workspace.opened).toContain("Photo Notes/Duplicates.md");
		expect(h.lastNotice()).toMatch(/^Found 1 group of duplicates \(1 of identical copies, 0 of look-alikes\) among 4 photos\.\n/);
		expect(h.lastNotice()).toContain("The report is in Photo Notes/Duplicates.md.");
	});

	it("keeps the photo of a report link after confirmation: the others and their notes go to the trash, their words stay", async () => {
		await indexed();
		const phoneNote = fileOf(h, "Photo Notes/Photos/Phone/a.jpg.md");
		await h.app.fileManager.processFrontMatter(phoneNote, (fm) => {
			fm.tags = ["picnic"];
		});
		await h.app.vault.process(phoneNote, (text) => `${text}Aunt Mary took this one.\n`);
		const note = await search();
		const link = /\[Keep this one\]\((obsidian:\/\/photo-archivist-keep\?[^)]*photo=Photos%2F2024%2Fa\.jpg)\)/.exec(note)?.[1];
		expect(link).toContain(`vault=${encodeURIComponent(h.app.vault.getName())}`);

		expect(h.fake.openObsidianUrl(link ?? "")).toBe(true);
		await h.plugin.duplicates.idle();
		const modal = topModal(KeepDuplicatesModal);
		expect([...modal.leaving].sort()).toEqual(["Photos/Old/a (1).jpg", "Photos/Phone/a.jpg"]);
		// Nothing moves before the click; a copy switched off stays.
		expect(h.exists("Photos/Phone/a.jpg")).toBe(true);
		await row(modal.contentEl, "Photos/Old/a (1).jpg").control(ToggleComponent).change(false);
		await click(modal.contentEl, "Move 1 to the trash");
		await h.plugin.duplicates.idle();

		expect(h.exists("Photos/Phone/a.jpg")).toBe(false);
		expect(h.exists("Photo Notes/Photos/Phone/a.jpg.md")).toBe(false);
		expect(h.exists("Photos/Old/a (1).jpg")).toBe(true);
		const kept = h.readText("Photo Notes/Photos/2024/a.jpg.md") ?? "";
		expect(kept).toMatch(/^tags:\n( {2}- .*\n)* {2}- picnic$/m);
		expect(kept).toContain("## From the note of Photos/Phone/a.jpg\n\nAunt Mary took this one.\n");
		expect(h.lastNotice()).toMatch(/^Kept Photos\/2024\/a\.jpg\. 1 copy moved to the trash/);
		// The vault's delete events that followed did not bring a note back for the trashed copy.
		await h.plugin.indexing.idle();
		expect(h.exists("Photo Notes/Photos/Phone/a.jpg.md")).toBe(false);
	});

	it("offers Keep this photo on a photo's note, and says so when the photo has no duplicate", async () => {
		await indexed();
		expect(h.fake.isAvailable("keep-photo-remove-duplicates")).toBe(false);
		h.app.workspace.setActiveFile(fileOf(h, "Photo Notes/Photos/2024/b.jpg.md"));
		expect(h.fake.runCommand("keep-photo-remove-duplicates")).toBe(true);
		await h.plugin.duplicates.idle();
		expect(h.lastNotice()).toBe("Photos/2024/b.jpg has no duplicates now.");

		h.app.workspace.setActiveFile(fileOf(h, "Photos/Phone/a.jpg"));
		h.fake.runCommand("keep-photo-remove-duplicates");
		await h.plugin.duplicates.idle();
		const modal = topModal(KeepDuplicatesModal);
		expect(modal.kept).toBe("Photos/Phone/a.jpg");
		await click(modal.contentEl, "Cancel");
		expect(Modal.open).toHaveLength(0);
		expect(h.exists("Photos/2024/a.jpg")).toBe(true);
	});

	it("saves the look-alike threshold, and drops its link handler on unload", async () => {
		await indexed();
		const field = row(settingsTab(h).containerEl, "Look-alike threshold").control(TextComponent);
		await field.change("6");
		expect(readData(h).duplicates).toEqual({ threshold: 6 });
		// Beyond 16 (or half typed) the saved value stays.
		await field.change("17");
		expect(readData(h).duplicates).toEqual({ threshold: 6 });
		expect(h.fake.protocolHandlers.has("photo-archivist-keep")).toBe(true);
		h.plugin.unload();
		expect(h.fake.protocolHandlers.size).toBe(0);
	});
});
