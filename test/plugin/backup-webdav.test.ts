// The plugin backs up to Apache mod_dav through the real webdav client, patched onto requestUrl: the mobile
// transport, with a requestUrl that performs real HTTP and, like Obsidian's, takes only whole ArrayBuffer bodies.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConnectionModal } from "../../src/plugin/backup/connection-modal";
import { httpRequestUrl, Notice, setRequestUrl, type RecordedRequest } from "../fakes/obsidian";
import { startApache } from "../servers/apache";
import type { DavServer } from "../servers/dav-server";
import { requireBinary } from "../servers/require-binary";
import { jpeg } from "../support/photos";
import { dataText, row, settingsTab, topModal } from "./backup-helpers";
import { openHarness, type Harness } from "./plugin-harness";

const PHOTOS = {
	"Photos/2024/été #1.jpg": jpeg({ seed: 11 }),
	"Photos/2024/b.jpg": jpeg({ seed: 12, dateTimeOriginal: "2023:12:24 19:30:11" }),
};

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

describe.skipIf(requireBinary("apache2", "httpd") === null)("backup to WebDAV (Apache) through requestUrl", () => {
	let server: DavServer;
	let h: Harness;
	let requests: RecordedRequest[];

	beforeAll(async () => {
		server = await startApache();
	});
	afterAll(async () => {
		await server.dispose();
	});
	afterEach(async () => {
		setRequestUrl(null);
		await h.cleanup();
	});

	async function vault(options: { secret?: string | null; layout?: "mirror" | "date"; platform?: "desktop" | "mobile" }): Promise<{ dir: string }> {
		const { url, dir } = await server.folder("plugin");
		const target = { id: "nas", name: "Home NAS", kind: "webdav", url, username: server.username, passwordSecret: "nas-password", layout: options.layout ?? "mirror" };
		h = await openHarness({ files: PHOTOS, platform: options.platform, data: { backup: { targets: [target], afterIndex: false, everyMinutes: 0 } } });
		if (options.secret !== null) h.app.secretStorage.setSecret("nas-password", options.secret ?? server.password);
		requests = [];
		setRequestUrl(httpRequestUrl(requests));
		await h.layoutReady();
		await h.run("index-photos");
		return { dir };
	}

	async function backUp(): Promise<void> {
		h.fake.runCommand("backup-all");
		await h.plugin.backup.runner.idle();
	}

	it("uploads every photo on mobile: bytes on the server's disk match, notes show the copy, no password in data.json", async () => {
		const { dir } = await vault({ platform: "mobile" });
		const progress = Notice.shown.length;

		await backUp();

		for (const [file, bytes] of Object.entries(PHOTOS)) {
			expect(sha256(fs.readFileSync(path.join(dir, ...file.split("/")))), file).toBe(sha256(bytes));
		}
		const puts = requests.filter((r) => r.method === "PUT");
		expect(puts.length).toBeGreaterThanOrEqual(2);
		expect(requests.every((r) => r.url.startsWith(server.url))).toBe(true);
		// Progress on a phone: one Notice, updated in place and taken away at the end.
		const progressNotice = Notice.shown[progress];
		expect(progressNotice?.messages.some((m) => /^Backup \d\/2/.test(m))).toBe(true);
		expect(progressNotice?.hidden).toBe(true);
		expect(h.lastNotice()).toMatch(/^Backup finished\.\nHome NAS: up to date \(2 photos uploaded/);
		expect(h.readText("Photo Notes/Photos/2024/b.jpg.md")).toMatch(/^backup: 1\/1$/m);
		expect(dataText(h)).not.toContain(server.password);

		requests.length = 0;
		await backUp();
		expect(requests.filter((r) => r.method === "PUT")).toEqual([]);
		expect(h.lastNotice()).toBe("Backup finished.\nHome NAS: up to date (0 photos uploaded, 2 already there).");
	});

	it("files photos by the month they were taken when the target says so", async () => {
		const { dir } = await vault({ layout: "date" });
		await backUp();
		expect(fs.readFileSync(path.join(dir, "2023", "12", "b.jpg"))).toEqual(Buffer.from(PHOTOS["Photos/2024/b.jpg"]));
		expect(fs.existsSync(path.join(dir, "2024", "06", "été #1.jpg"))).toBe(true);
	});

	it("stops the target with a plain reason on a wrong password, or one missing from the keychain", async () => {
		await vault({ secret: "not the password" });
		await backUp();
		expect(h.lastNotice()).toMatch(/^Backup finished, with problems\.\nHome NAS: stopped\. .*(password|user name)/);
		const afterRefusal = requests.length;
		expect(requests.filter((r) => r.method === "PUT")).toEqual([]);
		expect(afterRefusal).toBeLessThanOrEqual(2);
		await h.cleanup();

		await vault({ secret: null });
		await backUp();
		expect(h.lastNotice()).toMatch(/Home NAS: stopped\. The password “nas-password” of “Home NAS” is not in Obsidian's keychain/);
		expect(requests).toEqual([]);
	});

	it("tests the targets from the command, in plain words", async () => {
		await vault({});
		expect(h.fake.runCommand("test-backup-targets")).toBe(true);
		const modal = topModal(ConnectionModal);
		await modal.done;
		const text = modal.contentEl.textContent;
		expect(text).toMatch(/^Home NAS: ready/);
		expect(text).toContain("✓ Writing: ");
		expect(fs.readdirSync(server.dataDir, { recursive: true, encoding: "utf8" }).filter((f) => f.includes("probe"))).toEqual([]);
		modal.close();

		// The same from the target's row in the settings, after its password was lost from the keychain.
		h.app.secretStorage.setSecret("nas-password", "forgotten");
		await row(settingsTab(h).containerEl, "Home NAS").button("Test connection").click();
		const single = topModal(ConnectionModal);
		await single.done;
		expect(single.titleEl.getText()).toBe("Test connection: Home NAS");
		expect(single.contentEl.textContent).toMatch(/^Home NAS: not usable yet\./);
		expect(single.contentEl.textContent).toMatch(/✗ (Server|User name and password): /);
	});
});
