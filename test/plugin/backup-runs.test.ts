// Backup runs inside the plugin: pause, resume and cancel, one run at a time, and nothing left running after unload.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createNodeLocalFs } from "../../src/adapters/node/node-local-fs";
import type { LocalFs } from "../../src/core/ports/local-fs";
import { Notice } from "../fakes/obsidian";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { openHarness, type Harness } from "./plugin-harness";

const PHOTOS = {
	"Photos/2024/a.jpg": jpeg({ seed: 1 }),
	"Photos/2024/b.jpg": jpeg({ seed: 2 }),
	"Photos/c d.jpg": jpeg({ seed: 3 }),
};

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The photos under `dir` with their SHA-256 (the manifest and temporaries left out). */
function photosOnDisk(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const file of Object.keys(PHOTOS)) {
		const full = path.join(dir, ...file.split("/"));
		if (fs.existsSync(full)) out[file] = sha256(fs.readFileSync(full));
	}
	return out;
}

/** A LocalFs whose file writes wait for `release()`: a run held mid-upload, without sleeps. */
function heldFs(inner: LocalFs): { fs: LocalFs; release: () => void; writing: Promise<void> } {
	let release!: () => void;
	let started!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	const writing = new Promise<void>((resolve) => (started = resolve));
	return {
		release,
		writing,
		fs: {
			...inner,
			async openWriter(file) {
				const writer = await inner.openWriter(file);
				return {
					...writer,
					async write(chunk) {
						started();
						await gate;
						return writer.write(chunk);
					},
				};
			},
		},
	};
}

describe("backup runs in the plugin", () => {
	let h: Harness;
	let dir: string;
	let held: ReturnType<typeof heldFs>;
	afterEach(async () => {
		held.release();
		await h.cleanup();
	});

	/** An indexed vault with one folder target whose writes wait for `held.release()`. */
	async function heldVault(): Promise<void> {
		dir = await tempDir("pa-ssd-");
		held = heldFs(createNodeLocalFs());
		const target = { id: "ssd", name: "Travel SSD", kind: "folder", path: dir, concurrency: 1 };
		h = await openHarness({ files: PHOTOS, data: { backup: { targets: [target], afterIndex: false, everyMinutes: 0 } } });
		h.plugin.localFs = async () => held.fs;
		await h.layoutReady();
		await h.run("index-photos");
	}

	it("pauses, resumes and cancels from the commands and the status bar; a cancelled run goes on next time", async () => {
		await heldVault();
		for (const id of ["pause-backup", "resume-backup", "cancel-backup"]) expect(h.fake.isAvailable(id), id).toBe(false);

		h.fake.runCommand("backup-all");
		await held.writing;
		const bar = h.fake.statusBarItems[1];
		expect(bar?.getText()).toMatch(/^Backup 0\/3/);
		expect(h.fake.isAvailable("resume-backup")).toBe(false);
		expect(h.fake.runCommand("pause-backup")).toBe(true);
		expect(h.plugin.indexing.currentEngine?.backup.paused).toBe(true);
		expect(bar?.getText()).toMatch(/^Backup paused 0\/3/);
		expect(h.fake.isAvailable("pause-backup")).toBe(false);
		bar?.click();
		expect(h.plugin.backup.runner.paused).toBe(false);
		expect(bar?.getText()).toMatch(/^Backup 0\/3/);
		expect(h.fake.runCommand("pause-backup")).toBe(true);
		expect(h.fake.runCommand("resume-backup")).toBe(true);
		expect(h.plugin.indexing.currentEngine?.backup.paused).toBe(false);
		bar?.click();
		expect(h.plugin.backup.runner.paused).toBe(true);

		// Cancelled while paused: the run must wake up to end.
		expect(h.fake.runCommand("cancel-backup")).toBe(true);
		held.release();
		await h.plugin.backup.runner.idle();
		expect(h.lastNotice()).toMatch(/^Backup cancelled; what was uploaded is kept/);
		expect(bar?.getText()).toBe("");
		// Whatever landed under a photo's name is whole; the rest comes with the next run.
		const partial = photosOnDisk(dir);
		for (const [file, hash] of Object.entries(partial)) expect(hash, file).toBe(sha256(PHOTOS[file as keyof typeof PHOTOS]));
		expect(Object.keys(partial).length).toBeLessThan(3);

		h.fake.runCommand("backup-all");
		await h.plugin.backup.runner.idle();
		expect(h.lastNotice()).toMatch(/^Backup finished\.\nTravel SSD: up to date \(\d photos? uploaded .*, \d already there\)\.$/);
		expect(photosOnDisk(dir)).toEqual(Object.fromEntries(Object.entries(PHOTOS).map(([f, b]) => [f, sha256(b)])));
	});

	it("never runs two backups at once: a second command is refused, an automatic one waits its turn", async () => {
		await heldVault();
		const service = h.plugin.indexing.currentEngine?.backup;
		if (!service) throw new Error("no engine");
		const runs = vi.spyOn(service, "backup");

		h.fake.runCommand("backup-all");
		await held.writing;
		h.fake.runCommand("backup-all");
		expect(h.lastNotice()).toBe("A backup is already running. Use “Pause backup” or “Cancel backup” to stop it.");
		void h.plugin.backup.runner.backUpQuietly(["Photos/c d.jpg"]);
		expect(runs).toHaveBeenCalledTimes(1);

		held.release();
		await h.plugin.backup.runner.idle();
		expect(runs).toHaveBeenCalledTimes(2);
		expect(runs.mock.calls[1]?.[0]?.photoPaths).toEqual(["Photos/c d.jpg"]);
	});

	it("cancels a running backup on unload, and reports nothing afterwards", async () => {
		await heldVault();
		h.fake.runCommand("backup-all");
		await held.writing;
		const notices = Notice.shown.length;

		h.plugin.unload();
		held.release();
		await h.plugin.backup.runner.idle();

		expect(h.plugin.backup.runner.running).toBe(false);
		expect(Notice.shown.slice(notices).filter((n) => !n.hidden)).toEqual([]);
		expect(Object.keys(photosOnDisk(dir)).length).toBeLessThan(3);
	});
});
