// Backups through encryption to a real WebDAV server (Apache mod_dav): nothing readable on the server's disk, rclone gets everything back, a wrong passphrase stops before any write, verify and restore work.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { parseManifest } from "../../src/core/backup/manifest";
import type { TargetConfig } from "../../src/core/model/target-config";
import { rcloneCrypt } from "../core/crypt/rclone-crypt";
import { startApache } from "../servers/apache";
import type { DavServer } from "../servers/dav-server";
import { startFaultProxy } from "../servers/fault-proxy";
import { findBinary, requireBinary } from "../servers/require-binary";
import { sha256Hex } from "../servers/upload-bodies";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { cipherFor } from "./encrypted-disk";
import { CONTENT_MARKER, encryptedVault, MARKED_PHOTOS, NAME_MARKER, type EncryptedVault } from "./encrypted-engine";

const PASSPHRASE = "the family's backup passphrase";
const WRITES = ["PUT", "MOVE", "COPY", "DELETE", "MKCOL", "PROPPATCH", "LOCK"];

/** Every file and folder under `dir` (the server's own .DAV folders included): relative path → bytes (null for a folder). */
async function everythingUnder(dir: string): Promise<Map<string, Buffer | null>> {
	const found = new Map<string, Buffer | null>();
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		const path = join(entry.parentPath, entry.name);
		found.set(path.slice(dir.length + 1), entry.isFile() ? await readFile(path) : null);
	}
	return found;
}

describe.skipIf(requireBinary("apache2", "httpd") === null || requireBinary("rclone") === null)("encrypted backups on Apache mod_dav", () => {
	let server: DavServer;
	beforeAll(async () => {
		server = await startApache();
	});
	afterAll(async () => {
		await server?.dispose();
	});

	async function backedUp(url?: (folderUrl: string) => string): Promise<{ vault: EncryptedVault; config: TargetConfig; dir: string; folderUrl: string }> {
		const folder = await server.folder("encrypted");
		const config: TargetConfig = {
			id: "nas", name: "NAS", kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled: true,
			// Encrypted by the fixture's own openTarget (openEncryptedTarget over the opened WebDAV target), not through the config.
			url: url ? url(folder.url) : folder.url, username: server.username,
		};
		const vault = await encryptedVault(server.password);
		expect(await vault.encryptedEngine(config, PASSPHRASE).indexAll()).toMatchObject({ photos: MARKED_PHOTOS.length, failed: [] });
		const summary = await vault.encryptedEngine(config, PASSPHRASE).backup.backup();
		expect(summary.targets[0], JSON.stringify(summary)).toMatchObject({ uploaded: MARKED_PHOTOS.length, failed: [], upToDate: true });
		return { vault, config, dir: folder.dir, folderUrl: folder.url };
	}

	it("leaves no name and no byte of the photos, nor of the manifest, readable on the server's disk", async () => {
		const { vault, dir } = await backedUp();
		const secrets = [NAME_MARKER, CONTENT_MARKER, "Photos", "photo-archivist", "manifest", "sha256", ...MARKED_PHOTOS.map((p) => sha256Hex(vault.originals.get(p) ?? new Uint8Array()))];
		const onDisk = await everythingUnder(dir);
		expect([...onDisk.values()].filter((bytes) => bytes !== null).length).toBeGreaterThanOrEqual(MARKED_PHOTOS.length + 1);
		for (const [path, bytes] of onDisk) {
			for (const secret of secrets) {
				expect(path.includes(secret), `"${secret}" in the name ${path}`).toBe(false);
				expect(bytes?.includes(secret) ?? false, `"${secret}" in the bytes of ${path}`).toBe(false);
				expect(bytes?.includes(Buffer.from(secret, "utf16le")) ?? false, `"${secret}" (UTF-16) in ${path}`).toBe(false);
			}
		}
		// The photos' JPEG start (SOI + APP1 "Exif") is nowhere either.
		for (const [path, bytes] of onDisk) expect(bytes?.includes(Buffer.from([0xff, 0xd8, 0xff, 0xe1])) ?? false, path).toBe(false);
	});

	it("rclone, with a crypt remote over the WebDAV server and the same passphrase, gets every photo back byte for byte, names and manifest included", async () => {
		const { vault, folderUrl } = await backedUp();
		const binary = findBinary("rclone") ?? "rclone";
		const obscuredPassword = (await rcloneCrypt(binary, "unused", server.password)).obscured;
		const remote = await rcloneCrypt(binary, ":webdav:", PASSPHRASE, {
			RCLONE_WEBDAV_URL: folderUrl,
			RCLONE_WEBDAV_VENDOR: "other",
			RCLONE_WEBDAV_USER: server.username,
			RCLONE_WEBDAV_PASS: obscuredPassword,
		});
		const out = await tempDir("pa-rclone-restore-");
		await remote.text("copy", ":crypt:", out);
		const restored = await everythingUnder(out);
		const files = [...restored].filter(([, bytes]) => bytes !== null).map(([path]) => path).sort();
		expect(files).toEqual([...MARKED_PHOTOS, ".photo-archivist/manifest.jsonl"].sort());
		for (const path of MARKED_PHOTOS) expect(sha256Hex(restored.get(path) ?? Buffer.alloc(0)), path).toBe(sha256Hex(vault.originals.get(path) ?? new Uint8Array()));
		const manifest = parseManifest((restored.get(".photo-archivist/manifest.jsonl") ?? Buffer.alloc(0)).toString("utf8"));
		expect(manifest.map((entry) => [entry.remotePath, entry.sha256]).sort()).toEqual(MARKED_PHOTOS.map((p) => [p, sha256Hex(vault.originals.get(p) ?? new Uint8Array())]).sort());
	});

	it("stops at once on a wrong passphrase: only the root is listed, nothing is written", async () => {
		const proxy = await startFaultProxy(server.url);
		onTestFinished(() => proxy.close());
		const { vault, config, dir } = await backedUp((url) => proxy.via(url));
		// A new photo waits, so the run has something it would write.
		await writeFile(join(vault.root, "Photos", "new after the first run.jpg"), jpeg({ seed: 99 }));
		expect(await vault.encryptedEngine(config, PASSPHRASE).indexAll()).toMatchObject({ created: 1 });
		const before = await everythingUnder(dir);
		proxy.reset();

		const summary = await vault.encryptedEngine(config, "not the family's passphrase").backup.backup();
		expect(summary.targets[0]?.stopped).toMatch(/passphrase does not open the files already on this target/);
		expect(summary.targets[0]).toMatchObject({ uploaded: 0 });
		expect(proxy.requests.filter((r) => WRITES.includes(r.method))).toEqual([]);
		expect(proxy.requests.filter((r) => r.status !== 401).map((r) => [r.method, r.headers.depth])).toEqual([["PROPFIND", "1"]]);
		expect([...(await everythingUnder(dir)).keys()].sort()).toEqual([...before.keys()].sort());
		expect((await vault.encryptedEngine(config, PASSPHRASE).backup.backup()).targets[0]).toMatchObject({ uploaded: 1, upToDate: true });
	});

	it("verifies quickly and thoroughly through the encryption, and finds a damaged copy", async () => {
		const { vault, config, dir } = await backedUp();
		expect((await vault.encryptedEngine(config, PASSPHRASE).verify.verify()).targets[0]).toMatchObject({ ok: true, present: MARKED_PHOTOS.length, problems: [] });
		expect((await vault.encryptedEngine(config, PASSPHRASE).verify.verify({ deep: true })).targets[0]).toMatchObject({ ok: true, verified: MARKED_PHOTOS.length });

		const { names } = await cipherFor(PASSPHRASE);
		const big = MARKED_PHOTOS[3] ?? "";
		const onDisk = join(dir, ...names.encryptPath(big).split("/"));
		const damaged = await readFile(onDisk);
		damaged[2_000_000] = (damaged[2_000_000] ?? 0) ^ 0x01;
		await writeFile(onDisk, damaged);
		expect((await vault.encryptedEngine(config, PASSPHRASE).verify.verify()).targets[0]).toMatchObject({ ok: true });
		const deep = (await vault.encryptedEngine(config, PASSPHRASE).verify.verify({ deep: true })).targets[0];
		expect(deep).toMatchObject({ ok: false, verified: MARKED_PHOTOS.length - 1 });
		// Blocks that no longer authenticate make a corrupt copy (re-uploaded beside it), not an unreadable one.
		expect(deep?.failed).toEqual([]);
		expect(JSON.stringify(deep?.problems)).toContain(big);
	});

	it("restores deleted originals byte for byte through the encryption", async () => {
		const { vault, config } = await backedUp();
		const gone = [MARKED_PHOTOS[1] ?? "", MARKED_PHOTOS[3] ?? ""];
		for (const path of gone) await rm(join(vault.root, path));
		const summary = await vault.encryptedEngine(config, PASSPHRASE).restore.restoreMissing();
		expect(summary.failed).toEqual([]);
		expect(summary.restored.map((r) => r.path).sort()).toEqual([...gone].sort());
		for (const path of MARKED_PHOTOS) expect(sha256Hex(await readFile(join(vault.root, path))), path).toBe(sha256Hex(vault.originals.get(path) ?? new Uint8Array()));
	});
});
