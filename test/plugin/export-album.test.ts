// "Export album as ZIP" in the plugin, on the fake Obsidian over a real vault folder: the album picker, the
// options, the archive in the vault's export folder or a folder on this computer, the phone's size limit.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "exifr";
import { afterEach, describe, expect, it } from "vitest";
import type { Vault } from "obsidian";
import { vaultArchive } from "../../src/plugin/export/export-destination";
import { ExportOptionsModal } from "../../src/plugin/export/export-options-modal";
import { AlbumSuggestModal } from "../../src/plugin/albums/album-suggest-modal";
import { makeJpeg } from "../../tools/exif-jpeg";
import { DropdownComponent, SuggestModal, TextComponent, ToggleComponent } from "../fakes/obsidian";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { UNZIP, unzipNames, unzipTest, zipEntries } from "../core/export/export-fixture";
import { jpegWithPlace } from "../core/export/strip-fixtures";
import { click, readData, row, topModal } from "./backup-helpers";
import { openHarness, type Harness, type HarnessOptions } from "./plugin-harness";

const PHOTOS = {
	"Photos/Trip/a.jpg": jpegWithPlace(),
	"Photos/Trip/b.jpg": jpeg({ seed: 2, dateTimeOriginal: "2024:06:02 09:00:00" }),
};

describe.skipIf(UNZIP === null)("Export album as ZIP", () => {
	let h: Harness;
	afterEach(async () => {
		await h.cleanup();
	});

	async function withAlbum(options: HarnessOptions = {}): Promise<void> {
		h = await openHarness({ files: PHOTOS, ...options });
		await h.layoutReady();
		await h.run("index-photos");
		await h.plugin.indexing.withEngine((engine) => engine.albums.create("Trip", { folder: "Photos/Trip" }));
	}

	/** Runs the command and picks the album "Trip": the options dialog is then open. */
	async function pickTrip(): Promise<ExportOptionsModal & { contentEl: import("../fakes/obsidian").FakeElement }> {
		expect(h.fake.runCommand("export-album-zip")).toBe(true);
		await h.plugin.albumExport.idle();
		const picker: unknown = topModal(AlbumSuggestModal);
		if (!(picker instanceof SuggestModal)) throw new Error("the album picker is not a SuggestModal");
		expect(await picker.shown("")).toEqual(["Trip"]);
		await picker.choose("Trip");
		return topModal(ExportOptionsModal);
	}

	it("saves the album into the vault's export folder, with the location removed, and remembers the choice", async () => {
		await withAlbum();
		let modal = await pickTrip();
		row(modal.contentEl, "Remove location").control(ToggleComponent).change(true);
		await click(modal.contentEl, "Export");
		await h.plugin.albumExport.idle();
		const zip = join(h.root, "Exports/Trip.zip");
		expect(unzipTest(zip)).toMatch(/No errors detected/);
		expect(unzipNames(zip)).toEqual(["Trip/photos/001 a.jpg", "Trip/photos/002 b.jpg", "Trip/Trip.md", "Trip/index.html"]);
		const exif = (await parse(zipEntries(zip)["Trip/photos/001 a.jpg"] ?? new Uint8Array(), { gps: true })) as Record<string, unknown>;
		expect(exif.latitude).toBeUndefined();
		expect(h.lastNotice()).toMatch(/^Exported 2 photos of "Trip" \(\d+ kB\) to Exports\/Trip\.zip\.\nLocation removed from 2 copies\.$/);
		expect(readData(h).export).toMatchObject({ folder: "Exports", stripLocation: true, resize: false });

		// Remembered, and never over the first archive.
		modal = await pickTrip();
		expect(row(modal.contentEl, "Remove location").control(ToggleComponent).getValue()).toBe(true);
		await click(modal.contentEl, "Export");
		await h.plugin.albumExport.idle();
		expect(existsSync(join(h.root, "Exports/Trip (2).zip"))).toBe(true);
	});

	it("saves it into a folder on this computer, and makes resized copies with the plugin's resizer", async () => {
		await withAlbum();
		h.plugin.exportResizer = () => async (photo) => (photo.path.endsWith("a.jpg") ? makeJpeg({ comment: "small" }) : null);
		const folder = await tempDir("pa-export-out-");
		const modal = await pickTrip();
		row(modal.contentEl, "Resized copies for sharing").control(ToggleComponent).change(true);
		row(modal.contentEl, "Save to").control(DropdownComponent).change("computer");
		row(modal.contentEl, "Folder on this computer").control(TextComponent).change(folder);
		await click(modal.contentEl, "Export");
		await h.plugin.albumExport.idle();
		expect(unzipNames(join(folder, "Trip.zip")).slice(0, 2)).toEqual(["Trip/photos/001 a.jpg", "Trip/photos/002 b.jpg"]);
		expect(h.lastNotice()).toBe(`Exported 2 photos of "Trip" (2 kB) to ${folder}/Trip.zip.\n1 resized copy.\n1 photo exported as the original:\n  Photos/Trip/b.jpg: this device cannot decode its format`);
		expect(readData(h).export).toMatchObject({ computerFolder: folder, resize: true });
	});

	it("on a phone, refuses an album larger than the phone's limit before writing anything", async () => {
		const big = new Uint8Array(1_500_000);
		big.set(jpeg({ seed: 9 }));
		await withAlbum({ platform: "mobile", files: { ...PHOTOS, "Photos/Trip/big.jpg": big }, data: { backup: { mobileMaxFileBytes: 1_000_000 } } });
		const modal = await pickTrip();
		expect(() => row(modal.contentEl, "Save to").control(DropdownComponent)).toThrow();
		await click(modal.contentEl, "Export");
		await h.plugin.albumExport.idle();
		expect(h.lastNotice()).toMatch(/^Export of "Trip" failed: "Trip" would make a ZIP archive of 1\.5 MB, more than the 1\.0 MB allowed here\. Export it from Obsidian on a computer/);
		expect(existsSync(join(h.root, "Exports"))).toBe(false);
	});

	it("on a phone, builds a small album's archive in memory and saves it through the Vault API", async () => {
		await withAlbum({ platform: "mobile" });
		await click((await pickTrip()).contentEl, "Export");
		await h.plugin.albumExport.idle();
		expect(unzipTest(join(h.root, "Exports/Trip.zip"))).toMatch(/No errors detected/);
		expect(h.app.vault.getFileByPath("Exports/Trip.zip")).not.toBeNull();
	});

	it("“Cancel album export” stops a running export and nothing is saved", async () => {
		await withAlbum();
		expect(h.fake.isAvailable("cancel-album-export")).toBe(false);
		const modal = await pickTrip();
		const exporting = click(modal.contentEl, "Export");
		expect(h.fake.runCommand("cancel-album-export")).toBe(true);
		await exporting;
		await h.plugin.albumExport.idle();
		expect(h.lastNotice()).toBe("Export cancelled; nothing was saved.");
		expect(existsSync(join(h.root, "Exports/Trip.zip"))).toBe(false);
		expect(h.fake.isAvailable("cancel-album-export")).toBe(false);
	});

	it("names the parts of a split export in the vault as one set, never over a file, and can remove a part again", async () => {
		h = await openHarness({ files: { ...PHOTOS, "Exports/Trip (part 2 of 2).zip": new Uint8Array([1]) } });
		await h.layoutReady();
		const destination = vaultArchive(h.app.vault as unknown as Vault, null, "Exports", "Trip");
		expect(await destination.paths(1)).toEqual(["Exports/Trip.zip"]);
		const parts = await destination.paths(2);
		expect(parts).toEqual(["Exports/Trip (2) (part 1 of 2).zip", "Exports/Trip (2) (part 2 of 2).zip"]);
		await destination.writer.writeNew(parts[0] ?? "", (async function* () {
			yield new Uint8Array([1, 2, 3]);
		})());
		expect(existsSync(join(h.root, parts[0] ?? ""))).toBe(true);
		await destination.remove(parts[0] ?? "");
		expect(existsSync(join(h.root, parts[0] ?? ""))).toBe(false);
		expect(destination.label(parts[1] ?? "")).toBe("Exports/Trip (2) (part 2 of 2).zip");
	});

	it("says so when there is no album yet", async () => {
		h = await openHarness({ files: PHOTOS });
		await h.layoutReady();
		expect(h.fake.runCommand("export-album-zip")).toBe(true);
		await h.plugin.albumExport.idle();
		expect(h.lastNotice()).toMatch(/^There is no album to export yet: create one first/);
	});
});
