// The verification commands in the plugin, against folder targets: a notice that follows the run, the report, the notes.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { VerifyReportModal } from "../../src/plugin/verify/verify-report-modal";
import { VerifyShareModal } from "../../src/plugin/verify/verify-share-modal";
import { DropdownComponent, Notice } from "../fakes/obsidian";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { click, row, topModal } from "./backup-helpers";
import { openHarness, type Harness } from "./plugin-harness";

const PHOTOS = { "Photos/a.jpg": jpeg({ seed: 41 }), "Photos/b.jpg": jpeg({ seed: 42 }), "Photos/2024/c.jpg": jpeg({ seed: 43 }), "Photos/2024/d.jpg": jpeg({ seed: 44 }) };

describe("verify commands", () => {
	let h: Harness;
	let drive: string;
	afterEach(async () => {
		await h.cleanup();
	});

	async function backedUp(): Promise<void> {
		drive = await tempDir("pa-drive-");
		const targets = [{ id: "ssd", name: "SSD", kind: "folder", path: drive }];
		h = await openHarness({ files: PHOTOS, data: { backup: { targets, afterIndex: false, everyMinutes: 0 } } });
		await h.layoutReady();
		await h.run("index-photos");
		h.fake.runCommand("backup-all");
		await h.plugin.backup.runner.idle();
	}

	async function verify(command: string): Promise<void> {
		expect(h.fake.runCommand(command)).toBe(true);
		await h.plugin.verify.idle();
	}

	it("Verify backups says every copy is in place, and cannot be cancelled when nothing runs", async () => {
		await backedUp();
		expect(h.fake.runCommand("cancel-verification")).toBe(false);
		await verify("verify-backups");
		expect(h.lastNotice()).toBe("SSD: all 4 copies in place");
		expect(h.plugin.verify.lastSummary?.targets[0]).toMatchObject({ ok: true, folders: 2, requests: 2 });
	});

	it("finds a deleted copy missing: the notice says it goes up again, a click opens the report, the note says so", async () => {
		await backedUp();
		fs.rmSync(path.join(drive, "Photos/b.jpg"));
		await verify("verify-backups");
		expect(h.lastNotice()).toBe("SSD: 1 copy missing or damaged\n1 photo will be uploaded again by the next backup.\nClick for the full report.");
		Notice.shown[Notice.shown.length - 1]?.messageEl.click();
		const report = topModal(VerifyReportModal);
		expect(report.contentEl.getText()).toContain("Photos/b.jpg: missing on SSD (not on the server); uploaded again by the next backup.");
		expect(h.readText("Photo Notes/Photos/b.jpg.md")).toContain("| SSD | Missing on SSD |");

		h.fake.runCommand("backup-all");
		await h.plugin.backup.runner.idle();
		expect(fs.existsSync(path.join(drive, "Photos/b.jpg"))).toBe(true);
		await verify("verify-backups");
		expect(h.lastNotice()).toBe("SSD: all 4 copies in place");
		expect(h.readText("Photo Notes/Photos/b.jpg.md")).toContain("| SSD | Backed up | Photos/b.jpg");
	});

	it("Verify backups thoroughly finds a flipped byte and marks the sound copies verified in their notes", async () => {
		await backedUp();
		const copy = path.join(drive, "Photos/a.jpg");
		const bytes = fs.readFileSync(copy);
		bytes[100] = (bytes[100] ?? 0) ^ 0x80;
		fs.writeFileSync(copy, bytes);
		h.fake.runCommand("verify-backups-thoroughly");
		await click(topModal(VerifyShareModal).contentEl, "Verify");
		await h.plugin.verify.idle();
		expect(h.lastNotice()).toMatch(/^SSD: 1 copy missing or damaged, 3 copies identical to the original\n/);
		expect(h.readText("Photo Notes/Photos/a.jpg.md")).toContain("| SSD | Corrupt on SSD |");
		expect(h.readText("Photo Notes/Photos/b.jpg.md")).toMatch(/\| SSD \| Backed up \| Photos\/b\.jpg, uploaded .*, verified \d{4}-\d\d-\d\d \d\d:\d\d UTC \|/);
		expect(fs.readFileSync(copy)).toEqual(bytes);
	});

	it("a thorough run of a quarter reads a quarter of the copies", async () => {
		await backedUp();
		h.fake.runCommand("verify-backups-thoroughly");
		const modal = topModal(VerifyShareModal);
		row(modal.contentEl, "Read").control(DropdownComponent).change("25");
		await click(modal.contentEl, "Verify");
		await h.plugin.verify.idle();
		expect(h.plugin.verify.lastSummary?.targets[0]).toMatchObject({ read: 1, verified: 1, samplePercent: 25, ok: true });
		expect(h.lastNotice()).toBe("SSD: all 4 copies in place, 1 copy identical to the original (25% read this time)");
	});
});
