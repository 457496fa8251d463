import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestFileName } from "../../../src/core/backup/manifest-store";
import { REMOTE_MANIFEST, readRemoteManifest } from "../../../src/core/backup/remote-manifest";
import { TargetError } from "../../../src/core/model/target-error";
import { SECTION_END } from "../../../src/core/notes/generated-section";
import { frontMatterOf } from "../../support/note-text";
import { jpeg } from "../../support/photos";
import { snapshot } from "../../support/snapshot";
import { backupVault, targetConfig } from "./backup-vault";
import { until } from "./run-fixture";

const NOTE = "Photo Notes/Photos/a.jpg.md";

async function vaultWithPhotos(count: number): Promise<Awaited<ReturnType<typeof backupVault>>> {
	const vault = await backupVault();
	for (let i = 0; i < count; i++) await vault.write(`Photos/${String.fromCharCode(97 + i)}.jpg`, jpeg({ seed: i + 1 }));
	await vault.backupEngine().indexAll();
	return vault;
}

describe("backup service: a run over the engine's index", () => {
	it("backs every photo up, byte for byte, and says the target is up to date", async () => {
		const vault = await vaultWithPhotos(3);
		const summary = await vault.backupEngine().backup.backup();
		expect(summary).toEqual({
			cancelled: false,
			targets: [{ targetId: "nas", name: "NAS", uploaded: 3, skipped: 0, bytes: expect.any(Number), failed: [], conflicts: [], upToDate: true }],
		});
		const original = await readFile(join(vault.root, "Photos/b.jpg"));
		expect(Buffer.from(vault.target("nas").bytes("Photos/b.jpg") ?? [])).toEqual(original);
		expect(await readRemoteManifest(vault.target("nas"))).toHaveLength(3);
	});

	it("shows each copy in the photo's note, with `backup: 1/2`, and leaves the user's text alone", async () => {
		const vault = await vaultWithPhotos(1);
		const notePath = join(vault.root, NOTE);
		const edited = (await readFile(notePath, "utf8")).replace(/^---\n/, "---\nmood: happy\n") + "\nGrandma's 80th birthday.\n";
		await writeFile(notePath, edited);
		vault.target("cloud").fail({ op: "put", error: () => new TargetError("auth", "wrong password for the cloud"), times: 10 });
		const targets = [targetConfig("nas", { name: "Home NAS" }), targetConfig("cloud", { name: "Cloud" }), targetConfig("old", { enabled: false })];
		const summary = await vault.backupEngine({ targets }).backup.backup();
		expect(summary.targets.map((t) => [t.targetId, t.uploaded, t.stopped])).toEqual([["nas", 1, undefined], ["cloud", 0, "wrong password for the cloud"]]);
		const text = await readFile(notePath, "utf8");
		expect(frontMatterOf(text)).toMatchObject({ mood: "happy", backup: "1/2", backup_targets: ["Home NAS"] });
		expect(text).toContain("| Home NAS | Backed up | Photos/a.jpg, uploaded 2024-07-02 10:15 UTC |");
		expect(text).toContain("Grandma's 80th birthday.");
		expect(text.split(SECTION_END)[1]).toBe(edited.split(SECTION_END)[1]);
	});

	it("sends nothing and writes nothing when nothing changed: no request to the target at all", async () => {
		const vault = await vaultWithPhotos(3);
		await vault.backupEngine().backup.backup();
		const target = vault.target("nas");
		const calls = target.calls.length;
		const before = await snapshot(vault.root);
		const again = await vault.backupEngine().backup.backup();
		expect(again.targets[0]).toMatchObject({ uploaded: 0, skipped: 3, upToDate: true });
		expect(target.calls.slice(calls)).toEqual([]);
		expect(await snapshot(vault.root)).toEqual(before);
		const reindexed = await vault.backupEngine().indexAll();
		expect(reindexed).toMatchObject({ unchanged: 3, updated: 0 });
		expect(await snapshot(vault.root)).toEqual(before);
	});

	it("keeps the Backups rows through a forced re-index, writing nothing", async () => {
		const vault = await vaultWithPhotos(1);
		await vault.backupEngine().backup.backup();
		const before = await vault.read(NOTE);
		expect(await vault.backupEngine().reindex(["Photos/a.jpg"])).toMatchObject({ updated: 0, unchanged: 1 });
		expect(await vault.read(NOTE)).toBe(before);
	});

	it("after a run that was killed before its manifest was saved, the next run sends only what is missing", async () => {
		const vault = await vaultWithPhotos(5);
		const target = vault.target("nas");
		const controller = new AbortController();
		let landed = 0;
		target.onStored = () => {
			if (++landed === 2) controller.abort();
		};
		// The data folder refuses the manifest, as if the process died before the batch was saved.
		const dying = vault.backupEngine({ data: (store) => ({ ...store, read: (n) => store.read(n), readBytes: (n) => store.readBytes(n), writeBytes: (n, b) => store.writeBytes(n, b), remove: (n) => store.remove(n), write: (n, t) => (n === manifestFileName("nas") ? Promise.reject(new Error("killed")) : store.write(n, t)) }) });
		const first = await dying.backup.backup({ signal: controller.signal });
		expect(first.cancelled).toBe(true);
		const landedFirst = [...target.files.keys()].filter((p) => p.startsWith("Photos/"));
		expect(landedFirst.length).toBeGreaterThan(0);
		expect(landedFirst.length).toBeLessThan(5);
		target.onStored = undefined;
		const puts = target.count("put");
		const second = await vault.backupEngine().backup.backup();
		expect(second.targets[0]).toMatchObject({ uploaded: 5 - landedFirst.length, skipped: landedFirst.length, conflicts: [], upToDate: true });
		expect(target.count("put") - puts).toBe(5 + 1);
		expect([...target.files.keys()].filter((p) => p.startsWith("Photos/")).sort()).toEqual(["a", "b", "c", "d", "e"].map((n) => `Photos/${n}.jpg`));
		const third = await vault.backupEngine().backup.backup();
		expect(third.targets[0]).toMatchObject({ uploaded: 0, skipped: 5 });
	});

	it("on a new device (no manifest in the data folder) learns what is there from the target's copy", async () => {
		const vault = await vaultWithPhotos(2);
		await vault.backupEngine().backup.backup();
		await rm(join(vault.dataFolder, manifestFileName("nas")));
		const target = vault.target("nas");
		const calls = target.calls.length;
		const engine = vault.backupEngine();
		const summary = await engine.backup.backup();
		expect(summary.targets[0]).toMatchObject({ uploaded: 0, skipped: 2, upToDate: true });
		expect(target.calls.slice(calls)).toEqual([{ op: "read", path: REMOTE_MANIFEST }]);
		expect(frontMatterOf(await vault.read(NOTE))).toMatchObject({ backup: "1/1" });
		await engine.backup.backup();
		await vault.backupEngine().backup.backup();
		expect(target.calls.slice(calls + 1)).toEqual([]);
	});

	it("never deletes a backup when its photo is deleted from the vault", async () => {
		const vault = await vaultWithPhotos(2);
		await vault.backupEngine().backup.backup();
		await rm(join(vault.root, "Photos/a.jpg"));
		const engine = vault.backupEngine();
		expect(await engine.indexAll()).toMatchObject({ missing: 1 });
		const summary = await engine.backup.backup();
		expect(summary.targets[0]).toMatchObject({ uploaded: 0, failed: [], upToDate: true });
		expect(vault.target("nas").calls.filter((c) => c.op === "remove" && !c.path.startsWith(".photo-archivist/"))).toEqual([]);
		expect(vault.target("nas").files.has("Photos/a.jpg")).toBe(true);
		const note = await vault.read(NOTE);
		expect(frontMatterOf(note)).toMatchObject({ original: "missing", backup: "1/1" });
		expect(note).toContain("| NAS | Backed up | Photos/a.jpg");
	});

	it("runs one backup at a time: a second call waits and finds nothing left to do", async () => {
		const vault = await vaultWithPhotos(3);
		const engine = vault.backupEngine();
		const [one, two] = await Promise.all([engine.backup.backup(), engine.backup.backup()]);
		expect(one.targets[0]).toMatchObject({ uploaded: 3 });
		expect(two.targets[0]).toMatchObject({ uploaded: 0, skipped: 3 });
		expect(vault.target("nas").maxInFlight).toBeLessThanOrEqual(4);
	});

	it("backs up only the photos and targets asked for, and names an unknown target", async () => {
		const vault = await vaultWithPhotos(3);
		const engine = vault.backupEngine({ targets: [targetConfig("nas"), targetConfig("ssd", { enabled: false })] });
		const summary = await engine.backup.backup({ photoPaths: ["Photos/b.jpg"], targetIds: ["ssd"] });
		expect(summary.targets).toMatchObject([{ targetId: "ssd", uploaded: 1 }]);
		expect([...vault.target("ssd").files.keys()].filter((p) => p.startsWith("Photos/"))).toEqual(["Photos/b.jpg"]);
		await expect(engine.backup.backup({ targetIds: ["usb"] })).rejects.toThrow('no backup target with id "usb" (known: nas, ssd)');
	});

	it("says why a target that cannot be opened or is incomplete was not backed up", async () => {
		const vault = await vaultWithPhotos(1);
		const summary = await vault.backupEngine({ targets: [targetConfig("nas", { path: undefined })] }).backup.backup();
		expect(summary.targets[0]).toMatchObject({ upToDate: false, stopped: '"NAS" has no folder: set one in the backup settings' });
	});

	it("pauses only while a run is in progress, and resumes", async () => {
		const vault = await vaultWithPhotos(2);
		const engine = vault.backupEngine({ targets: [targetConfig("nas", { concurrency: 1 })] });
		engine.backup.pause();
		expect(engine.backup.paused).toBe(false);
		const progress: boolean[] = [];
		vault.target("nas").hold = () => {
			if (!engine.backup.paused) engine.backup.pause();
			return Promise.resolve();
		};
		const running = engine.backup.backup({ onProgress: (p) => progress.push(p.paused) });
		expect(engine.backup.running).toBe(true);
		// Paused from inside the first upload: it finishes (its note says so), the second does not start.
		await until(() => progress.includes(true) && vault.target("nas").files.has("Photos/a.jpg"), "the run to pause during its first upload");
		const note = (): Promise<string> => vault.read(NOTE);
		for (let i = 0; i < 1000 && !(await note()).includes("backup: 1/1"); i++) await new Promise((resolve) => setImmediate(resolve));
		expect(engine.backup.paused).toBe(true);
		expect(vault.target("nas").count("put")).toBe(1);
		engine.backup.resume();
		const summary = await running;
		expect(summary.targets[0]).toMatchObject({ uploaded: 2 });
		expect(progress).toContain(true);
		expect(engine.backup.running).toBe(false);
		expect(engine.backup.paused).toBe(false);
	});

	it("tests a target through the connection check it was given", async () => {
		const vault = await vaultWithPhotos(0);
		const engine = vault.backupEngine({
			testConnection: (target, id) => Promise.resolve({ targetId: id, ok: target === vault.target("nas"), checks: [] }),
		});
		expect(await engine.backup.testTarget("nas")).toEqual({ targetId: "nas", ok: true, checks: [] });
		expect(await engine.backup.testTarget("nope")).toMatchObject({ ok: false, checks: [{ message: 'no backup target with id "nope"' }] });
	});

	it("reports a refusal while opening (an encrypted target's wrong passphrase) as a credentials failure, not an unreachable server", async () => {
		const vault = await backupVault();
		const engine = vault.backupEngine({
			openTarget: () => Promise.reject(new TargetError("auth", "The passphrase does not open the files already on this target.")),
			testConnection: () => Promise.reject(new Error("not reached")),
		});
		expect(await engine.backup.testTarget("nas")).toEqual({
			targetId: "nas",
			ok: false,
			checks: [
				{ name: "reach", ok: true, message: "Reached it." },
				{ name: "credentials", ok: false, message: "The passphrase does not open the files already on this target." },
			],
		});
	});
});
