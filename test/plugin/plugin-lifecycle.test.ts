import { afterEach, describe, expect, it, vi } from "vitest";
import { Notice, statusBar, type FakeApp } from "../fakes/obsidian";
import { makeJpeg } from "../../tools/exif-jpeg";
import { notesUnder, openHarness, type Harness } from "./plugin-harness";

const PHOTOS = {
	"Photos/a.jpg": makeJpeg({ comment: "a" }),
	"Photos/b.jpg": makeJpeg({ comment: "b" }),
};

/** Spies on every way the plugin could read the vault or its data folder. */
function spyOnReads(app: FakeApp): () => number {
	const spies = [
		vi.spyOn(app.vault, "read"),
		vi.spyOn(app.vault, "cachedRead"),
		vi.spyOn(app.vault, "readBinary"),
		vi.spyOn(app.vault, "getFiles"),
		vi.spyOn(app.vault.adapter, "read"),
		vi.spyOn(app.vault.adapter, "readBinary"),
		vi.spyOn(app.vault.adapter, "exists"),
		vi.spyOn(app.vault.adapter, "stat"),
		vi.spyOn(app.vault.adapter, "list"),
	];
	return () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
}

describe("plugin lifecycle", () => {
	let h: Harness;
	afterEach(async () => {
		await h.cleanup();
	});

	it("registers its commands, settings tab and status bar item at load, and reads nothing before the layout is ready", async () => {
		h = await openHarness({ files: PHOTOS, load: false });
		const reads = spyOnReads(h.app);

		h.plugin.load();
		// Whatever onload might have started gets a turn of the event loop to show itself.
		await new Promise((resolve) => setImmediate(resolve));

		expect([...h.fake.commands.keys()]).toEqual([
			"index-photos",
			"reindex-current-photo",
			"open-photo-note",
			"cancel-indexing",
			"show-index-report",
			"backup-all",
			"backup-current-photo",
			"pause-backup",
			"resume-backup",
			"cancel-backup",
			"test-backup-targets",
			"restore-missing",
			"restore-current-photo",
			"restore-all-into-folder",
			"free-up-space",
			"verify-backups",
			"verify-backups-thoroughly",
			"cancel-verification",
			"show-last-verification-report",
			"tag-photos",
			"add-current-photo-to-album",
			"remove-current-photo-from-album",
			"create-album-from-folder",
			"create-album-from-search",
			"refresh-albums",
			"find-duplicates",
			"cancel-find-duplicates",
			"keep-photo-remove-duplicates",
			"export-album-zip",
			"cancel-album-export",
			"open-backup-status",
		]);
		expect(h.fake.settingTabs).toHaveLength(1);
		expect(h.fake.statusBarItems).toHaveLength(1);
		expect(reads()).toBe(0);
		expect(h.app.vault.totalWrites()).toBe(0);
		expect(h.app.vault.listenerCount()).toBe(0);
		expect(h.plugin.indexing.ready).toBe(false);

		await h.layoutReady();
		expect(reads()).toBeGreaterThan(0);
		expect(h.plugin.indexing.ready).toBe(true);
		expect(h.app.vault.listenerCount()).toBeGreaterThan(0);
	});

	it("loads the saved index once the layout is ready, and writes nothing doing so", async () => {
		const first = await openHarness({ files: PHOTOS });
		await first.layoutReady();
		await first.run("index-photos");
		first.plugin.unload();

		// Obsidian restarts on the same vault: a new plugin instance over the same folder.
		h = await openHarness({ root: first.root });
		await h.layoutReady();

		// Known without any run: the index came from the data folder.
		expect(h.plugin.indexing.noteOf("Photos/a.jpg")).toBe("Photo Notes/Photos/a.jpg.md");
		expect(h.app.vault.totalWrites()).toBe(0);
		await first.cleanup();
	});

	it("unload removes every command, event, status bar item and cleanup it registered", async () => {
		h = await openHarness({ files: PHOTOS });
		await h.layoutReady();
		const [item] = h.fake.statusBarItems;
		expect(item?.listenerCount("click")).toBe(1);

		h.plugin.unload();

		expect(h.fake.commands.size).toBe(0);
		expect(h.fake.settingTabs).toHaveLength(0);
		expect(h.fake.statusBarItems).toHaveLength(0);
		expect(statusBar.children).not.toContain(item);
		expect(item?.listenerCount("click")).toBe(0);
		expect(h.app.vault.listenerCount()).toBe(0);
		expect(h.fake.registeredCount).toBe(0);
	});

	it("unload stops a running index, and the stopped run reports nothing", async () => {
		h = await openHarness({ files: PHOTOS });
		await h.layoutReady();
		const notices = Notice.shown.length;

		h.fake.runCommand("index-photos");
		expect(h.plugin.indexing.running).toBe(true);
		h.plugin.unload();
		await h.plugin.indexing.idle();

		expect(h.plugin.indexing.running).toBe(false);
		expect(Notice.shown.slice(notices).filter((n) => !n.hidden)).toEqual([]);
		expect(notesUnder(h.root, "Photo Notes")).toEqual([]);
	});

	it("does not start when unloaded before the layout was ready", async () => {
		h = await openHarness({ files: PHOTOS });
		h.plugin.unload();
		h.app.workspace.triggerLayoutReady();
		await h.plugin.ready;
		expect(h.plugin.indexing.ready).toBe(false);
		expect(h.app.vault.listenerCount()).toBe(0);
	});
});
