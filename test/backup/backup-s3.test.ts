// Backups to a real S3 engine (Ceph's RADOS Gateway) through the engine, with a fault proxy that counts and breaks requests:
// the corpus round trip, nothing sent twice, retries, stopping failures, verification, restore and encryption.
import { randomBytes } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeHttpTransport } from "../../src/adapters/node/node-http-transport";
import { createNodeLocalFs } from "../../src/adapters/node/node-local-fs";
import { localFolderDestination } from "../../src/core/restore/local-folder";
import { requireCeph, startCephS3 } from "../servers/ceph";
import { faults } from "../servers/fault-proxy";
import { s3Admin } from "../servers/s3-admin";
import { requireCorpus } from "../support/corpus";
import { jpeg } from "../support/photos";
import { tempDir } from "../support/temp-dir";
import { expectEveryPhotoInBucket, s3Fixture, sha256, type S3Gateway } from "./s3-backup-fixture";

const BUCKET = "backups";
const MIB = 1024 * 1024;

/** Photos with awkward names; one of 3 MB, and one of 13 MB that goes up in three parts. */
function photos(): Map<string, Uint8Array> {
	const made = new Map<string, Uint8Array>();
	const names = ["Photos/a.jpg", "Photos/été #1.jpg", "Photos/2024/b&c d+e.jpg", "Photos/big.jpg", "Photos/2024/video.jpg"];
	for (const [i, path] of names.entries()) {
		const photo = jpeg({ seed: i + 1 });
		const tail = path.endsWith("big.jpg") ? 3 * MIB : path.endsWith("video.jpg") ? 13 * MIB : 0;
		const bytes = new Uint8Array(photo.length + tail);
		bytes.set(photo);
		bytes.set(randomBytes(tail), photo.length);
		made.set(path, bytes);
	}
	return made;
}

const corpus = requireCorpus();

describe.skipIf(!requireCeph())("backup to S3 on Ceph", () => {
	const gateway = {} as S3Gateway;
	beforeAll(async () => {
		gateway.ceph = await startCephS3();
		gateway.admin = s3Admin(gateway.ceph);
		gateway.transport = createNodeHttpTransport();
		gateway.bucket = BUCKET;
		await gateway.admin.createBucket(BUCKET);
	});
	afterAll(async () => {
		gateway.transport?.close();
		await gateway.ceph?.stop();
	});

	it.skipIf(corpus === null)("backs the photo corpus up byte for byte, read back from the gateway; a second run sends no request at all", async () => {
		const files = new Map<string, Uint8Array>();
		for (const name of await readdir(corpus ?? "")) {
			if (name !== "SOURCES.md") files.set(`Photos/corpus/${name}`, new Uint8Array(await readFile(join(corpus ?? "", name))));
		}
		const fixture = await s3Fixture(gateway, { photos: files });
		const summary = await fixture.engine().backup.backup();
		expect(summary.targets[0]).toMatchObject({ uploaded: files.size, failed: [], conflicts: [], upToDate: true });
		await expectEveryPhotoInBucket(fixture, gateway);
		expect((await fixture.remotePaths()).filter((p) => !p.startsWith(".photo-archivist/")).sort()).toEqual([...files.keys()].sort());
		fixture.proxy.reset();
		const again = await fixture.engine().backup.backup();
		expect(again.targets[0]).toMatchObject({ uploaded: 0, skipped: files.size, upToDate: true });
		expect(fixture.proxy.count("PUT")).toBe(0);
		expect(fixture.proxy.requests).toEqual([]);
	});

	it("rides out a 503 SlowDown, a connection dropped mid-part, one dropped before any answer, and a lost answer to a stored PUT", async () => {
		const fixture = await s3Fixture(gateway, { photos: photos() });
		const { proxy } = fixture;
		const path = (req: { path: string }): string => decodeURIComponent(req.path);
		const slowDown = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>`;
		proxy.failNext(1, faults.status(503, { "retry-after": "0", "content-type": "application/xml" }, slowDown), (req) => req.method === "PUT" && path(req).endsWith("/a.jpg"));
		proxy.failNext(1, faults.drop(1_000_000), (req) => req.method === "PUT" && path(req).includes("video.jpg?partNumber=2"));
		proxy.failNext(1, faults.drop(0), (req) => req.method === "HEAD" && path(req).endsWith("/big.jpg"));
		// The gateway stores this one, but its answer never arrives: the retry finds it there and adopts it by its SHA-256.
		proxy.failNext(1, faults.dropResponse(), (req) => req.method === "PUT" && path(req).endsWith("b&c d+e.jpg"));
		const summary = await fixture.engine().backup.backup();
		expect(summary.targets[0]).toMatchObject({ failed: [], conflicts: [], upToDate: true });
		expect((summary.targets[0]?.uploaded ?? 0) + (summary.targets[0]?.skipped ?? 0)).toBe(5);
		expect(proxy.requests.map((r) => r.fault).filter((f) => f !== undefined).sort()).toEqual(["drop", "drop", "drop-response", "status"]);
		// Parts 1 and 3 of the video went once; part 2 again after its connection was cut.
		const parts = proxy.requests.filter((r) => r.method === "PUT" && path(r).includes("video.jpg?partNumber=")).map((r) => /partNumber=(\d+)/.exec(r.path)?.[1]);
		expect(parts.sort()).toEqual(["1", "2", "2", "3"]);
		await expectEveryPhotoInBucket(fixture, gateway);
		expect(await gateway.admin.uploads(BUCKET)).not.toContainEqual(expect.stringContaining(fixture.prefix));
	});

	it.each([
		{ what: "a wrong secret key", secretKey: "not-the-secret", message: /The access key or secret key is wrong: the server could not verify the request's signature with them \(SignatureDoesNotMatch\)/ },
		{ what: "a missing bucket", config: { bucket: "no-such-bucket" }, message: /The bucket no-such-bucket at 127\.0\.0\.1:\d+ does not exist \(NoSuchBucket\): check the bucket's name/ },
	])("stops the target on $what with a clear message, sends no PUT and retries nothing", async ({ secretKey, config, message }) => {
		const fixture = await s3Fixture(gateway, { photos: photos(), secretKey, config });
		const summary = await fixture.engine().backup.backup();
		expect(summary.targets[0]).toMatchObject({ uploaded: 0, failed: [], upToDate: false });
		expect(summary.targets[0]?.stopped).toMatch(message);
		expect(fixture.proxy.count("PUT")).toBe(0);
		expect(fixture.proxy.requests.length).toBeLessThanOrEqual(2);
	});

	it("verifies quickly by listing each folder once, thoroughly by reading every copy; a lost copy is found and uploaded again", async () => {
		const fixture = await s3Fixture(gateway, { photos: photos() });
		expect((await fixture.engine().backup.backup()).targets[0]).toMatchObject({ uploaded: 5, upToDate: true });
		fixture.proxy.reset();
		expect((await fixture.engine().backup.backup()).targets[0]).toMatchObject({ uploaded: 0, skipped: 5, upToDate: true });
		expect(fixture.proxy.requests).toEqual([]);
		const quick = await fixture.engine().verify.verify();
		expect(quick.targets[0]).toMatchObject({ copies: 5, present: 5, problems: [], extra: [], folders: 2, requests: 2, ok: true });
		expect(fixture.proxy.requests.map((r) => [r.method, new URL(r.path, "http://x").searchParams.get("list-type")])).toEqual([
			["GET", "2"],
			["GET", "2"],
		]);
		const deep = await fixture.engine().verify.verify({ deep: true });
		expect(deep.targets[0]).toMatchObject({ read: 5, verified: 5, problems: [], ok: true });

		await gateway.admin.remove(BUCKET, `${fixture.prefix}Photos/2024/b&c d+e.jpg`);
		const found = await fixture.engine().verify.verify();
		expect(found.targets[0]?.problems).toEqual([expect.objectContaining({ remotePath: "Photos/2024/b&c d+e.jpg", fault: "missing", requeued: true })]);
		expect((await fixture.engine().backup.backup()).targets[0]).toMatchObject({ uploaded: 1, failed: [], upToDate: true });
		await expectEveryPhotoInBucket(fixture, gateway);
	});

	it("restores deleted originals from the bucket, and a whole library into a folder on a new device", async () => {
		const made = photos();
		const fixture = await s3Fixture(gateway, { photos: made });
		expect((await fixture.engine().backup.backup()).targets[0]).toMatchObject({ uploaded: 5, upToDate: true });
		await rm(join(fixture.root, "Photos/2024/video.jpg"));
		await rm(join(fixture.root, "Photos/été #1.jpg"));
		const restored = await fixture.engine().restore.restoreMissing();
		expect(restored.failed).toEqual([]);
		expect(restored.restored.map((r) => r.path).sort()).toEqual(["Photos/2024/video.jpg", "Photos/été #1.jpg"]);
		for (const [path, bytes] of made) expect(sha256(await readFile(join(fixture.root, path))), path).toBe(sha256(bytes));

		// A new device: an empty data folder, the same bucket and prefix; the manifest comes from the bucket.
		const device = await s3Fixture(gateway, { photos: new Map(), config: { prefix: fixture.prefix } });
		const into = await tempDir("pa-s3-restore-all-");
		const all = await device.engine().restore.restoreAll({ targetId: "cloud", into: localFolderDestination(createNodeLocalFs(), into) });
		expect(all.failed).toEqual([]);
		expect(all.restored).toHaveLength(5);
		for (const [path, bytes] of made) expect(sha256(await readFile(join(into, path))), path).toBe(sha256(bytes));
	});

	it("encrypts on S3 as on WebDAV: the bucket holds neither names nor bytes of the photos, and they come back whole", async () => {
		const made = photos();
		const fixture = await s3Fixture(gateway, { photos: made, passphrase: "correct horse battery staple" });
		expect((await fixture.engine().backup.backup()).targets[0]).toMatchObject({ uploaded: 5, failed: [], upToDate: true });
		const keys = await fixture.remotePaths();
		expect(keys.length).toBeGreaterThanOrEqual(5);
		expect(keys.join("\n")).not.toMatch(/Photos|video|été|\.jpg/);
		// rclone's crypt format: every object starts with its magic, then a nonce; nothing of the photo shows.
		for (const key of keys) expect((await gateway.admin.get(BUCKET, fixture.prefix + key))?.subarray(0, 8), key).toEqual(new TextEncoder().encode("RCLONE\0\0"));
		expect((await fixture.engine().verify.verify({ deep: true })).targets[0]).toMatchObject({ verified: 5, ok: true });
		await rm(join(fixture.root, "Photos/2024/video.jpg"));
		const restored = await fixture.engine().restore.restoreMissing();
		expect(restored).toMatchObject({ failed: [], restored: [expect.objectContaining({ path: "Photos/2024/video.jpg" })] });
		expect(sha256(await readFile(join(fixture.root, "Photos/2024/video.jpg")))).toBe(sha256(made.get("Photos/2024/video.jpg") ?? new Uint8Array()));
	});
});
