import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultBackupSettings } from "../../src/core/backup/backup-settings";
import { DEFAULT_FREE_SPACE_POLICY } from "../../src/core/restore/restore-types";
import { DEFAULT_DUPLICATE_SETTINGS } from "../../src/core/duplicates/duplicate-settings";
import { DEFAULT_EXPORT_SETTINGS } from "../../src/core/export/export-settings";
import { DEFAULT_ORGANIZE_SETTINGS } from "../../src/core/organize/organize-settings";
import { DEFAULT_INDEX_SETTINGS } from "../../src/core/settings";
import { parsePluginData, serializePluginData } from "../../src/plugin/settings/settings";
import { FakeElement, findSetting, Setting, settingsIn, TextAreaComponent, TextComponent, ToggleComponent, type SettingTab } from "../fakes/obsidian";
import { makeJpeg } from "../../tools/exif-jpeg";
import { DATA_JSON, notesUnder, openHarness, type Harness } from "./plugin-harness";

describe("data.json", () => {
	it("gives the defaults for a missing or unusable file, with the backup defaults of the platform", () => {
		for (const raw of [null, undefined, "text", 42, []]) {
			expect(parsePluginData(raw), JSON.stringify(raw)).toEqual({
				index: DEFAULT_INDEX_SETTINGS,
				backup: defaultBackupSettings("desktop"),
				freeSpace: { minCopies: 2, maxAgeDays: 30 },
				organize: DEFAULT_ORGANIZE_SETTINGS,
				duplicates: DEFAULT_DUPLICATE_SETTINGS,
				export: DEFAULT_EXPORT_SETTINGS,
			});
		}
		// Automatic backups are on at a computer and off on a phone until the user turns them on.
		expect(parsePluginData(null).backup).toMatchObject({ targets: [], afterIndex: true, everyMinutes: 60 });
		expect(parsePluginData(null, "android").backup).toMatchObject({ targets: [], afterIndex: false, everyMinutes: 0, mobileMaxFileBytes: 50_000_000 });
	});

	it("moves the index settings of the old flat layout under `index`", () => {
		const data = parsePluginData({ photoFolders: ["Camera"], autoIndex: false });
		expect(data.index.photoFolders).toEqual(["Camera"]);
		expect(data.index.autoIndex).toBe(false);
		expect(data.backup).toEqual(defaultBackupSettings("desktop"));
		expect(serializePluginData(data, { photoFolders: ["Camera"], autoIndex: false })).toEqual({ index: data.index, backup: data.backup, freeSpace: data.freeSpace, organize: data.organize, duplicates: data.duplicates, export: data.export });
	});

	it("cleans bad values and keeps the sections a newer version wrote", () => {
		const ssd = { id: "ssd", kind: "folder", path: "/Volumes/SSD" };
		const raw = {
			index: { photoFolders: ["/Camera/", 7], extensions: [".JPG"], notesFolder: "" },
			backup: { targets: [ssd, { id: "Bad Id", kind: "folder" }, { ...ssd, name: "Twice" }], afterIndex: "yes", everyMinutes: -5, mobileMaxFileBytes: 0 },
			albums: { shared: ["Trips"] },
		};
		const data = parsePluginData(raw);
		expect(data.index).toMatchObject({ photoFolders: ["Camera"], extensions: ["jpg"], notesFolder: "Photo Notes" });
		expect(data.backup).toEqual({
			...defaultBackupSettings("desktop"),
			targets: [{ id: "ssd", name: "ssd", kind: "folder", medium: "external-drive", offsite: false, layout: "mirror", enabled: true, path: "/Volumes/SSD" }],
		});
		expect(serializePluginData(data, raw)).toEqual({ albums: { shared: ["Trips"] }, backup: data.backup, index: data.index, freeSpace: DEFAULT_FREE_SPACE_POLICY, organize: DEFAULT_ORGANIZE_SETTINGS, duplicates: data.duplicates, export: DEFAULT_EXPORT_SETTINGS });
	});

	it("keeps whole numbers of at least 1 for Free up space, and gives the default for anything else, each number on its own", () => {
		expect(parsePluginData({ freeSpace: { minCopies: 1, maxAgeDays: 7 } }).freeSpace).toEqual({ minCopies: 1, maxAgeDays: 7 });
		expect(parsePluginData({ freeSpace: { minCopies: 3 } }).freeSpace).toEqual({ minCopies: 3, maxAgeDays: 30 });
		const bad: unknown[] = [0, -1, 1.5, "3", null, true, [2], Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60];
		for (const value of bad) {
			expect(parsePluginData({ freeSpace: { minCopies: value, maxAgeDays: 14 } }).freeSpace, String(value)).toEqual({ minCopies: 2, maxAgeDays: 14 });
			expect(parsePluginData({ freeSpace: { minCopies: 3, maxAgeDays: value } }).freeSpace, String(value)).toEqual({ minCopies: 3, maxAgeDays: 30 });
		}
		for (const section of ["two", 2, [1, 7], null]) {
			expect(parsePluginData({ freeSpace: section }).freeSpace, JSON.stringify(section)).toEqual({ minCopies: 2, maxAgeDays: 30 });
		}
		// Written back cleaned, so data.json never keeps a number the plugin ignores.
		const raw = { freeSpace: { minCopies: 0, maxAgeDays: "forever" } };
		expect(serializePluginData(parsePluginData(raw), raw).freeSpace).toEqual({ minCopies: 2, maxAgeDays: 30 });
	});
});

describe("settings tab", () => {
	let h: Harness;
	afterEach(async () => {
		await h.cleanup();
	});

	function tab(): SettingTab {
		const [settingTab] = h.fake.settingTabs;
		if (!settingTab) throw new Error("no settings tab");
		settingTab.display();
		return settingTab;
	}

	const readData = (): unknown => JSON.parse(fs.readFileSync(path.join(h.root, DATA_JSON), "utf8"));

	it("shows the index and backup settings, in sentence case, under headings without the word settings", async () => {
		h = await openHarness();
		await h.layoutReady();
		const settings = settingsIn(tab().containerEl);

		expect(settings.map((s) => s.name)).toEqual([
			"Photo index",
			"Photo folders",
			"Notes folder",
			"File types",
			"Exclusions",
			"Index automatically",
			"Backup targets",
			"Add backup target",
			"Backup",
			"Back up new photos after indexing",
			"Back up every N minutes",
			"Largest file to back up on mobile (MB)",
			"Free up space",
			"Copies needed before an original can go",
			"Copies verified within (days)",
			"Tags and albums",
			"Automatic tag prefix",
			"Tag year and month",
			"Tag camera",
			"Tag videos and RAW files",
			"Tag photos with a location",
			"Albums folder",
			"Duplicates",
			"Look-alike threshold",
			"Album export",
			"Export folder",
			"Longest edge of resized copies",
		]);
		expect(settings.filter((s) => s.heading).map((s) => s.name)).toEqual(["Photo index", "Backup targets", "Backup", "Free up space", "Tags and albums", "Duplicates", "Album export"]);
		for (const s of settings) expect(s.name).not.toMatch(/settings|Photo Archivist/i);
		const folders = findSetting(tab().containerEl, "Photo folders").control(TextAreaComponent);
		expect(folders.getValue()).toBe("Photos");
	});

	it("saves each change to data.json, with no secret in it", async () => {
		const nas = { id: "nas", name: "Home NAS", kind: "webdav", url: "https://nas.local/photos", username: "me", passwordSecret: "webdav-password" };
		h = await openHarness({ data: { index: { autoIndex: true }, backup: { targets: [nas], afterIndex: false, everyMinutes: 0 } } });
		h.app.secretStorage.setSecret("webdav-password", "hunter2");
		await h.layoutReady();
		const container = tab().containerEl;

		await findSetting(container, "Photo folders").control(TextAreaComponent).change("Camera\n\nPhone/DCIM/\n");
		await findSetting(container, "Notes folder").control(TextComponent).change("Library/Notes");
		await findSetting(container, "File types").control(TextComponent).change("jpg, .HEIC  mov");
		await findSetting(container, "Exclusions").control(TextAreaComponent).change("Camera/Private\n**/*.tmp.jpg");
		await findSetting(container, "Index automatically").control(ToggleComponent).change(false);
		const copies = findSetting(container, "Copies needed before an original can go").control(TextComponent);
		const days = findSetting(container, "Copies verified within (days)").control(TextComponent);
		expect([copies.getValue(), days.getValue()]).toEqual(["2", "30"]);
		await copies.change("3");
		// Half-typed or unusable numbers leave the saved one alone.
		for (const text of ["", "0", "1.5", "-2", "x"]) await days.change(text);
		await days.change(" 14 ");
		await h.plugin.indexing.idle();

		expect(readData()).toEqual({
			backup: {
				targets: [{ ...nas, medium: "nas", offsite: false, layout: "mirror", enabled: true }],
				afterIndex: false,
				everyMinutes: 0,
				mobileMaxFileBytes: 50_000_000,
			},
			index: {
				photoFolders: ["Camera", "Phone/DCIM"],
				notesFolder: "Library/Notes",
				extensions: ["jpg", "heic", "mov"],
				exclusions: ["Camera/Private", "**/*.tmp.jpg"],
				autoIndex: false,
			},
			freeSpace: { minCopies: 3, maxAgeDays: 14 },
			organize: DEFAULT_ORGANIZE_SETTINGS,
			duplicates: DEFAULT_DUPLICATE_SETTINGS,
			export: DEFAULT_EXPORT_SETTINGS,
		});
		expect(fs.readFileSync(path.join(h.root, DATA_JSON), "utf8")).not.toContain("hunter2");

		// The tab drawn again shows what was saved.
		expect(findSetting(tab().containerEl, "File types").control(TextComponent).getValue()).toBe("jpg, heic, mov");
		expect(findSetting(tab().containerEl, "Copies verified within (days)").control(TextComponent).getValue()).toBe("14");
	});

	it("applies a change at once, without reloading the plugin", async () => {
		h = await openHarness({ files: { "Photos/a.jpg": makeJpeg({ comment: "a" }), "Camera/b.jpg": makeJpeg({ comment: "b" }) } });
		await h.layoutReady();
		await h.run("index-photos");
		expect(notesUnder(h.root, "Photo Notes")).toEqual(["Photo Notes/Photos/a.jpg.md"]);

		await findSetting(tab().containerEl, "Photo folders").control(TextAreaComponent).change("Photos\nCamera");
		await h.run("index-photos");

		expect(notesUnder(h.root, "Photo Notes")).toEqual(["Photo Notes/Camera/b.jpg.md", "Photo Notes/Photos/a.jpg.md"]);
		expect(h.lastNotice()).toContain("1 new");
	});

	it("offers the same rows to Obsidian 1.13's declarative settings, which makes them searchable", async () => {
		h = await openHarness();
		await h.layoutReady();
		const [group] = tab().getSettingDefinitions();
		if (!group || !("type" in group) || group.type !== "group") throw new Error("expected a group");
		expect(group.heading).toBe("Photo index");
		expect(group.items?.map((item) => item.name)).toEqual(["Photo folders", "Notes folder", "File types", "Exclusions", "Index automatically"]);

		// Obsidian draws each row through its render function, into a Setting of its own.
		const toggle = group.items?.[4];
		if (!toggle || !("render" in toggle) || !toggle.render) throw new Error("expected a rendered row");
		const setting = new Setting(new FakeElement());
		toggle.render(setting as never, undefined as never);
		expect(setting.name).toBe("Index automatically");
		expect(setting.control(ToggleComponent).getValue()).toBe(true);
	});

	it("falls back to the defaults, and says so, when data.json is not valid JSON", async () => {
		h = await openHarness({ data: "{ not json" });
		await h.layoutReady();
		expect(h.lastNotice()).toMatch(/settings could not be read, using the defaults/);
		expect(h.plugin.indexing.isPhotoPath("Photos/a.jpg")).toBe(true);
	});
});
