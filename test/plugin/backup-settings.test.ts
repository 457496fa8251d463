import { afterEach, describe, expect, it } from "vitest";
import { ConfirmModal } from "../../src/plugin/backup/confirm-modal";
import { TargetModal } from "../../src/plugin/backup/target-modal";
import {
	DropdownComponent,
	Modal,
	SecretComponent,
	settingsIn,
	setApiVersion,
	TextComponent,
	ToggleComponent,
	type FakeElement,
} from "../fakes/obsidian";
import { click, dataText, readData, row, settingsTab, topModal } from "./backup-helpers";
import { DATA_JSON, openHarness, type Harness } from "./plugin-harness";

const PASSWORD = "correct horse battery staple";

/** Opens "Add target" and fills the dialog as a user would. */
async function addWebdavTarget(h: Harness, fields: { name: string; url: string; secret?: string }): Promise<FakeElement> {
	await click(settingsTab(h).containerEl, "Add target");
	const dialog = topModal(TargetModal).contentEl;
	row(dialog, "Name").control(TextComponent).change(fields.name);
	row(dialog, "Server URL").control(TextComponent).change(fields.url);
	row(dialog, "User name").control(TextComponent).change("archivist");
	if (fields.secret !== undefined) row(dialog, "Password").control(SecretComponent).change(fields.secret);
	return dialog;
}

describe("backup target settings", () => {
	let h: Harness;
	afterEach(async () => {
		setApiVersion("1.13.1");
		await h.cleanup();
	});

	it("adds a WebDAV target whose password stays in the keychain: data.json holds only its name", async () => {
		h = await openHarness();
		await h.layoutReady();
		h.app.secretStorage.setSecret("nas-password", PASSWORD);

		const dialog = await addWebdavTarget(h, { name: "Home NAS", url: "https://nas.local:5006/photos", secret: "nas-password" });
		expect(row(dialog, "ID").control(TextComponent).getValue()).toBe("home-nas");
		await click(dialog, "Save");

		expect(Modal.open).toEqual([]);
		expect(readData(h).backup.targets).toEqual([
			{
				id: "home-nas",
				name: "Home NAS",
				kind: "webdav",
				medium: "nas",
				offsite: false,
				layout: "mirror",
				enabled: true,
				url: "https://nas.local:5006/photos",
				username: "archivist",
				passwordSecret: "nas-password",
			},
		]);
		expect(dataText(h)).not.toContain(PASSWORD);
		// The settings tab (Obsidian 1.13: its definitions) shows the new target at once.
		const [tab] = h.fake.settingTabs;
		const names = JSON.stringify(tab?.settingItems.map((item) => ("items" in item ? item.items?.map((i) => ("name" in i ? i.name : "")) : [])));
		expect(names).toContain("Home NAS");
	});

	it("redraws the tab itself on Obsidian before 1.13, and keeps an edited target's id and place", async () => {
		setApiVersion("1.12.3");
		h = await openHarness();
		await h.layoutReady();
		for (const name of ["First", "Second"]) await click(await addWebdavTarget(h, { name, url: "https://dav.example/p" }), "Save");
		const container = h.fake.settingTabs[0]?.containerEl;
		if (!container) throw new Error("no tab");
		expect(settingsIn(container).map((s) => s.name)).toContain("Second");

		await row(container, "First").button("Edit").click();
		const dialog = topModal(TargetModal).contentEl;
		expect(row(dialog, "ID").control(TextComponent).disabled).toBe(true);
		row(dialog, "Name").control(TextComponent).change("First, renamed");
		row(dialog, "Folders on the target").control(DropdownComponent).change("date");
		row(dialog, "Offsite").control(ToggleComponent).change(true);
		await click(dialog, "Save");

		expect(readData(h).backup.targets.map((t) => [t.id, t.name, t.layout, t.offsite])).toEqual([
			["first", "First, renamed", "date", true],
			["second", "Second", "mirror", false],
		]);
	});

	it("says what is wrong instead of saving an unusable target", async () => {
		h = await openHarness();
		await h.layoutReady();
		await click(settingsTab(h).containerEl, "Add target");
		const dialog = topModal(TargetModal).contentEl;
		const error = (): string => dialog.descendants().find((el) => el.hasClass("photo-archivist-error"))?.textContent ?? "";

		await click(dialog, "Save");
		expect(error()).toBe("Give the target a name.");
		row(dialog, "Name").control(TextComponent).change("NAS");
		await click(dialog, "Save");
		expect(error()).toMatch(/no server URL/);
		row(dialog, "Server URL").control(TextComponent).change("ftp://nas.local");
		await click(dialog, "Save");
		expect(error()).toMatch(/not http:\/\/ or https:\/\//);

		row(dialog, "Kind").control(DropdownComponent).change("folder");
		// The fields of a folder target replace those of WebDAV.
		expect(() => row(dialog, "Server URL")).toThrow();
		row(dialog, "Folder").control(TextComponent).change("Backups/Photos");
		await click(dialog, "Save");
		expect(error()).toMatch(/must be a full path/);
		row(dialog, "Uploads at once").control(TextComponent).change("99");
		row(dialog, "Folder").control(TextComponent).change("/mnt/backup");
		await click(dialog, "Save");
		expect(error()).toMatch(/whole number from 1 to 16/);

		expect(Modal.open).toHaveLength(1);
		expect(h.exists(DATA_JSON)).toBe(false);
	});

	it("removes a target only once confirmed", async () => {
		h = await openHarness({ data: { backup: { targets: [{ id: "nas", name: "NAS", kind: "webdav", url: "https://nas/" }] } } });
		await h.layoutReady();
		const container = settingsTab(h).containerEl;

		await row(container, "NAS").button("Remove").click();
		await click(topModal(ConfirmModal).contentEl, "Cancel");
		expect(readData(h).backup.targets).toHaveLength(1);

		await row(container, "NAS").button("Remove").click();
		await click(topModal(ConfirmModal).contentEl, "Remove");
		expect(readData(h).backup.targets).toEqual([]);
	});

	it("offers no folder target on mobile, where automatic backups are off by default", async () => {
		h = await openHarness({ platform: "mobile" });
		await h.layoutReady();
		const container = settingsTab(h).containerEl;
		expect(row(container, "Back up new photos after indexing").control(ToggleComponent).getValue()).toBe(false);
		expect(row(container, "Back up every N minutes").control(TextComponent).getValue()).toBe("0");
		expect(row(container, "Largest file to back up on mobile (MB)").control(TextComponent).getValue()).toBe("50");

		await click(container, "Add target");
		const kinds = row(topModal(TargetModal).contentEl, "Kind").control(DropdownComponent).options;
		expect([...kinds.keys()]).toEqual(["webdav", "s3"]);
	});

	it("saves the automation settings, ignoring what is not a number yet", async () => {
		h = await openHarness();
		await h.layoutReady();
		const container = settingsTab(h).containerEl;
		await row(container, "Back up new photos after indexing").control(ToggleComponent).change(false);
		await row(container, "Back up every N minutes").control(TextComponent).change("15");
		await row(container, "Back up every N minutes").control(TextComponent).change("1x");
		await row(container, "Largest file to back up on mobile (MB)").control(TextComponent).change("200");
		await row(container, "Largest file to back up on mobile (MB)").control(TextComponent).change("0");

		expect(readData(h).backup).toEqual({ targets: [], afterIndex: false, everyMinutes: 15, mobileMaxFileBytes: 200_000_000 });
	});
});
