// The "Free up space" settings reach the command: with one verified copy, the default (2 copies) keeps a photo, 1 lets it go.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseManifest, serializeManifest } from "../../src/core/backup/manifest";
import { manifestFileName } from "../../src/core/backup/manifest-store";
import { FreeSpaceModal } from "../../src/plugin/restore/free-space-modal";
import { TextComponent } from "../fakes/obsidian";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { click, readData, row, settingsTab, topModal } from "./backup-helpers";
import { openHarness, PLUGIN_DIR, type Harness } from "./plugin-harness";

const PHOTOS = { "Photos/a.jpg": jpeg({ seed: 41 }) };

describe("Free up space settings", () => {
	let h: Harness;
	afterEach(async () => {
		await h.cleanup();
	});

	/** "a" backed up to two targets, but verified by hash (`hoursAgo`) on "One" only; the plugin then restarted to read that. */
	async function oneVerifiedCopy(hoursAgo: number): Promise<void> {
		const targets = [
			{ id: "one", name: "One", kind: "folder", path: await tempDir("pa-free-one-") },
			{ id: "two", name: "Two", kind: "folder", path: await tempDir("pa-free-two-") },
		];
		h = await openHarness({ files: PHOTOS, data: { backup: { targets, afterIndex: false, everyMinutes: 0 } } });
		await h.layoutReady();
		await h.run("index-photos");
		h.fake.runCommand("backup-all");
		await h.plugin.backup.runner.idle();
		const file = path.join(h.root, PLUGIN_DIR, manifestFileName("one"));
		const verifiedAt = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
		fs.writeFileSync(file, serializeManifest(parseManifest(fs.readFileSync(file, "utf8")).map((e) => ({ ...e, verifiedAt })), "one"));
		h.plugin.unload();
		await h.plugin.indexing.idle();
		h = await openHarness({ root: h.root });
		await h.layoutReady();
	}

	async function dryRun(): Promise<FreeSpaceModal> {
		h.fake.runCommand("free-up-space");
		await h.plugin.restore.idle();
		const modal = topModal(FreeSpaceModal);
		modal.close();
		return modal;
	}

	it("keeps a photo with one verified copy by default, and lets it go once one copy is enough", async () => {
		await oneVerifiedCopy(1);

		const refused = await dryRun();
		expect(refused.plan.policy).toEqual({ minCopies: 2, maxAgeDays: 30 });
		expect(refused.plan.items).toEqual([]);
		expect(refused.plan.kept.map((k) => [k.path, k.reason])).toEqual([["Photos/a.jpg", expect.stringMatching(/^1 of 2 copies needed/)]]);

		await row(settingsTab(h).containerEl, "Copies needed before an original can go").control(TextComponent).change("1");
		expect(readData(h).freeSpace).toEqual({ minCopies: 1, maxAgeDays: 30 });

		// The setting applies at once: no restart between the change and the command.
		h.fake.runCommand("free-up-space");
		await h.plugin.restore.idle();
		const allowed = topModal(FreeSpaceModal);
		expect(allowed.plan.policy).toEqual({ minCopies: 1, maxAgeDays: 30 });
		expect(allowed.plan.items.map((i) => [i.path, i.targets])).toEqual([["Photos/a.jpg", ["One"]]]);
		await click(allowed.contentEl, "Move 1 to the trash");
		await h.plugin.restore.idle();
		expect(h.exists("Photos/a.jpg")).toBe(false);
		expect(h.readText("Photo Notes/Photos/a.jpg.md")).toMatch(/^original: offloaded$/m);
	});

	it("counts a copy only if it was verified within the days set", async () => {
		await oneVerifiedCopy(3 * 24);
		const container = settingsTab(h).containerEl;
		await row(container, "Copies needed before an original can go").control(TextComponent).change("1");
		expect((await dryRun()).plan.items.map((i) => i.path)).toEqual(["Photos/a.jpg"]);

		await row(container, "Copies verified within (days)").control(TextComponent).change("2");
		expect(readData(h).freeSpace).toEqual({ minCopies: 1, maxAgeDays: 2 });
		const refused = await dryRun();
		expect(refused.plan.items).toEqual([]);
		expect(refused.plan.kept[0]?.reason).toMatch(/within 2 days.*One: last verified 3 days ago/);
	});
});
