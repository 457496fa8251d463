// The tag and album commands in the plugin, on the fake Obsidian over a real vault folder.
import { afterEach, describe, expect, it, vi } from "vitest";
import { AlbumSuggestModal } from "../../src/plugin/albums/album-suggest-modal";
import { CreateAlbumModal } from "../../src/plugin/albums/create-album-modal";
import { TagPhotosModal } from "../../src/plugin/albums/tag-photos-modal";
import { AbstractInputSuggest, DropdownComponent, SuggestModal, TextComponent, ToggleComponent } from "../fakes/obsidian";
import { frontMatterOf } from "../support/note-text";
import { jpeg } from "../support/photos";
import { click, readData, row, settingsTab, topModal } from "./backup-helpers";
import { openHarness, type Harness } from "./plugin-harness";

const PHOTOS = {
	"Photos/Trip/a.jpg": jpeg({ seed: 1, dateTimeOriginal: "2024:06:03 10:00:00" }),
	"Photos/Trip/b.jpg": jpeg({ seed: 2, dateTimeOriginal: "2024:06:01 09:00:00" }),
	"Photos/Home/c.jpg": jpeg({ seed: 3, dateTimeOriginal: "2023:12:24 19:30:11", make: "Canon", model: "Canon EOS R5" }),
};
const note = (photo: string): string => `Photo Notes/${photo}.md`;

/** The album picker on top, as the fake's SuggestModal it is built on at run time. */
function albumPicker(): SuggestModal<unknown> {
	const modal: unknown = topModal(AlbumSuggestModal);
	if (!(modal instanceof SuggestModal)) throw new Error("the album picker is not a SuggestModal");
	return modal;
}

describe("tag and album commands", () => {
	let h: Harness;
	afterEach(async () => {
		vi.useRealTimers();
		await h.cleanup();
	});

	async function indexed(): Promise<void> {
		h = await openHarness({ files: PHOTOS });
		await h.layoutReady();
		await h.run("index-photos");
	}

	const props = (path: string): Record<string, unknown> => frontMatterOf(h.readText(path) ?? "");
	const open = (path: string): void => h.app.workspace.setActiveFile(h.app.vault.getFileByPath(path));
	const settle = async (): Promise<void> => {
		await h.plugin.albums.idle();
		await h.plugin.indexing.idle();
	};
	const command = async (id: string): Promise<void> => {
		expect(h.fake.runCommand(id)).toBe(true);
		await settle();
	};

	it("“Tag photos…” adds tags to every photo of a folder, suggests the vault's tags, and removes tags on an album's photos", async () => {
		await indexed();
		await command("tag-photos");
		let modal = topModal(TagPhotosModal);
		row(modal.contentEl, "Photos").control(DropdownComponent).change("folder");
		row(modal.contentEl, "Folder").control(TextComponent).change("Photos/Trip");
		row(modal.contentEl, "Add tags").control(TextComponent).change("family, #trip/rome");
		await click(modal.contentEl, "Apply");
		await settle();
		expect(h.lastNotice()).toBe("Tagged 2 photos: 2 changed, 0 already as asked.");
		expect(props(note("Photos/Trip/a.jpg")).tags).toEqual(["photo/2024/06", "photo/camera/apple-iphone-15", "family", "trip/rome"]);
		expect(props(note("Photos/Home/c.jpg")).tags).toEqual(["photo/2023/12", "photo/camera/canon-eos-r5"]);

		// A re-index leaves the user's tags where they are.
		await h.run("index-photos");
		expect(props(note("Photos/Trip/b.jpg")).tags).toEqual(["photo/2024/06", "photo/camera/apple-iphone-15", "family", "trip/rome"]);

		await h.plugin.indexing.withEngine((engine) => engine.albums.create("Trip", { folder: "Photos/Trip" }));
		await command("tag-photos");
		modal = topModal(TagPhotosModal);
		row(modal.contentEl, "Photos").control(DropdownComponent).change("album");
		expect([...row(modal.contentEl, "Album").control(DropdownComponent).options.values()]).toEqual(["Trip"]);
		row(modal.contentEl, "Remove tags").control(TextComponent).change("family");
		const suggest = AbstractInputSuggest.made[AbstractInputSuggest.made.length - 1];
		expect(await suggest?.suggestionsFor("fa")).toEqual(["family"]);
		expect(await suggest?.suggestionsFor("photo/2024")).toEqual(["photo/2024/06"]);
		await click(modal.contentEl, "Apply");
		await settle();
		expect(props(note("Photos/Trip/a.jpg")).tags).toEqual(["photo/2024/06", "photo/camera/apple-iphone-15", "trip/rome"]);
		expect(props(note("Photos/Trip/b.jpg")).tags).toEqual(["photo/2024/06", "photo/camera/apple-iphone-15", "trip/rome"]);
	});

	it("“Add current photo to album…” creates an album from the typed name, then adds to it by fuzzy search; “Remove…” takes it out", async () => {
		await indexed();
		open("Photos/Trip/a.jpg");
		await command("add-current-photo-to-album");
		let modal = albumPicker();
		expect(await modal.shown("Summer")).toEqual(["Create new album: Summer"]);
		await modal.choose("Summer");
		await settle();
		expect(h.lastNotice()).toBe("Created the album “Summer” with 1 photo.");
		expect(props(note("Photos/Trip/a.jpg")).albums).toEqual(["[[Albums/Summer]]"]);

		open(note("Photos/Trip/b.jpg"));
		await command("add-current-photo-to-album");
		modal = albumPicker();
		expect(await modal.shown("sum")).toEqual(["Summer", "Create new album: sum"]);
		await modal.choose("sum", 0);
		await settle();
		expect(h.lastNotice()).toBe("Added to “Summer”, which now holds 2 photos.");
		const album = h.readText("Albums/Summer.md") ?? "";
		expect(album).toContain("> ![[Photos/Trip/b.jpg|square]]\n>\n> ![[Photos/Trip/a.jpg|square]]");

		open("Photos/Trip/a.jpg");
		await command("remove-current-photo-from-album");
		await albumPicker().choose("");
		await settle();
		expect(h.lastNotice()).toBe("Removed from “Summer”, which now holds 1 photo.");
		expect(props(note("Photos/Trip/a.jpg")).albums).toEqual([]);
		await command("remove-current-photo-from-album");
		expect(h.lastNotice()).toBe("This photo is in no album.");
		// Only a photo (or its note) can be added.
		open("Albums/Summer.md");
		expect(h.fake.isAvailable("add-current-photo-to-album")).toBe(false);
	});

	it("renaming an album note keeps its members, whether or not Obsidian updates the links", async () => {
		await indexed();
		await h.plugin.indexing.withEngine((engine) => engine.albums.create("Trip", { folder: "Photos/Trip" }));
		// With link updating: Obsidian rewrites the photo notes itself.
		await h.app.fileManager.renameFile(h.app.vault.getFileByPath("Albums/Trip.md")!, "Albums/Italy.md");
		await settle();
		expect(props(note("Photos/Trip/a.jpg")).albums).toEqual(["[[Albums/Italy]]"]);
		// Without: the plugin does it.
		await h.app.vault.rename(h.app.vault.getFileByPath("Albums/Italy.md")!, "Albums/Rome.md");
		await settle();
		expect(props(note("Photos/Trip/a.jpg")).albums).toEqual(["[[Albums/Rome]]"]);
		expect(props(note("Photos/Trip/b.jpg")).albums).toEqual(["[[Albums/Rome]]"]);
		const members = await h.plugin.indexing.withEngine((engine) => engine.albums.members("Albums/Rome.md"));
		expect(members.map((r) => r.path)).toEqual(["Photos/Trip/b.jpg", "Photos/Trip/a.jpg"]);
	});

	it("a photo renamed in Obsidian stays in its album, and the gallery shows it at its new path", async () => {
		await indexed();
		await h.plugin.indexing.withEngine((engine) => engine.albums.create("Trip", { folder: "Photos/Trip" }));
		await h.app.vault.createFolder("Photos/Best");
		await h.app.vault.rename(h.app.vault.getFileByPath("Photos/Trip/a.jpg")!, "Photos/Best/a.jpg");
		await settle();
		expect(props(note("Photos/Best/a.jpg")).albums).toEqual(["[[Albums/Trip]]"]);
		const album = h.readText("Albums/Trip.md") ?? "";
		expect(album).toContain("![[Photos/Best/a.jpg|square]]");
		expect(album).not.toContain("Photos/Trip/a.jpg");
	});

	it("“Create album from folder” and “Create album from search” make the album notes and open them; a smart one follows new photos", async () => {
		await indexed();
		open("Photos/Home/c.jpg");
		await command("create-album-from-folder");
		let modal = topModal(CreateAlbumModal);
		expect(row(modal.contentEl, "Folder").control(TextComponent).getValue()).toBe("Photos/Home");
		row(modal.contentEl, "Name").control(TextComponent).change("Home");
		await click(modal.contentEl, "Create");
		await settle();
		expect(h.lastNotice()).toBe("Created the album “Home” with 1 photo.");
		expect(props("Albums/Home.md")).toMatchObject({ title: "Home", count: 1, cover: "[[Photos/Home/c.jpg]]" });
		expect(h.app.workspace.opened).toContain("Albums/Home.md");

		await command("create-album-from-search");
		modal = topModal(CreateAlbumModal);
		row(modal.contentEl, "Name").control(TextComponent).change("June 2024");
		row(modal.contentEl, "Taken from").control(TextComponent).change("2024-06");
		row(modal.contentEl, "Taken until").control(TextComponent).change("2024-06");
		row(modal.contentEl, "Smart album").control(ToggleComponent).change(true);
		await click(modal.contentEl, "Create");
		await settle();
		expect(h.lastNotice()).toBe("Created the smart album “June 2024” with 2 photos.");
		expect(props("Albums/June 2024.md")).toMatchObject({ smart_from: "2024-06", smart_to: "2024-06", count: 2 });

		// A new photo arrives; automatic indexing picks it up once the burst has settled (fake timers: no real waiting).
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		await h.app.vault.createBinary("Photos/Trip/d.jpg", jpeg({ seed: 4, dateTimeOriginal: "2024:06:20 08:00:00" }).slice().buffer);
		await vi.advanceTimersByTimeAsync(2_000);
		vi.useRealTimers();
		await settle();
		expect(props("Albums/June 2024.md")).toMatchObject({ count: 3, date_to: "2024-06-20" });

		await command("create-album-from-search");
		modal = topModal(CreateAlbumModal);
		row(modal.contentEl, "Name").control(TextComponent).change("Bad");
		row(modal.contentEl, "Taken from").control(TextComponent).change("June");
		await click(modal.contentEl, "Create");
		expect(h.lastNotice()).toBe("“June” is not a date: write 2024-06-01, 2024-06 or 2024.");
	});

	it("the settings section turns automatic tag kinds off, and the next index removes them from every note", async () => {
		await indexed();
		const tab = settingsTab(h);
		await row(tab.containerEl, "Tag camera").control(ToggleComponent).change(false);
		expect(readData(h).organize).toMatchObject({ tagPrefix: "photo/", autoTags: { camera: false, date: true } });
		await h.run("index-photos");
		expect(props(note("Photos/Home/c.jpg")).tags).toEqual(["photo/2023/12"]);
		h.app.vault.resetCounters();
		await h.run("index-photos");
		expect(h.app.vault.totalWrites()).toBe(0);
	});
});
