// Verification of backups on real WebDAV servers (Apache mod_dav, rclone serve webdav), damaged on the server's disk, through a counting proxy.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { TargetConfig } from "../../src/core/model/target-config";
import { backupFixture, expectEveryPhotoOnDisk, filesOnDisk, finalNames, PHOTO_NAMES, sha256, type BackupFixture } from "../backup/backup-fixture";
import { startApache } from "../servers/apache";
import type { DavServer } from "../servers/dav-server";
import { startFaultProxy, type FaultProxy } from "../servers/fault-proxy";
import { startRcloneServe } from "../servers/rclone-serve";
import { requireBinary } from "../servers/require-binary";

const servers: Array<[string, string[], () => Promise<DavServer>]> = [
	["Apache mod_dav", ["apache2", "httpd"], () => startApache()],
	["rclone serve webdav", ["rclone"], () => startRcloneServe()],
];

/** PHOTO_NAMES live in two folders: Photos and Photos/2024. */
const FOLDERS = 2;

for (const [name, binaries, start] of servers) {
	describe.skipIf(requireBinary(...binaries) === null)(`verify on ${name}`, () => {
		let server: DavServer;
		beforeAll(async () => {
			server = await start();
		});
		afterAll(async () => {
			await server?.dispose();
		});

		/** A vault backed up to a fresh folder on the server; the proxy's record starts empty after the backup. */
		async function backedUp(): Promise<{ fixture: BackupFixture; proxy: FaultProxy; dir: string }> {
			const folder = await server.folder("verify");
			const proxy = await startFaultProxy(server.url);
			onTestFinished(() => proxy.close());
			const config: TargetConfig = {
				id: "nas", name: "NAS", kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled: true,
				url: proxy.via(folder.url), username: server.username,
			};
			const fixture = await backupFixture(config, { password: server.password });
			expect((await fixture.engine().backup.backup()).targets[0]).toMatchObject({ uploaded: PHOTO_NAMES.length, upToDate: true });
			proxy.reset();
			return { fixture, proxy, dir: folder.dir };
		}

		it("quick: one depth-1 listing per folder and nothing else, never a request per file", async () => {
			const { fixture, proxy } = await backedUp();
			const summary = await fixture.engine().verify.verify();
			expect(summary.targets[0]).toMatchObject({ copies: PHOTO_NAMES.length, present: PHOTO_NAMES.length, problems: [], extra: [], folders: FOLDERS, requests: FOLDERS, ok: true });
			// The engine's first contact may take an extra round for the authentication scheme (401, then again).
			const answered = proxy.requests.filter((r) => r.status !== 401);
			expect(answered.map((r) => [r.method, r.headers.depth])).toEqual(Array.from({ length: FOLDERS }, () => ["PROPFIND", "1"]));
			expect(proxy.requests.some((r) => r.headers.depth === "infinity")).toBe(false);
		});

		it("finds a copy deleted on the server missing; the next backup uploads it again, to the same place", async () => {
			const { fixture, dir } = await backedUp();
			await rm(join(dir, "Photos/2024/e.jpg"));
			const summary = await fixture.engine().verify.verify();
			expect(summary.targets[0]?.problems).toEqual([expect.objectContaining({ remotePath: "Photos/2024/e.jpg", fault: "missing", requeued: true })]);
			const note = await readFile(join(fixture.root, "Photo Notes/Photos/2024/e.jpg.md"), "utf8");
			expect(note).toContain("| NAS | Missing on NAS |");

			const backup = await fixture.engine().backup.backup();
			expect(backup.targets[0]).toMatchObject({ uploaded: 1, skipped: PHOTO_NAMES.length - 1, upToDate: true });
			expect(sha256(await readFile(join(dir, "Photos/2024/e.jpg")))).toBe(sha256(await readFile(join(fixture.root, "Photos/2024/e.jpg"))));
			expect(finalNames(await filesOnDisk(dir))).toEqual([...PHOTO_NAMES].sort());
			await expectEveryPhotoOnDisk(fixture, dir);
			expect((await fixture.engine().verify.verify({ deep: true })).targets[0]).toMatchObject({ ok: true, verified: PHOTO_NAMES.length });
		});

		it("a copy with one flipped byte passes the quick check, is found corrupt by the thorough one, and is re-uploaded beside it", async () => {
			const { fixture, dir } = await backedUp();
			const path = join(dir, "Photos/big.jpg");
			const damaged = await readFile(path);
			damaged[2_000_000] = (damaged[2_000_000] ?? 0) ^ 0x01;
			await writeFile(path, damaged);
			expect((await fixture.engine().verify.verify()).targets[0]).toMatchObject({ ok: true, problems: [] });

			const deep = await fixture.engine().verify.verify({ deep: true });
			expect(deep.targets[0]).toMatchObject({ read: PHOTO_NAMES.length, verified: PHOTO_NAMES.length - 1, ok: false });
			expect(deep.targets[0]?.problems).toEqual([expect.objectContaining({ remotePath: "Photos/big.jpg", fault: "corrupt", requeued: true })]);
			expect((await fixture.manifest()).find((e) => e.remotePath === "Photos/big.jpg")).toMatchObject({ fault: "corrupt" });

			const backup = await fixture.engine().backup.backup();
			expect(backup.targets[0]).toMatchObject({ uploaded: 1, upToDate: true });
			const original = sha256(await readFile(join(fixture.root, "Photos/big.jpg")));
			const beside = `Photos/big.${original.slice(0, 8)}.jpg`;
			expect(sha256(await readFile(join(dir, beside)))).toBe(original);
			// The damaged file is kept as it was (compared by hash: a deep equality over 3 MB takes vitest half a minute).
			expect(sha256(await readFile(path))).toBe(sha256(damaged));
			const after = await fixture.engine().verify.verify({ deep: true });
			expect(after.targets[0]).toMatchObject({ ok: true, problems: [], replaced: [{ remotePath: "Photos/big.jpg", fault: "corrupt", replacedBy: beside }] });
			expect(await readFile(join(fixture.root, "Photo Notes/Photos/big.jpg.md"), "utf8")).toContain(`| NAS | Backed up | ${beside}`);
		});

		it("sampled: 25% a run reads every copy within 4 runs, each run reading only its share", async () => {
			const { fixture, proxy } = await backedUp();
			const read = new Set<string>();
			for (let run = 1; run <= 4; run++) {
				proxy.reset();
				const summary = await fixture.engine().verify.verify({ samplePercent: 25 });
				expect(summary.targets[0]).toMatchObject({ read: 2, verified: 2, ok: true, samplePercent: 25 });
				const photos = proxy.requests.filter((r) => r.method === "GET" && !r.path.includes(".photo-archivist"));
				for (const r of photos) read.add(decodeURIComponent(r.path).replace(/^.*?\/Photos\//, "Photos/"));
				expect(new Set(photos.map((r) => r.path)).size).toBe(2);
			}
			expect([...read].sort()).toEqual([...PHOTO_NAMES].sort());
			expect((await fixture.manifest()).every((e) => e.verifiedAt !== undefined)).toBe(true);
		});

		it("reports files on the server that are not ours and leaves them alone", async () => {
			const { fixture, dir } = await backedUp();
			await writeFile(join(dir, "Photos/holiday plan.txt"), "mine");
			await writeFile(join(dir, "Photos/2024/IMG_9.jpg"), "another program's photo");
			const summary = await fixture.engine().verify.verify();
			expect(summary.targets[0]).toMatchObject({
				ok: true,
				extra: [{ remotePath: "Photos/2024/IMG_9.jpg", size: 23 }, { remotePath: "Photos/holiday plan.txt", size: 4 }],
			});
			expect(await readFile(join(dir, "Photos/holiday plan.txt"), "utf8")).toBe("mine");
			expect(await readFile(join(dir, "Photos/2024/IMG_9.jpg"), "utf8")).toBe("another program's photo");
		});
	});
}
