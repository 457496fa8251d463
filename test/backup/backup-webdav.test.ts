// Backups of a vault to real WebDAV servers (Apache mod_dav, rclone serve webdav) through a fault proxy that counts and breaks requests.
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { RemoteLayout, TargetConfig } from "../../src/core/model/target-config";
import { startApache } from "../servers/apache";
import type { DavServer } from "../servers/dav-server";
import { faults, startFaultProxy, type FaultProxy } from "../servers/fault-proxy";
import { startRcloneServe } from "../servers/rclone-serve";
import { requireBinary } from "../servers/require-binary";
import { frontMatterOf } from "../support/note-text";
import { backupFixture, expectEveryPhotoOnDisk, filesOnDisk, finalNames, PHOTO_NAMES, sha256, type BackupFixture } from "./backup-fixture";

const servers: Array<[string, string[], () => Promise<DavServer>]> = [
	["Apache mod_dav", ["apache2", "httpd"], () => startApache()],
	["rclone serve webdav", ["rclone"], () => startRcloneServe()],
];

for (const [name, binaries, start] of servers) {
	describe.skipIf(requireBinary(...binaries) === null)(`backup to ${name}`, () => {
		let server: DavServer;
		beforeAll(async () => {
			server = await start();
		});
		afterAll(async () => {
			await server?.dispose();
		});

		async function setUp(layout: RemoteLayout = "mirror", concurrency?: number): Promise<{ fixture: BackupFixture; proxy: FaultProxy; dir: string }> {
			const folder = await server.folder("backup");
			const proxy = await startFaultProxy(server.url);
			onTestFinished(() => proxy.close());
			const config: TargetConfig = {
				id: "nas", name: "NAS", kind: "webdav", medium: "nas", offsite: false, layout, enabled: true,
				url: proxy.via(folder.url), username: server.username, ...(concurrency === undefined ? {} : { concurrency }),
			};
			return { fixture: await backupFixture(config, { password: server.password }), proxy, dir: folder.dir };
		}

		it("stores every photo byte for byte, and a second run sends not a single request", async () => {
			const { fixture, proxy, dir } = await setUp();
			const summary = await fixture.engine().backup.backup();
			expect(summary.targets[0]).toMatchObject({ uploaded: PHOTO_NAMES.length, failed: [], conflicts: [], upToDate: true });
			await expectEveryPhotoOnDisk(fixture, dir);
			expect(finalNames(await filesOnDisk(dir))).toEqual([...PHOTO_NAMES].sort());
			const engine = fixture.engine();
			await engine.load();
			const text = await readFile(join(fixture.root, engine.noteOf("Photos/été #1.jpg") ?? "?"), "utf8");
			expect(frontMatterOf(text)).toMatchObject({ backup: "1/1", backup_targets: ["NAS"] });
			proxy.reset();
			const again = await fixture.engine().backup.backup();
			expect(again.targets[0]).toMatchObject({ uploaded: 0, skipped: PHOTO_NAMES.length, upToDate: true });
			expect(proxy.count("PUT")).toBe(0);
			expect(proxy.requests).toEqual([]);
		});

		it("files photos by the month they were taken, with the manifest copy for other devices", async () => {
			const { fixture, dir } = await setUp("date");
			const summary = await fixture.engine().backup.backup();
			expect(summary.targets[0]).toMatchObject({ uploaded: PHOTO_NAMES.length, failed: [], upToDate: true });
			const names = await filesOnDisk(dir);
			expect(names).toContain(".photo-archivist/manifest.jsonl");
			expect(finalNames(names)).toEqual(["2024/06/a.jpg", "2024/06/b&c d.jpg", "2024/06/big.jpg", "2024/06/e.jpg", "2024/06/été #1.jpg"]);
			await expectEveryPhotoOnDisk(fixture, dir);
		});

		it("after the server stopped mid-run, the next run finishes; nothing partial is ever under a final name", async () => {
			const { fixture, proxy, dir } = await setUp();
			let puts = 0;
			let stopping: Promise<void> | null = null;
			proxy.rule((req) => {
				if (req.method === "PUT" && ++puts === 2) stopping = server.stop();
				return undefined;
			});
			const first = await fixture.engine().backup.backup();
			expect(first.targets[0]?.upToDate).toBe(false);
			await stopping;
			const vaultShas = new Map<string, string>();
			for (const path of PHOTO_NAMES) vaultShas.set(path, sha256(await readFile(join(fixture.root, path))));
			for (const path of finalNames(await filesOnDisk(dir))) {
				expect(sha256(await readFile(join(dir, path))), `${path} is whole`).toBe(vaultShas.get(path));
			}
			await server.start();
			const second = await fixture.engine().backup.backup();
			expect(second.targets[0]).toMatchObject({ failed: [], conflicts: [], upToDate: true });
			expect((second.targets[0]?.uploaded ?? 0) + (second.targets[0]?.skipped ?? 0)).toBe(PHOTO_NAMES.length);
			await expectEveryPhotoOnDisk(fixture, dir);
			expect(finalNames(await filesOnDisk(dir))).toEqual([...PHOTO_NAMES].sort());
		});

		it("rides out a dropped connection, a 503 and a 429 (retried), and completes", async () => {
			const { fixture, proxy, dir } = await setUp("mirror", 1);
			const isPut = (req: { method: string }): boolean => req.method === "PUT";
			proxy.failNext(1, faults.drop(1_000_000), (req) => isPut(req) && decodeURIComponent(req.path).includes("big.jpg"));
			proxy.failNext(1, faults.status(503), isPut);
			proxy.failNext(1, faults.status(429, { "retry-after": "0" }), isPut);
			const summary = await fixture.engine().backup.backup();
			expect(summary.targets[0]).toMatchObject({ uploaded: PHOTO_NAMES.length, failed: [], upToDate: true });
			expect(proxy.requests.map((r) => r.fault).filter((f) => f !== undefined).sort()).toEqual(["drop", "status", "status"]);
			await expectEveryPhotoOnDisk(fixture, dir);
			expect(finalNames(await filesOnDisk(dir))).toEqual([...PHOTO_NAMES].sort());
		});

		it.each([
			{ status: 401, message: "The server refused the user name or password." },
			{ status: 507, message: "The server has no space left (507 Insufficient Storage)." },
		])("stops the target on $status with a clear message, and asks nothing more", async ({ status, message }) => {
			const { fixture, proxy } = await setUp("mirror", 1);
			proxy.failNext(1, faults.status(status), (req) => req.method === "PUT");
			const summary = await fixture.engine().backup.backup();
			expect(summary.targets[0]).toMatchObject({ uploaded: 0, failed: [], upToDate: false, stopped: message });
			expect(proxy.requests.filter((r) => r.status === status)).toHaveLength(1);
			expect(proxy.count("PUT")).toBe(1);
		});

		it("uploads a photo again that changed while it was being uploaded", async () => {
			const { fixture, proxy, dir } = await setUp();
			const changed = new Uint8Array([...(await readFile(join(fixture.root, "Photos/a.jpg"))), ...new TextEncoder().encode("edited later")]);
			let edited = false;
			proxy.rule((req) => {
				// The PUT goes to a temporary name beside the photo's ("Photos/.a.jpg.…"), then a MOVE puts it in place.
				if (!edited && req.method === "PUT" && decodeURIComponent(req.path).includes("/Photos/.a.jpg")) {
					edited = true;
					writeFileSync(join(fixture.root, "Photos/a.jpg"), changed);
				}
				return undefined;
			});
			const summary = await fixture.engine().backup.backup();
			expect(summary.targets[0]).toMatchObject({ failed: [], upToDate: true });
			expect(edited).toBe(true);
			expect(sha256(await readFile(join(dir, "Photos/a.jpg")))).toBe(sha256(changed));
			expect(finalNames(await filesOnDisk(dir))).toEqual([...PHOTO_NAMES].sort());
			const note = frontMatterOf(await readFile(join(fixture.root, "Photo Notes/Photos/a.jpg.md"), "utf8"));
			expect(note).toMatchObject({ sha256: sha256(changed), backup: "1/1" });
			await expectEveryPhotoOnDisk(fixture, dir);
		});
	});
}
