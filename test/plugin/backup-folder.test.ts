// The plugin backs an indexed vault up to a folder target through its desktop loader of Node's file system.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LocalFs } from "../../src/core/ports/local-fs";
import { BackupReportModal } from "../../src/plugin/backup/backup-report-modal";
import { Notice } from "../fakes/obsidian";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { topModal } from "./backup-helpers";
import { openHarness, type Harness, type HarnessOptions } from "./plugin-harness";

const PHOTOS = {
	"Photos/2024/a.jpg": jpeg({ seed: 1 }),
	"Photos/2024/b.jpg": jpeg({ seed: 2 }),
	"Photos/c d.jpg": jpeg({ seed: 3 }),
};

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Every file under `dir` (hidden ones included), "/"-separated, with its SHA-256. */
function filesOnDisk(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const entry of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
		const full = path.join(dir, entry);
		if (fs.statSync(full).isFile()) out[entry.split(path.sep).join("/")] = sha256(fs.readFileSync(full));
	}
	return out;
}

function folderTarget(dir: string, fields: Record<string, unknown> = {}): unknown {
	return { id: "ssd", name: "Travel SSD", kind: "folder", path: dir, ...fields };
}

describe("backup to a folder target", () => {
	let h: Harness;
	afterEach(async () => {
		vi.useRealTimers();
		await h.cleanup();
	});

	async function indexedVault(options: HarnessOptions & { localFs?: () => Promise<LocalFs | null> }): Promise<void> {
		h = await openHarness({ files: PHOTOS, ...options });
		if (options.localFs) h.plugin.localFs = options.localFs;
		await h.layoutReady();
		await h.run("index-photos");
	}

	async function backUp(commandId = "backup-all"): Promise<boolean> {
		const ran = h.fake.runCommand(commandId);
		await h.plugin.backup.runner.idle();
		return ran;
	}

	it("copies every photo, byte for byte, and shows the copy in each note; a second run sends nothing", async () => {
		const dir = await tempDir("pa-ssd-");
		await indexedVault({ data: { backup: { targets: [folderTarget(dir)], afterIndex: false } } });

		await backUp();

		const disk = filesOnDisk(dir);
		for (const [file, bytes] of Object.entries(PHOTOS)) expect(disk[file], file).toBe(sha256(bytes));
		expect(h.lastNotice()).toMatch(/^Backup finished\.\nTravel SSD: up to date \(3 photos uploaded \(.+\), 0 already there\)\.$/);
		const note = h.readText("Photo Notes/Photos/2024/a.jpg.md") ?? "";
		expect(note).toMatch(/^backup: 1\/1$/m);
		expect(note).toMatch(/^backup_targets:\n {2}- Travel SSD$/m);
		expect(note).toMatch(/\| Travel SSD \| .* \| Photos\/2024\/a\.jpg, uploaded /);

		const before = JSON.stringify(filesOnDisk(dir));
		await backUp();
		expect(h.lastNotice()).toBe("Backup finished.\nTravel SSD: up to date (0 photos uploaded, 3 already there).");
		expect(JSON.stringify(filesOnDisk(dir))).toBe(before);
	});

	it("backs up the current photo only, from the photo or from its note", async () => {
		const dir = await tempDir("pa-ssd-");
		await indexedVault({ data: { backup: { targets: [folderTarget(dir)], afterIndex: false } } });
		expect(h.fake.isAvailable("backup-current-photo")).toBe(false);

		h.app.workspace.setActiveFile(h.app.vault.getFileByPath("Photo Notes/Photos/2024/b.jpg.md"));
		expect(await backUp("backup-current-photo")).toBe(true);
		expect(Object.keys(filesOnDisk(dir)).filter((f) => !f.startsWith("."))).toEqual(["Photos/2024/b.jpg"]);
	});

	it("backs up new photos right after indexing when the setting is on", async () => {
		const dir = await tempDir("pa-ssd-");
		await indexedVault({ data: { backup: { targets: [folderTarget(dir)], afterIndex: true, everyMinutes: 0 } } });
		await h.plugin.backup.runner.idle();
		expect(Object.keys(filesOnDisk(dir)).filter((f) => !f.startsWith(".")).sort()).toEqual(Object.keys(PHOTOS).sort());
		// An automatic run that went well says nothing.
		expect(Notice.shown.map((n) => n.message).filter((m) => m.startsWith("Backup") || m.includes("backup"))).toEqual([]);
	});

	it("runs every N minutes while open, and unload stops the timer and the requestUrl patch", async () => {
		vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
		const { getPatcher } = await import("webdav");
		const dir = await tempDir("pa-ssd-");
		await indexedVault({ data: { backup: { targets: [folderTarget(dir)], afterIndex: false, everyMinutes: 30 } } });
		expect(getPatcher().isPatched("request")).toBe(true);
		expect(vi.getTimerCount()).toBe(1);

		await vi.advanceTimersByTimeAsync(30 * 60_000);
		await h.plugin.backup.runner.idle();
		expect(Object.keys(filesOnDisk(dir)).filter((f) => f in PHOTOS)).toHaveLength(3);

		h.plugin.unload();
		expect(vi.getTimerCount()).toBe(0);
		expect(getPatcher().isPatched("request")).toBe(false);
	});

	it("tells the problem of an automatic run once, however often the timer runs into it", async () => {
		vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
		const dir = await tempDir("pa-ssd-");
		const file = path.join(dir, "not-a-folder");
		fs.writeFileSync(file, "");
		await indexedVault({ data: { backup: { targets: [folderTarget(file)], afterIndex: false, everyMinutes: 10 } } });
		const automatic = (): string[] => Notice.shown.map((n) => n.message).filter((m) => m.startsWith("Automatic backup: "));

		await vi.advanceTimersByTimeAsync(10 * 60_000);
		await h.plugin.backup.runner.idle();
		expect(automatic()).toHaveLength(1);
		expect(automatic()[0]).toMatch(/^Automatic backup: Backup finished, with problems\.\nTravel SSD: 0 photos uploaded, 0 already there, 3 failed\./);
		await vi.advanceTimersByTimeAsync(10 * 60_000);
		await h.plugin.backup.runner.idle();
		expect(automatic()).toHaveLength(1);
	});

	it("reports a target it cannot write to, and lists every failure in the report", async () => {
		const dir = await tempDir("pa-ssd-");
		const file = path.join(dir, "not-a-folder");
		fs.writeFileSync(file, "");
		await indexedVault({ data: { backup: { targets: [folderTarget(file)], afterIndex: false } } });

		await backUp();

		const notice = Notice.shown[Notice.shown.length - 1];
		expect(notice?.message).toMatch(/^Backup finished, with problems\.\nTravel SSD: /);
		expect(notice?.message).toMatch(/Click for the full report\.$/);
		notice?.messageEl.click();
		const report = topModal(BackupReportModal).contentEl.textContent;
		for (const photo of Object.keys(PHOTOS)) expect(report).toContain(`${photo}: `);
	});

	it("says where to add a target when there is none", async () => {
		await indexedVault({});
		await backUp();
		expect(h.lastNotice()).toMatch(/^No backup target is set up yet/);
	});
});
