import { afterEach, describe, expect, it, vi } from "vitest";
import { Modal, Notice, statusBar } from "../fakes/obsidian";
import { makeJpeg } from "../../tools/exif-jpeg";
import { notesUnder, openHarness, type Harness } from "./plugin-harness";

const PHOTOS = {
	"Photos/a.jpg": makeJpeg({ comment: "a", dateTimeOriginal: "2024:06:01 10:00:00" }),
	"Photos/b.jpg": makeJpeg({ comment: "b", dateTimeOriginal: "2024:06:02 11:00:00" }),
	"Photos/2023/c.jpg": makeJpeg({ comment: "c", dateTimeOriginal: "2023:01:05 09:30:00" }),
	"Notes/Journal.md": "Nothing to see.\n",
};

const NOTES = ["Photo Notes/Photos/2023/c.jpg.md", "Photo Notes/Photos/a.jpg.md", "Photo Notes/Photos/b.jpg.md"];

async function indexedVault(files: Record<string, Uint8Array | string> = PHOTOS): Promise<Harness> {
	const h = await openHarness({ files });
	await h.layoutReady();
	return h;
}

describe("index commands", () => {
	let h: Harness;
	afterEach(async () => {
		await h.cleanup();
	});

	it("“Index photo folders” writes one note per photo and ends with a summary", async () => {
		h = await indexedVault();
		const [item] = h.fake.statusBarItems;
		const shown = vi.spyOn(item!, "setText");

		expect(await h.run("index-photos")).toBe(true);

		expect(notesUnder(h.root, "Photo Notes")).toEqual(NOTES);
		expect(h.readText("Photo Notes/Photos/a.jpg.md")).toContain("Photos/a.jpg");
		expect(h.lastNotice()).toContain("Indexing finished.");
		expect(h.lastNotice()).toContain("3 photos in the index.");
		expect(h.lastNotice()).toContain("Indexed 3 files: 3 new, 0 updated, 0 moved, 0 unchanged, 0 missing, 0 failed.");
		// Progress showed in the status bar while it ran, and the item is idle again.
		expect(shown.mock.calls.some(([text]) => /photos/i.test(String(text)))).toBe(true);
		expect(item?.hasClass("photo-archivist-idle")).toBe(true);
	});

	it("a second run changes no note", async () => {
		h = await indexedVault();
		await h.run("index-photos");
		h.app.vault.resetCounters();

		await h.run("index-photos");

		for (const note of NOTES) expect(h.app.vault.writesTo(note)).toBe(0);
		expect(h.app.vault.eventLog.filter((e) => e.path.endsWith(".md"))).toEqual([]);
		expect(h.lastNotice()).toContain("0 new, 0 updated, 0 moved, 3 unchanged, 0 missing, 0 failed.");
	});

	it("reports every failed file with its reason: a few in the Notice, all in the report and the console", async () => {
		const broken = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`Photos/broken-${i}.jpg`, new Uint8Array(0)]));
		h = await indexedVault({ ...PHOTOS, ...broken });
		const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);

		await h.run("index-photos");

		const notice = Notice.shown[Notice.shown.length - 1];
		expect(notice?.duration).toBe(0);
		expect(notice?.message).toContain("5 failed");
		expect(notice?.message).toMatch(/Photos\/broken-0\.jpg: .*empty/);
		expect(notice?.message).toContain("…and 2 others: run “Show last index report” to see them all.");
		expect(String(warn.mock.calls[0]?.[0])).toContain("Photos/broken-4.jpg");

		expect(h.fake.isAvailable("show-index-report")).toBe(true);
		await h.run("show-index-report");
		const report = Modal.open[0];
		for (let i = 0; i < 5; i++) expect(report?.contentEl.textContent).toContain(`Photos/broken-${i}.jpg`);
		expect(notesUnder(h.root, "Photo Notes")).toEqual(NOTES);
	});

	it("refuses a second run while one is going, and says so", async () => {
		h = await indexedVault();
		h.fake.runCommand("index-photos");
		h.fake.runCommand("index-photos");

		expect(h.lastNotice()).toContain("Indexing is already running");
		await h.plugin.indexing.idle();
		expect(notesUnder(h.root, "Photo Notes")).toEqual(NOTES);
	});

	it("“Cancel indexing” shows only during a run, and stops it", async () => {
		h = await indexedVault();
		expect(h.fake.isAvailable("cancel-indexing")).toBe(false);

		h.fake.runCommand("index-photos");
		expect(h.fake.isAvailable("cancel-indexing")).toBe(true);
		expect(h.fake.runCommand("cancel-indexing")).toBe(true);
		await h.plugin.indexing.idle();

		expect(h.lastNotice()).toContain("Indexing cancelled");
		expect(h.fake.isAvailable("cancel-indexing")).toBe(false);
	});

	it("a click on the status bar item cancels the run", async () => {
		h = await indexedVault();
		h.fake.runCommand("index-photos");
		h.fake.statusBarItems[0]?.click();
		await h.plugin.indexing.idle();
		expect(h.lastNotice()).toContain("Indexing cancelled");
	});

	it("“Re-index current photo” applies to a photo or its note, and reads the photo again", async () => {
		h = await indexedVault();
		await h.run("index-photos");
		const { vault, workspace } = h.app;

		expect(h.fake.isAvailable("reindex-current-photo")).toBe(false);
		workspace.setActiveFile(vault.getFileByPath("Notes/Journal.md"));
		expect(h.fake.isAvailable("reindex-current-photo")).toBe(false);

		workspace.setActiveFile(vault.getFileByPath("Photo Notes/Photos/b.jpg.md"));
		expect(h.fake.isAvailable("reindex-current-photo")).toBe(true);

		workspace.setActiveFile(vault.getFileByPath("Photos/a.jpg"));
		expect(await h.run("reindex-current-photo")).toBe(true);
		expect(h.lastNotice()).toContain("Indexing finished.");
		expect(h.lastNotice()).toContain("Indexed 1 file:");
	});

	it("“Open note of current photo” opens the note of the photo on screen", async () => {
		h = await indexedVault();
		const { vault, workspace } = h.app;
		workspace.setActiveFile(vault.getFileByPath("Photos/a.jpg"));
		expect(h.fake.isAvailable("open-photo-note")).toBe(false);

		await h.run("index-photos");
		expect(await h.run("open-photo-note")).toBe(true);
		expect(workspace.opened).toEqual(["Photo Notes/Photos/a.jpg.md"]);
	});

	it("shows progress in a Notice on mobile, where there is no status bar", async () => {
		h = await openHarness({ files: PHOTOS, platform: "mobile" });
		await h.layoutReady();
		expect(h.fake.statusBarItems).toEqual([]);

		await h.run("index-photos");

		const progress = Notice.shown.find((n) => n.messages[0] === "Indexing photos…");
		expect(progress?.duration).toBe(0);
		expect(progress?.messages.length).toBeGreaterThan(1);
		expect(progress?.hidden).toBe(true);
		expect(h.lastNotice()).toContain("Indexing finished.");
		expect(statusBar.children).toEqual([]);
	});
});
