// The restore commands in the plugin: missing originals come back through the vault, Free up space shows its dry run and does exactly that.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseManifest, serializeManifest } from "../../src/core/backup/manifest";
import { manifestFileName } from "../../src/core/backup/manifest-store";
import { FreeSpaceModal } from "../../src/plugin/restore/free-space-modal";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { click, topModal } from "./backup-helpers";
import { openHarness, PLUGIN_DIR, type Harness } from "./plugin-harness";

const PHOTOS = { "Photos/a.jpg": jpeg({ seed: 31 }), "Photos/b.jpg": jpeg({ seed: 32 }) };
const fail = (): never => {
	throw new Error("the photo is not in the vault");
};
const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

describe("restore commands", () => {
	let h: Harness;
	afterEach(async () => {
		await h.cleanup();
	});

	async function backedUp(): Promise<void> {
		const one = await tempDir("pa-one-");
		const two = await tempDir("pa-two-");
		const targets = [{ id: "one", name: "One", kind: "folder", path: one }, { id: "two", name: "Two", kind: "folder", path: two }];
		h = await openHarness({ files: PHOTOS, data: { backup: { targets, afterIndex: false, everyMinutes: 0 } } });
		await h.layoutReady();
		await h.run("index-photos");
		h.fake.runCommand("backup-all");
		await h.plugin.backup.runner.idle();
	}

	it("Restore missing originals brings a deleted photo back byte for byte", async () => {
		await backedUp();
		await h.app.vault.delete(h.app.vault.getFileByPath("Photos/a.jpg") ?? fail());
		await h.plugin.indexing.idle();
		expect(h.readText("Photo Notes/Photos/a.jpg.md")).toMatch(/^original: missing$/m);
		expect(h.fake.runCommand("restore-missing")).toBe(true);
		await h.plugin.restore.idle();
		expect(sha256(fs.readFileSync(path.join(h.root, "Photos/a.jpg")))).toBe(sha256(PHOTOS["Photos/a.jpg"]));
		expect(h.lastNotice()).toMatch(/^Restored 1 photo \(.+\) into the vault, each checked by SHA-256\./);
	});

	it("Free up space lists what would go, moves exactly that to the trash on confirmation, and the note says offloaded", async () => {
		await backedUp();
		// Both targets verified "a" by hash an hour ago; "b" was never verified.
		for (const id of ["one", "two"]) {
			const file = path.join(h.root, PLUGIN_DIR, manifestFileName(id));
			const entries = parseManifest(fs.readFileSync(file, "utf8"));
			const verifiedAt = new Date(Date.now() - 3_600_000).toISOString();
			fs.writeFileSync(file, serializeManifest(entries.map((e) => (e.localPath === "Photos/a.jpg" ? { ...e, verifiedAt } : e)), id));
		}
		// A restart, so the engine reads the manifests as verification left them.
		h.plugin.unload();
		await h.plugin.indexing.idle();
		h = await openHarness({ root: h.root });
		await h.layoutReady();

		h.fake.runCommand("free-up-space");
		await h.plugin.restore.idle();
		// The dry run, before anything moved.
		expect(h.exists("Photos/a.jpg")).toBe(true);
		const modal = topModal(FreeSpaceModal);
		expect(modal.plan.items.map((i) => i.path)).toEqual(["Photos/a.jpg"]);
		expect(modal.contentEl.getText()).toContain("Photos/a.jpg");
		await click(modal.contentEl, "Move 1 to the trash");
		await h.plugin.restore.idle();
		expect(h.exists("Photos/a.jpg")).toBe(false);
		expect(h.exists("Photos/b.jpg")).toBe(true);
		expect(h.readText("Photo Notes/Photos/a.jpg.md")).toMatch(/^original: offloaded$/m);
		expect(h.lastNotice()).toMatch(/^Freed .+: 1 original moved to the trash\.$/);
	});
});
