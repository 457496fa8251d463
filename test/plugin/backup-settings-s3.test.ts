// The target dialog for S3 and encrypted targets: keys and passphrases stay in the keychain, and a target holding backups keeps its encryption.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serializeManifest } from "../../src/core/backup/manifest";
import { manifestFileName } from "../../src/core/backup/manifest-store";
import type { TargetConfig } from "../../src/core/model/target-config";
import { ENCRYPTION_FIXED } from "../../src/plugin/backup/target-draft";
import { TargetModal } from "../../src/plugin/backup/target-modal";
import { DropdownComponent, Modal, SecretComponent, TextComponent, ToggleComponent, type FakeElement } from "../fakes/obsidian";
import { click, dataText, readData, row, settingsTab, topModal } from "./backup-helpers";
import { DATA_JSON, openHarness, PLUGIN_DIR, type Harness } from "./plugin-harness";

const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const PASSPHRASE = "correct horse battery staple";

const errorOf = (dialog: FakeElement): string => dialog.descendants().find((el) => el.hasClass("photo-archivist-error"))?.textContent ?? "";

async function openAdd(h: Harness): Promise<FakeElement> {
	await click(settingsTab(h).containerEl, "Add target");
	return topModal(TargetModal).contentEl;
}

/** Opens "Edit" on the target named `name` and waits until the dialog knows whether it holds backups. */
async function openEdit(h: Harness, name: string): Promise<FakeElement> {
	await row(settingsTab(h).containerEl, name).button("Edit").click();
	const modal = topModal(TargetModal);
	await modal.checked;
	return modal.contentEl;
}

function writeManifest(h: Harness, targetId: string, entries: number): void {
	const rows = Array.from({ length: entries }, (_, i) => ({
		remotePath: `Photos/${i}.jpg`, sha256: String(i).padStart(64, "0"), size: 10, uploadedAt: "2024-06-01T00:00:00.000Z", localPath: `Photos/${i}.jpg`,
	}));
	fs.writeFileSync(path.join(h.root, PLUGIN_DIR, manifestFileName(targetId)), serializeManifest(rows, targetId));
}

const encryptedNas: TargetConfig = {
	id: "nas", name: "NAS", kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled: true,
	url: "https://nas.local/photos", encrypt: true, passphraseSecret: "photos-passphrase",
};

describe("S3 and encrypted targets in the settings", () => {
	let h: Harness;
	afterEach(async () => {
		await h.cleanup();
	});

	it("adds an S3 target, cloud and offsite by default, whose secret key stays in the keychain", async () => {
		h = await openHarness();
		await h.layoutReady();
		h.app.secretStorage.setSecret("b2-secret", SECRET_KEY);
		let dialog = await openAdd(h);
		row(dialog, "Name").control(TextComponent).change("Backblaze");
		row(dialog, "Kind").control(DropdownComponent).change("s3");
		dialog = topModal(TargetModal).contentEl;
		expect(() => row(dialog, "Server URL")).toThrow();
		expect(row(dialog, "Medium").control(DropdownComponent).getValue()).toBe("cloud");
		expect(row(dialog, "Offsite").control(ToggleComponent).getValue()).toBe(true);
		row(dialog, "Endpoint").control(TextComponent).change("https://s3.eu-central-003.backblazeb2.com/");
		row(dialog, "Region").control(TextComponent).change("eu-central-003");
		row(dialog, "Bucket").control(TextComponent).change("family-photos");
		row(dialog, "Key prefix").control(TextComponent).change("/vault photos");
		row(dialog, "Path-style addressing").control(ToggleComponent).change(true);
		row(dialog, "Access key ID").control(TextComponent).change("003abc");
		row(dialog, "Secret key").control(SecretComponent).change("b2-secret");
		await click(dialog, "Save");

		expect(Modal.open).toEqual([]);
		expect(readData(h).backup.targets).toEqual([{
			id: "backblaze", name: "Backblaze", kind: "s3", medium: "cloud", offsite: true, layout: "mirror", enabled: true,
			endpoint: "https://s3.eu-central-003.backblazeb2.com", region: "eu-central-003", bucket: "family-photos", prefix: "vault photos/",
			pathStyle: true, accessKeyId: "003abc", secretKeySecret: "b2-secret",
		}]);
		expect(dataText(h)).not.toContain(SECRET_KEY);
		expect(row(settingsTab(h).containerEl, "Backblaze").desc).toBe(
			"S3 · https://s3.eu-central-003.backblazeb2.com · family-photos/vault photos/ · Cloud · offsite · same folders as the vault",
		);
	});

	it("says what an S3 target lacks instead of saving it", async () => {
		h = await openHarness();
		await h.layoutReady();
		let dialog = await openAdd(h);
		row(dialog, "Name").control(TextComponent).change("Ceph");
		row(dialog, "Kind").control(DropdownComponent).change("s3");
		dialog = topModal(TargetModal).contentEl;
		const steps: [string, string | boolean, RegExp][] = [
			["Endpoint", "http://127.0.0.1:7480", /^"Ceph" has no bucket/],
			["Bucket", "Family_Photos", /^"Ceph": the bucket "Family_Photos" cannot be part of a host name .*use path-style addressing\.$/],
			["Path-style addressing", true, /has no access key id/],
			["Access key ID", "AKIA", /has no secret key/],
		];
		await click(dialog, "Save");
		expect(errorOf(dialog)).toMatch(/has no endpoint/);
		for (const [name, value, next] of steps) {
			if (typeof value === "boolean") row(dialog, name).control(ToggleComponent).change(value);
			else row(dialog, name).control(TextComponent).change(value);
			await click(dialog, "Save");
			expect(errorOf(dialog)).toMatch(next);
		}
		expect(h.exists(DATA_JSON)).toBe(false);
	});

	it("encrypts a new target with a passphrase picked from the keychain, and asks for one when none is picked", async () => {
		h = await openHarness();
		await h.layoutReady();
		h.app.secretStorage.setSecret("photos-passphrase", PASSPHRASE);
		let dialog = await openAdd(h);
		row(dialog, "Name").control(TextComponent).change("NAS");
		row(dialog, "Server URL").control(TextComponent).change("https://nas.local/photos");
		expect(() => row(dialog, "Passphrase")).toThrow();
		row(dialog, "Encrypt").control(ToggleComponent).change(true);
		dialog = topModal(TargetModal).contentEl;
		// The dialog is drawn again with the passphrase row; what was typed is kept.
		expect(row(dialog, "Server URL").control(TextComponent).getValue()).toBe("https://nas.local/photos");
		await click(dialog, "Save");
		expect(errorOf(dialog)).toBe('"NAS" is encrypted but has no passphrase: choose one in the backup settings.');
		row(dialog, "Passphrase").control(SecretComponent).change("photos-passphrase");
		await click(dialog, "Save");

		expect(readData(h).backup.targets).toEqual([{ ...encryptedNas }]);
		expect(dataText(h)).not.toContain(PASSPHRASE);
		expect(row(settingsTab(h).containerEl, "NAS").desc).toMatch(/^WebDAV · https:\/\/nas\.local\/photos · encrypted · NAS/);
	});

	it("refuses to change the encryption of a target that holds backups, and says to make a new target", async () => {
		h = await openHarness({ data: { backup: { targets: [encryptedNas] } } });
		await h.layoutReady();
		writeManifest(h, "nas", 3);
		const dialog = await openEdit(h, "NAS");
		const encrypt = row(dialog, "Encrypt");
		expect(encrypt.desc).toBe(ENCRYPTION_FIXED);
		expect(ENCRYPTION_FIXED).toMatch(/Make a new target and back up to it instead\.$/);
		expect(encrypt.control(ToggleComponent).disabled).toBe(true);
		expect(row(dialog, "Passphrase").control(SecretComponent).disabled).toBe(true);

		// Should a control be changed anyway, saving refuses it and leaves data.json as it was.
		const before = dataText(h);
		row(dialog, "Passphrase").control(SecretComponent).change("another-passphrase");
		await click(dialog, "Save");
		expect(errorOf(dialog)).toBe(ENCRYPTION_FIXED);
		encrypt.control(ToggleComponent).change(false);
		await click(topModal(TargetModal).contentEl, "Save");
		expect(errorOf(topModal(TargetModal).contentEl)).toBe(ENCRYPTION_FIXED);
		expect(dataText(h)).toBe(before);

		// Everything else can still change.
		const again = topModal(TargetModal);
		again.close();
		const edit = await openEdit(h, "NAS");
		row(edit, "Name").control(TextComponent).change("Home NAS");
		await click(edit, "Save");
		expect(readData(h).backup.targets).toEqual([{ ...encryptedNas, name: "Home NAS" }]);
	});

	it("does not let encryption be turned on for a target that holds unencrypted backups", async () => {
		const plain: TargetConfig = { id: "nas", name: "NAS", kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled: true, url: "https://nas.local/photos" };
		h = await openHarness({ data: { backup: { targets: [plain] } } });
		await h.layoutReady();
		writeManifest(h, "nas", 1);
		const dialog = await openEdit(h, "NAS");
		expect(row(dialog, "Encrypt").control(ToggleComponent).disabled).toBe(true);
		row(dialog, "Encrypt").control(ToggleComponent).change(true);
		const redrawn = topModal(TargetModal).contentEl;
		row(redrawn, "Passphrase").control(SecretComponent).change("photos-passphrase");
		await click(redrawn, "Save");
		expect(errorOf(redrawn)).toBe(ENCRYPTION_FIXED);
		expect(readData(h).backup.targets).toEqual([plain]);
	});

	it("lets the encryption of a target change while it holds no backups yet (an empty manifest counts as none)", async () => {
		h = await openHarness({ data: { backup: { targets: [encryptedNas, { ...encryptedNas, id: "ssd", name: "SSD" }] } } });
		await h.layoutReady();
		writeManifest(h, "ssd", 0);
		for (const name of ["NAS", "SSD"]) {
			const dialog = await openEdit(h, name);
			expect(row(dialog, "Encrypt").control(ToggleComponent).disabled).toBe(false);
			row(dialog, "Passphrase").control(SecretComponent).change("new-passphrase");
			await click(dialog, "Save");
		}
		expect(readData(h).backup.targets.map((t) => t.passphraseSecret)).toEqual(["new-passphrase", "new-passphrase"]);
	});

	it("keeps where the command line reads a target's secrets when the target is edited in Obsidian", async () => {
		const fromCli: TargetConfig = {
			id: "ceph", name: "Ceph", kind: "s3", medium: "cloud", offsite: true, layout: "mirror", enabled: true,
			endpoint: "http://127.0.0.1:7480", bucket: "photos", pathStyle: true, accessKeyEnv: "CEPH_KEY", secretKeyEnv: "CEPH_SECRET",
			encrypt: true, passphraseFile: "/home/me/.photo-passphrase",
		};
		h = await openHarness({ data: { backup: { targets: [fromCli] } } });
		await h.layoutReady();
		writeManifest(h, "ceph", 2);
		const dialog = await openEdit(h, "Ceph");
		// No passphrase in this device's keychain yet: picking one is allowed (opening checks it opens the backups).
		expect(row(dialog, "Passphrase").control(SecretComponent).disabled).toBe(false);
		row(dialog, "Passphrase").control(SecretComponent).change("photos-passphrase");
		row(dialog, "Access key ID").control(TextComponent).change("AKIA");
		row(dialog, "Secret key").control(SecretComponent).change("ceph-secret");
		await click(dialog, "Save");
		expect(readData(h).backup.targets).toEqual([{ ...fromCli, accessKeyId: "AKIA", secretKeySecret: "ceph-secret", passphraseSecret: "photos-passphrase" }]);
	});
});
