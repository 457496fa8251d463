// The "Backup status" view on the fake Obsidian: opened by the ribbon icon and the command, following a backup run.
import { afterEach, describe, expect, it } from "vitest";
import type { LibraryStatus } from "../../src/core/status/library-status";
import { PAGE_SIZE, renderStatus } from "../../src/plugin/status/status-render";
import { STATUS_VIEW_TYPE, type BackupStatusView } from "../../src/plugin/status/status-view";
import { FakeElement } from "../fakes/obsidian";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { openHarness, type Harness } from "./plugin-harness";

const PHOTOS = {
	"Photos/2024/a.jpg": jpeg({ seed: 1 }),
	"Photos/2024/b.jpg": jpeg({ seed: 2 }),
	"Photos/c.jpg": jpeg({ seed: 3 }),
};

function folderTarget(id: string, dir: string, fields: Record<string, unknown> = {}): unknown {
	return { id, name: id.toUpperCase(), kind: "folder", path: dir, ...fields };
}

function statusView(h: Harness): BackupStatusView {
	const view = h.app.workspace.getLeavesOfType(STATUS_VIEW_TYPE)[0]?.view;
	if (!view) throw new Error("the status view is not open");
	return view as unknown as BackupStatusView;
}

function text(view: BackupStatusView): string {
	return (view.contentEl as unknown as FakeElement).textContent;
}

describe("backup status view", () => {
	let h: Harness;
	afterEach(async () => {
		await h.cleanup();
	});

	async function vaultWithTargets(targets: unknown[]): Promise<void> {
		h = await openHarness({ files: PHOTOS, data: { backup: { targets, afterIndex: false, everyMinutes: 0 } }, load: false });
		h.plugin.statusRepaintMs = 0;
		h.plugin.load();
		await h.layoutReady();
		await h.run("index-photos");
	}

	it("opens from the ribbon icon and the command, once, with the targets and the photos at risk linking to their notes", async () => {
		await vaultWithTargets([folderTarget("ssd", await tempDir("pa-ssd-"))]);
		const ribbon = h.fake.ribbonIcons.find((icon) => icon.getAttr("aria-label") === "Open backup status");
		expect(ribbon).toBeDefined();
		ribbon?.click();
		await h.plugin.status.open();
		expect(h.app.workspace.getLeavesOfType(STATUS_VIEW_TYPE)).toHaveLength(1);
		const view = statusView(h);
		await view.idle();
		expect(view.getDisplayText()).toBe("Backup status");
		const shown = text(view);
		expect(shown).toContain("Not up to date: 3 photos waiting to be backed up.");
		expect(shown).toContain("0 of 3 photos meet 3-2-1");
		expect(shown).toContain("SSD (external-drive, onsite)");
		expect(shown).toContain("Folders at risk (2)");

		const link = (view.contentEl as unknown as FakeElement).descendants().find((el) => el.tag === "a" && el.textContent === "Photos/c.jpg");
		expect(link?.hasClass("internal-link")).toBe(true);
		link?.click();
		expect(h.app.workspace.opened).toContain("Photo Notes/Photos/c.jpg.md");

		expect(h.fake.runCommand("open-backup-status")).toBe(true);
		await view.idle();
		expect(h.app.workspace.getLeavesOfType(STATUS_VIEW_TYPE)).toHaveLength(1);
	});

	it("follows a backup run as copies land, and ends with every photo meeting 3-2-1", async () => {
		const targets = [folderTarget("ssd", await tempDir("pa-ssd-")), folderTarget("cloud", await tempDir("pa-cloud-"), { medium: "cloud", offsite: true })];
		await vaultWithTargets(targets);
		await h.plugin.status.open();
		const view = statusView(h);
		await view.idle();
		const before = view.paints;
		expect(text(view)).toContain("Not up to date: 3 photos waiting to be backed up.");

		h.fake.runCommand("backup-all");
		await h.plugin.backup.runner.idle();
		await view.idle();
		// The first paint, then at least one while copies landed and one when the run ended.
		expect(view.paints - before).toBeGreaterThanOrEqual(2);
		expect(text(view)).toContain("Up to date: every photo meets 3-2-1.");
		expect(text(view)).toContain("3 of 3 photos meet 3-2-1");
		expect(text(view)).toMatch(/CLOUD \(cloud, offsite\)3 photos, [\d.]+ kB/);
		expect(text(view)).not.toContain("Photos at risk");
	});

	it("is closed and forgotten when the plugin unloads: no view, command or ribbon icon left", async () => {
		await vaultWithTargets([folderTarget("ssd", await tempDir("pa-ssd-"))]);
		await h.plugin.status.open();
		await statusView(h).idle();
		h.plugin.unload();
		expect(h.app.workspace.getLeavesOfType(STATUS_VIEW_TYPE)).toHaveLength(0);
		expect(h.app.workspace.viewCreators.has(STATUS_VIEW_TYPE)).toBe(false);
		expect(h.fake.ribbonIcons).toHaveLength(0);
		expect(h.fake.commands.has("open-backup-status")).toBe(false);
	});
});

describe("renderStatus", () => {
	function bigStatus(count: number): LibraryStatus {
		const atRisk = Array.from({ length: count }, (_, i) => ({
			path: `Photos/${i}.jpg`, note: `Photo Notes/Photos/${i}.jpg.md`, missing: false, copies: 1, media: ["device"], offsite: false, meets321: false,
		}));
		return {
			computedAt: "2024-07-02T10:00:00.000Z", photos: count, bytes: count * 1000, missingOriginals: 0, meeting321: 0, onlyOneCopy: count, noCopy: 0,
			atRisk, folders: [{ folder: "Photos", photos: count, atRisk: count }], targets: [], enabledTargets: 0, upToDate: false, allSafe: false,
		};
	}

	it("paints only the first page of a 100,000-photo library at risk, and one more page per click", () => {
		const el = new FakeElement("div");
		const status = bigStatus(100_000);
		let shown = PAGE_SIZE;
		const paint = (): void => renderStatus(el as unknown as HTMLElement, status, { shown, running: false, openNote: () => {}, showMore: () => {
			shown += PAGE_SIZE;
			paint();
		} });
		const started = performance.now();
		paint();
		expect(performance.now() - started).toBeLessThan(200);
		const rows = (): number => el.descendants().filter((e) => e.tag === "a").length;
		expect(rows()).toBe(PAGE_SIZE);
		const more = el.descendants().find((e) => e.tag === "button");
		expect(more?.textContent).toBe(`Show ${PAGE_SIZE} more (99,950 not shown)`);
		more?.click();
		expect(rows()).toBe(2 * PAGE_SIZE);
		expect(el.textContent).toContain("No backup target is set up yet.");
	});
});
