// Restore and free-up-space against real WebDAV servers (Apache mod_dav, rclone serve webdav): bytes come back identical, hostile paths write nothing outside.
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeManifest, type ManifestEntry } from "../../src/core/backup/manifest";
import { createNodeLocalFs } from "../../src/adapters/node/node-local-fs";
import type { TargetConfig } from "../../src/core/model/target-config";
import { localFolderDestination } from "../../src/core/restore/local-folder";
import { startApache } from "../servers/apache";
import type { DavServer } from "../servers/dav-server";
import { startRcloneServe } from "../servers/rclone-serve";
import { requireBinary } from "../servers/require-binary";
import { tempDir } from "../support/temp-dir";
import { PHOTOS, restoreFixture, sha256, type RestoreFixture } from "./restore-fixture";

const servers: Array<[string, string[], () => Promise<DavServer>]> = [
	["Apache mod_dav", ["apache2", "httpd"], () => startApache()],
	["rclone serve webdav", ["rclone"], () => startRcloneServe()],
];

const DAY = 24 * 60 * 60 * 1000;

async function filesUnder(dir: string): Promise<string[]> {
	const out: string[] = [];
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) out.push(join(entry.parentPath, entry.name).slice(dir.length + 1).split("\\").join("/"));
	}
	return out.sort();
}

for (const [name, binaries, start] of servers) {
	describe.skipIf(requireBinary(...binaries) === null)(`restore from ${name}`, () => {
		let server: DavServer;
		beforeAll(async () => {
			server = await start();
		});
		afterAll(async () => {
			await server?.dispose();
		});

		async function target(id: string): Promise<{ config: TargetConfig; dir: string }> {
			const folder = await server.folder(id);
			return {
				config: { id, name: id.toUpperCase(), kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled: true, url: folder.url, username: server.username },
				dir: folder.dir,
			};
		}

		async function backedUp(ids: string[]): Promise<{ fixture: RestoreFixture; dirs: string[] }> {
			const made = await Promise.all(ids.map((id) => target(id)));
			const fixture = await restoreFixture(made.map((m) => m.config), server.password);
			const summary = await fixture.engine().backup.backup();
			for (const t of summary.targets) expect(t).toMatchObject({ uploaded: PHOTOS.length, failed: [], upToDate: true });
			return { fixture, dirs: made.map((m) => m.dir) };
		}

		it("puts deleted originals back byte for byte, and their notes lose the missing mark", async () => {
			const { fixture } = await backedUp(["nas"]);
			const [marked, unnoticed] = [PHOTOS[0] as string, PHOTOS[2] as string];
			await rm(join(fixture.root, marked));
			await rm(join(fixture.root, unnoticed));
			// One is known missing to the index; the other vanished without the index noticing.
			await fixture.engine().reindex([marked]);
			expect(await fixture.properties(marked)).toMatchObject({ original: "missing" });

			const summary = await fixture.engine().restore.restoreMissing();
			expect(summary.failed).toEqual([]);
			expect(summary.restored.map((r) => r.path).sort()).toEqual([marked, unnoticed].sort());
			expect(summary.restored.every((r) => r.target === "NAS" && !r.verifiedCopy)).toBe(true);
			for (const path of PHOTOS) expect(sha256(await readFile(join(fixture.root, path))), path).toBe(sha256(fixture.original(path)));
			expect(await fixture.properties(marked)).not.toHaveProperty("original");
			const engine = fixture.engine();
			await engine.load();
			expect(engine.record(marked)?.missingSince).toBeUndefined();
			expect(await filesUnder(fixture.root)).not.toContainEqual(expect.stringContaining(".pa-restore"));

			const again = await fixture.engine().restore.restoreMissing();
			expect(again).toMatchObject({ restored: [], failed: [], conflicts: [] });
		});

		it("prefers the most recently verified copy, falls back past a damaged one, and never overwrites a different file", async () => {
			const { fixture, dirs } = await backedUp(["one", "two"]);
			const [path, other] = [PHOTOS[1] as string, PHOTOS[3] as string];
			await fixture.editManifest("two", (e) => ({ ...e, verifiedAt: new Date().toISOString() }));
			// The verified copy was damaged since: the restore must notice and take the other target's copy.
			const damaged = join(dirs[1] as string, path);
			const bytes = await readFile(damaged);
			bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff;
			await writeFile(damaged, bytes);
			await rm(join(fixture.root, path));
			await writeFile(join(fixture.root, other), "a different file the user put here");
			await fixture.engine().reindex([path]);

			const summary = await fixture.engine().restore.restoreMissing({ paths: [path, other] });
			expect(summary.restored).toEqual([{ path, target: "ONE", size: fixture.original(path).length, verifiedCopy: false }]);
			expect(sha256(await readFile(join(fixture.root, path)))).toBe(sha256(fixture.original(path)));
			expect(summary.conflicts.map((c) => c.path)).toEqual([other]);
			expect(await readFile(join(fixture.root, other), "utf8")).toBe("a different file the user put here");
		});

		it("rebuilds the library in a new folder from the target's own manifest, on a device that never saw it", async () => {
			const { fixture } = await backedUp(["nas"]);
			const fresh = await restoreFixture(fixture.targets, server.password);
			const into = await tempDir("pa-into-");
			const summary = await fresh.engine().restore.restoreAll({ targetId: "nas", into: localFolderDestination(createNodeLocalFs(), into) });
			expect(summary).toMatchObject({ failed: [], conflicts: [], cancelled: false });
			expect(await filesUnder(into)).toEqual([...PHOTOS].sort());
			for (const path of PHOTOS) expect(sha256(await readFile(join(into, path)))).toBe(sha256(fixture.original(path)));
			const again = await fresh.engine().restore.restoreAll({ targetId: "nas", into: localFolderDestination(createNodeLocalFs(), into) });
			expect(again.identical.sort()).toEqual([...PHOTOS].sort());
		});

		it("a hostile manifest on the server writes nothing outside the chosen folder", async () => {
			const { fixture, dirs } = await backedUp(["nas"]);
			const good = (await fixture.manifest("nas"))[0] as ManifestEntry;
			const hostile = [
				"../escaped.jpg", "../../escaped2.jpg", "/tmp/absolute.jpg", "C:/Windows/x.jpg", "Photos\\..\\..\\back.jpg",
				"%2e%2e/encoded.jpg", "Photos/%252e%252e/double.jpg", "Photos/\uff0e\uff0e/fullwidth.jpg", "Photos/a\u2215..\u2215b.jpg",
				".obsidian/plugins/photo-archivist/main.js", "Photos/nul\u0000.jpg", "Photos//empty.jpg", "./dot.jpg",
			];
			const entries: ManifestEntry[] = [good, ...hostile.map((localPath, i) => ({ ...good, remotePath: `${good.remotePath}`, localPath, uploadedAt: `2030-01-01T00:00:0${i % 10}Z` }))];
			await mkdir(join(dirs[0] as string, ".photo-archivist"), { recursive: true });
			await writeFile(join(dirs[0] as string, ".photo-archivist", "manifest.jsonl"), serializeManifest(entries, "nas"));

			const fresh = await restoreFixture(fixture.targets, server.password);
			const parent = await tempDir("pa-parent-");
			const into = join(parent, "restored");
			const summary = await fresh.engine().restore.restoreAll({ targetId: "nas", into: localFolderDestination(createNodeLocalFs(), into) });
			expect(summary.restored.map((r) => r.path)).toEqual([good.localPath]);
			expect(summary.failed.map((f) => f.path).sort()).toEqual([...hostile].sort());
			for (const f of summary.failed) expect(f.reason).toMatch(/^refused to write/);
			expect(await filesUnder(parent)).toEqual([`restored/${good.localPath}`]);
			await expect(stat("/tmp/absolute.jpg")).rejects.toThrow();
		});

		it("frees up space only where enough fresh verified copies exist; the dry run is what it does; the note keeps saying where the photo is", async () => {
			const now = new Date("2030-06-01T12:00:00Z");
			const { fixture } = await backedUp(["nas", "cloud"]);
			const engine = (): ReturnType<typeof fixture.engine> => fixture.engine(() => now);
			const [fresh, stale, single, unverified] = PHOTOS as [string, string, string, string];
			const shaOf = (path: string): string => sha256(fixture.original(path));
			const verified = (days: number): string => new Date(now.getTime() - days * DAY).toISOString();
			for (const id of ["nas", "cloud"]) {
				await fixture.editManifest(id, (e) => {
					if (e.sha256 === shaOf(fresh)) return { ...e, verifiedAt: verified(3) };
					if (e.sha256 === shaOf(stale)) return { ...e, verifiedAt: verified(id === "nas" ? 2 : 45) };
					if (e.sha256 === shaOf(single) && id === "nas") return { ...e, verifiedAt: verified(1) };
					return e;
				});
			}
			const note = fixture.engine();
			await note.load();
			const notePath = join(fixture.root, note.noteOf(fresh) ?? "?");
			await writeFile(notePath, (await readFile(notePath, "utf8")).replace("## Notes\n", "## Notes\n\nGrandma's birthday.\n"));

			const plan = await engine().restore.planFreeSpace();
			expect(plan.items.map((i) => i.path)).toEqual([fresh]);
			expect(plan.bytes).toBe(fixture.original(fresh).length);
			const kept = new Map(plan.kept.map((k) => [k.path, k.reason]));
			expect(kept.get(stale)).toMatch(/1 of 2 .*CLOUD: last verified 45 days ago/);
			expect(kept.get(single)).toMatch(/1 of 2 .*CLOUD: copy never verified/);
			expect(kept.get(unverified)).toMatch(/0 of 2/);

			const result = await engine().restore.freeSpace(plan);
			expect(result.removed).toEqual(plan.items);
			expect(result).toMatchObject({ bytes: plan.bytes, skipped: [], failed: [] });
			await expect(stat(join(fixture.root, fresh))).rejects.toThrow();
			expect(sha256(await readFile(join(fixture.root, ".trash", fresh)))).toBe(shaOf(fresh));
			const expectOffloaded = async (): Promise<void> => {
				expect(await fixture.properties(fresh)).toMatchObject({ original: "offloaded", backup: "2/2", backup_targets: ["NAS", "CLOUD"] });
				const text = await readFile(notePath, "utf8");
				expect(text).toContain("Original offloaded on");
				expect(text).toContain("Grandma's birthday.");
			};
			await expectOffloaded();
			// A full re-index finds it absent, as expected: still offloaded, never merely "missing".
			expect(await engine().indexAll()).toMatchObject({ missing: 0, failed: [] });
			await expectOffloaded();
			expect((await engine().restore.restoreMissing()).restored).toEqual([]);

			const back = await engine().restore.restoreMissing({ paths: [fresh] });
			expect(back.restored.map((r) => [r.path, r.verifiedCopy])).toEqual([[fresh, true]]);
			expect(sha256(await readFile(join(fixture.root, fresh)))).toBe(shaOf(fresh));
			expect(await fixture.properties(fresh)).not.toHaveProperty("original");
			expect(await readFile(notePath, "utf8")).toContain("Grandma's birthday.");
		});
	});
}
