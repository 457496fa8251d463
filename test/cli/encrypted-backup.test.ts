// An encrypted WebDAV target from the command line, end to end on Apache: the server's disk holds no plaintext name or byte, and everything comes back.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApache } from "../servers/apache";
import type { DavServer } from "../servers/dav-server";
import { requireBinary } from "../servers/require-binary";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { cli, put } from "./cli-process";

const PASSPHRASE = "correct horse battery staple";
const PHOTOS: Record<string, Uint8Array> = {
	"Photos/Grandma/Birthday cake.jpg": jpeg({ seed: 31 }),
	"Photos/Grandma/été #2.jpg": jpeg({ seed: 32, dateTimeOriginal: "1987:06:01 15:00:00" }),
};
/** Words of the photos' paths, and of our own metadata folder, that must not be readable on the server. */
const NAMES = ["Photos", "Grandma", "Birthday", "cake", "été", ".jpg", "photo-archivist", "manifest"];
const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

interface BackupJson {
	uploaded: number;
	skipped: number;
	failed: number;
	targets: { id: string; stopped?: string; upToDate: boolean }[];
}

async function serverFiles(dir: string): Promise<string[]> {
	return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe.skipIf(requireBinary("apache2", "httpd") === null)("photo-archivist backup to an encrypted WebDAV target (Apache mod_dav)", () => {
	let server: DavServer;
	beforeAll(async () => {
		server = await startApache();
	});
	afterAll(async () => {
		await server?.dispose();
	});

	/** A vault with the photos and an encrypted target on a fresh folder of the server. */
	async function encryptedVault(id: string, folder?: { url: string; dir: string }): Promise<{ vault: string; dir: string; url: string }> {
		const vault = await tempDir();
		for (const [path, bytes] of Object.entries(PHOTOS)) await put(vault, path, bytes);
		const place = folder ?? (await server.folder(id));
		const add = await cli([
			"target", "add", vault, "--id", id, "--type", "webdav", "--url", place.url, "--username", server.username,
			"--password-env", "DAV_PASSWORD", "--encrypt", "--passphrase-env", "PHOTO_PASSPHRASE",
		], { DAV_PASSWORD: server.password, PHOTO_PASSPHRASE: PASSPHRASE });
		expect(add.stderr).toBe("");
		expect(add.code).toBe(0);
		return { vault, ...place };
	}

	const env = (passphrase = PASSPHRASE): Record<string, string> => ({ DAV_PASSWORD: server.password, PHOTO_PASSPHRASE: passphrase });

	it("backs up ciphertext only, skips it all the second time, verifies it thoroughly, and restores it byte for byte on a new machine", async () => {
		const { vault, dir, url } = await encryptedVault("crypt");
		const test = await cli(["target", "test", vault], env());
		expect(test.stdout).toMatch(/^crypt: OK/m);
		expect(test.code).toBe(0);

		const first = await cli(["backup", vault, "--json"], env());
		expect(first.stderr).toBe("");
		expect(first.code).toBe(0);
		expect(JSON.parse(first.stdout)).toMatchObject({ uploaded: 2, failed: 0, targets: [{ id: "crypt", upToDate: true }] });

		// The server's disk: no name of ours, and not one run of 64 bytes from any photo.
		const files = await serverFiles(dir);
		expect(files.length).toBeGreaterThanOrEqual(3);
		for (const word of NAMES) expect(files.filter((f) => f.toLowerCase().includes(word.toLowerCase())), word).toEqual([]);
		const stored = await Promise.all(files.map((f) => readFile(join(dir, f)).catch(() => Buffer.alloc(0))));
		for (const bytes of Object.values(PHOTOS)) {
			for (let at = 0; at + 64 <= bytes.length; at += Math.floor(bytes.length / 8)) {
				const run = Buffer.from(bytes.subarray(at, at + 64));
				expect(stored.some((s) => s.includes(run))).toBe(false);
			}
		}

		const second = await cli(["backup", vault, "--json"], env());
		expect(JSON.parse(second.stdout)).toMatchObject({ uploaded: 0, skipped: 2, failed: 0 });
		expect(await serverFiles(dir)).toEqual(files);

		const verify = await cli(["verify", vault, "--deep"], env());
		expect(verify.code).toBe(0);

		// Another machine: an empty vault, the same target and passphrase; the target's own (encrypted) manifest says what is there.
		const elsewhere = await tempDir();
		const add = await cli(["target", "add", elsewhere, "--id", "crypt", "--type", "webdav", "--url", url, "--username", server.username, "--password-env", "DAV_PASSWORD", "--encrypt", "--passphrase-env", "PHOTO_PASSPHRASE"], env());
		expect(add.code).toBe(0);
		const into = join(await tempDir(), "library");
		const restore = await cli(["restore", elsewhere, "--all", "--target", "crypt", "--into", into, "--json"], env());
		expect(restore.stderr).toBe("");
		expect(restore.code).toBe(0);
		for (const [path, bytes] of Object.entries(PHOTOS)) expect(sha256(await readFile(join(into, path))), path).toBe(sha256(bytes));
	});

	it("stops at once on a wrong passphrase, with a clear message, writing nothing", async () => {
		const { vault, dir } = await encryptedVault("wrong");
		expect((await cli(["backup", vault], env())).code).toBe(0);
		const before = await serverFiles(dir);
		await put(vault, "Photos/new.jpg", jpeg({ seed: 33 }));

		const run = await cli(["backup", vault, "--json"], env("not the passphrase"));
		expect(run.code).toBe(1);
		const summary = JSON.parse(run.stdout) as BackupJson;
		expect(summary).toMatchObject({ uploaded: 0 });
		expect(summary.targets[0]?.stopped).toMatch(/encrypted with another passphrase\. Nothing was written/);
		expect(await serverFiles(dir)).toEqual(before);

		const test = await cli(["target", "test", vault], env("not the passphrase"));
		expect(test.code).toBe(1);
		expect(test.stdout).toMatch(/another passphrase/);
	});

	it("says which variable to set when the passphrase is not there", async () => {
		const { vault, dir } = await encryptedVault("unset");
		const run = await cli(["backup", vault], { DAV_PASSWORD: server.password });
		expect(run.code).toBe(1);
		expect(run.stdout).toMatch(/unset: stopped: .*no passphrase for target "unset": set the environment variable PHOTO_PASSPHRASE\n {2}\(user archivist, password from environment variable DAV_PASSWORD, passphrase from environment variable PHOTO_PASSPHRASE\)$/m);
		expect(await serverFiles(dir)).toEqual([]);
	});
});
