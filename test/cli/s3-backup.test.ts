// S3 targets as users set them up, on a real gateway (Ceph's RADOS Gateway, one per file): from the command line end to end,
// and the same bucket from inside Obsidian (requestUrl, keys from the keychain).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TargetConfig } from "../../src/core/model/target-config";
import { testConnection } from "../../src/core/targets/test-connection";
import { obsidianOpenTarget } from "../../src/plugin/backup/obsidian-open-target";
import { httpRequestUrl, SecretStorage } from "../fakes/obsidian";
import { requireCeph, startCephS3, type CephS3 } from "../servers/ceph";
import { s3Admin, type S3Admin } from "../servers/s3-admin";
import { bytesBody } from "../servers/upload-bodies";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { cli, put } from "./cli-process";

const PASSPHRASE = "correct horse battery staple";
const PHOTOS: Record<string, Uint8Array> = {
	"Photos/Grandma/Birthday cake.jpg": jpeg({ seed: 41 }),
	"Photos/2024/été #2.jpg": jpeg({ seed: 42, dateTimeOriginal: "2024:06:01 15:00:00" }),
};
const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

describe.skipIf(!requireCeph())("S3 targets on Ceph", () => {
	let ceph: CephS3;
	let admin: S3Admin;
	beforeAll(async () => {
		ceph = await startCephS3();
		admin = s3Admin(ceph);
		await admin.createBucket("photos");
	}, 120_000);
	afterAll(async () => {
		await ceph?.stop();
	});

	const keys = (): Record<string, string> => ({ S3_KEY: ceph.accessKey, S3_SECRET: ceph.secretKey, PHOTO_PASSPHRASE: PASSPHRASE });

	async function s3Vault(id: string, ...more: string[]): Promise<string> {
		const vault = await tempDir();
		for (const [path, bytes] of Object.entries(PHOTOS)) await put(vault, path, bytes);
		const add = await cli([
			"target", "add", vault, "--id", id, "--type", "s3", "--endpoint", ceph.endpoint, "--bucket", "photos", "--prefix", id,
			"--path-style", "--access-key-env", "S3_KEY", "--secret-key-env", "S3_SECRET", ...more,
		], keys());
		expect(add.stderr).toBe("");
		expect(add.code).toBe(0);
		return vault;
	}

	it("from the command line: tests, backs up encrypted, skips it all the second time, verifies and restores on a new machine", async () => {
		const vault = await s3Vault("crypt", "--encrypt", "--passphrase-env", "PHOTO_PASSPHRASE");
		const test = await cli(["target", "test", vault], keys());
		expect(test.stdout).toMatch(/^crypt: OK/m);
		expect(test.stdout).toMatch(/write: Wrote, read back and removed a test file/);
		expect(test.code).toBe(0);

		const first = await cli(["backup", vault, "--json"], keys());
		expect(first.stderr).toBe("");
		expect(first.code).toBe(0);
		expect(JSON.parse(first.stdout)).toMatchObject({ uploaded: 2, failed: 0, targets: [{ id: "crypt", upToDate: true }] });
		const stored = await admin.keys("photos", "crypt/");
		expect(stored.length).toBeGreaterThanOrEqual(3);
		for (const word of ["Photos", "Grandma", "Birthday", "été", ".jpg", "photo-archivist"]) expect(stored.filter((k) => k.includes(word)), word).toEqual([]);

		const second = await cli(["backup", vault, "--json"], keys());
		expect(JSON.parse(second.stdout)).toMatchObject({ uploaded: 0, skipped: 2, failed: 0 });
		expect(await admin.keys("photos", "crypt/")).toEqual(stored);
		expect((await cli(["verify", vault, "--deep"], keys())).code).toBe(0);
		const status = await cli(["status", vault], keys());
		expect(status.code).toBe(0);
		expect(status.stdout).toMatch(/crypt/);

		const elsewhere = await s3Vault("crypt", "--encrypt", "--passphrase-env", "PHOTO_PASSPHRASE");
		const into = join(await tempDir(), "library");
		const restore = await cli(["restore", elsewhere, "--all", "--target", "crypt", "--into", into, "--json"], keys());
		expect(restore.stderr).toBe("");
		expect(restore.code).toBe(0);
		for (const [path, bytes] of Object.entries(PHOTOS)) expect(sha256(await readFile(join(into, path))), path).toBe(sha256(bytes));
	}, 120_000);

	it("from the command line: a wrong secret key and a missing bucket, in plain words", async () => {
		const vault = await s3Vault("plain");
		const wrong = await cli(["target", "test", vault], { ...keys(), S3_SECRET: "not-the-secret-key" });
		expect(wrong.code).toBe(1);
		expect(wrong.stdout).toMatch(/credentials: The access key or secret key is wrong/);

		const missing = await tempDir();
		await cli(["target", "add", missing, "--id", "gone", "--type", "s3", "--endpoint", ceph.endpoint, "--bucket", "no-such-bucket", "--path-style", "--access-key-env", "S3_KEY", "--secret-key-env", "S3_SECRET"], keys());
		const run = await cli(["backup", missing, "--json"], keys());
		expect(run.code).toBe(1);
		expect((JSON.parse(run.stdout) as { targets: { stopped?: string }[] }).targets[0]?.stopped).toMatch(/no-such-bucket.*NoSuchBucket/);
	}, 60_000);

	describe("inside Obsidian: requests through requestUrl, keys from the keychain", () => {
		const config = (): TargetConfig => ({
			id: "phone", name: "Cloud", kind: "s3", medium: "cloud", offsite: true, layout: "mirror", enabled: true,
			endpoint: ceph.endpoint, bucket: "photos", prefix: "phone/", pathStyle: true, accessKeyId: ceph.accessKey, secretKeySecret: "cloud-secret",
		});

		it("stores, lists, reads and removes objects, and passes Test connection", async () => {
			const secretStorage = new SecretStorage();
			secretStorage.setSecret("cloud-secret", ceph.secretKey);
			const target = await obsidianOpenTarget({ secretStorage, localFs: null, requestUrl: httpRequestUrl() })(config());
			const photo = PHOTOS["Photos/2024/été #2.jpg"] ?? new Uint8Array();
			await target.put("Photos/2024/été #2.jpg", bytesBody(photo));
			expect(await admin.keys("photos", "phone/")).toEqual(["phone/Photos/2024/été #2.jpg"]);
			expect((await target.list("Photos/2024")).files.map((f) => [f.path, f.size])).toEqual([["Photos/2024/été #2.jpg", photo.length]]);
			expect(sha256(await target.read("Photos/2024/été #2.jpg"))).toBe(sha256(photo));
			await target.remove("Photos/2024/été #2.jpg");
			expect(await admin.keys("photos", "phone/")).toEqual([]);
			expect(await testConnection(target, "phone")).toMatchObject({ ok: true });
		});

		it("says the secret key is missing from this device's keychain before sending anything", async () => {
			const error = await obsidianOpenTarget({ secretStorage: new SecretStorage(), localFs: null, requestUrl: () => Promise.reject(new Error("no request expected")) })(config()).catch((e: unknown) => e);
			expect(error).toMatchObject({
				code: "auth",
				message: "The secret key “cloud-secret” of “Cloud” is not in Obsidian's keychain on this device: pick or create it again in the target's settings.",
			});
		});
	});
});
