import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestFileName } from "../../../src/core/backup/manifest-store";
import { parseManifest } from "../../../src/core/backup/manifest";
import { TargetError } from "../../../src/core/model/target-error";
import { frontMatterOf } from "../../support/note-text";
import { jpeg } from "../../support/photos";
import { backupVault, targetConfig, type BackupVault } from "../backup/backup-vault";

/** Three photos in two folders, backed up to the in-memory "nas". */
async function backedUp(): Promise<BackupVault> {
	const vault = await backupVault();
	for (const [i, path] of ["Photos/a.jpg", "Photos/b.jpg", "Photos/2024/c.jpg"].entries()) await vault.write(path, jpeg({ seed: i + 1 }));
	await vault.backupEngine().indexAll();
	const summary = await vault.backupEngine().backup.backup();
	expect(summary.targets[0]).toMatchObject({ uploaded: 3, upToDate: true });
	return vault;
}

async function manifest(vault: BackupVault): Promise<ReturnType<typeof parseManifest>> {
	return parseManifest(await readFile(join(vault.dataFolder, manifestFileName("nas")), "utf8"));
}

const note = (vault: BackupVault, photo: string): Promise<string> => readFile(join(vault.root, `Photo Notes/${photo}.md`), "utf8");

describe("verify: the quick check", () => {
	it("lists each folder once (no request per file) and finds every copy in place", async () => {
		const vault = await backedUp();
		const target = vault.target("nas");
		const calls = target.calls.length;
		const summary = await vault.backupEngine().verify.verify();
		expect(summary.targets[0]).toMatchObject({ copies: 3, present: 3, read: 0, problems: [], extra: [], failed: [], folders: 2, requests: 2, ok: true });
		expect(target.calls.slice(calls)).toEqual([{ op: "list", path: "Photos" }, { op: "list", path: "Photos/2024" }].sort((a, b) => (a.path < b.path ? -1 : 1)));
	});

	it("finds a deleted copy missing, says so in the note, and the next backup puts it back at its place", async () => {
		const vault = await backedUp();
		const target = vault.target("nas");
		target.files.delete("Photos/b.jpg");
		const summary = await vault.backupEngine().verify.verify();
		expect(summary.targets[0]?.ok).toBe(false);
		expect(summary.targets[0]?.problems).toEqual([expect.objectContaining({
			remotePath: "Photos/b.jpg", fault: "missing", detail: "not on the server", photos: ["Photos/b.jpg"], requeued: true,
		})]);
		expect((await manifest(vault)).find((e) => e.remotePath === "Photos/b.jpg")).toMatchObject({ fault: "missing", faultAt: "2024-07-02T10:15:00.000Z" });
		const text = await note(vault, "Photos/b.jpg");
		expect(text).toContain("| NAS | Missing on NAS | Photos/b.jpg, uploaded 2024-07-02 10:15 UTC, found 2024-07-02 10:15 UTC; uploaded again by the next backup |");
		expect(frontMatterOf(text)).toMatchObject({ backup: "0/1" });

		const again = await vault.backupEngine().backup.backup();
		expect(again.targets[0]).toMatchObject({ uploaded: 1, skipped: 2, upToDate: true });
		expect(Buffer.from(target.bytes("Photos/b.jpg") ?? [])).toEqual(await readFile(join(vault.root, "Photos/b.jpg")));
		expect((await manifest(vault)).find((e) => e.remotePath === "Photos/b.jpg")?.fault).toBeUndefined();
		expect((await vault.backupEngine().verify.verify()).targets[0]).toMatchObject({ ok: true, problems: [] });
		expect(frontMatterOf(await note(vault, "Photos/b.jpg"))).toMatchObject({ backup: "1/1" });
	});

	it("finds a copy of another size, and reports extra files without touching them", async () => {
		const vault = await backedUp();
		const target = vault.target("nas");
		target.place("Photos/a.jpg", (target.bytes("Photos/a.jpg") ?? new Uint8Array()).slice(0, 100));
		target.place("Photos/stranger.jpg", "not ours");
		target.place("Photos/.b.jpg.pa-partial", "half an upload");
		const summary = await vault.backupEngine().verify.verify();
		expect(summary.targets[0]?.problems).toEqual([expect.objectContaining({ remotePath: "Photos/a.jpg", fault: "wrong-size" })]);
		expect(summary.targets[0]?.problems[0]?.detail).toMatch(/^100 bytes instead of [\d,]+ bytes$/);
		expect(summary.targets[0]?.extra).toEqual([{ remotePath: "Photos/stranger.jpg", size: 8 }]);
		expect(new TextDecoder().decode(target.bytes("Photos/stranger.jpg"))).toBe("not ours");
		// Only the target's own manifest copy is ever replaced.
		expect(target.calls.filter((c) => c.op === "remove" && !c.path.startsWith(".photo-archivist/"))).toEqual([]);
	});

	it("says the original is gone too when a missing copy cannot be uploaded again", async () => {
		const vault = await backedUp();
		vault.target("nas").files.delete("Photos/a.jpg");
		await rm(join(vault.root, "Photos/a.jpg"));
		await vault.backupEngine().indexAll();
		const summary = await vault.backupEngine().verify.verify();
		expect(summary.targets[0]?.problems).toEqual([expect.objectContaining({ remotePath: "Photos/a.jpg", requeued: false })]);
	});

	it("stops a target that refuses the password, and goes on with the others", async () => {
		const vault = await backedUp();
		const targets = [targetConfig("nas"), targetConfig("ssd")];
		await vault.backupEngine({ targets }).backup.backup();
		vault.target("nas").fail({ op: "list", error: () => new TargetError("auth", "wrong password for NAS"), times: 10 });
		const summary = await vault.backupEngine({ targets }).verify.verify();
		expect(summary.targets.map((t) => [t.targetId, t.stopped, t.ok])).toEqual([["nas", "wrong password for NAS", false], ["ssd", undefined, true]]);
	});

	it("refuses a share outside 0–100 percent and an unknown target, in plain words", async () => {
		const vault = await backedUp();
		await expect(vault.backupEngine().verify.verify({ deep: true, samplePercent: 0 })).rejects.toThrow(/above 0 and at most 100/);
		await expect(vault.backupEngine().verify.verify({ targetIds: ["cloud"] })).rejects.toThrow(/no backup target with id "cloud" \(known: nas\)/);
	});
});

describe("verify: the thorough check", () => {
	it("passes a copy with one flipped byte in the quick check, finds it corrupt, and the next backup stores it beside", async () => {
		const vault = await backedUp();
		const target = vault.target("nas");
		const damaged = (target.bytes("Photos/a.jpg") ?? new Uint8Array()).slice();
		damaged[200] = (damaged[200] ?? 0) ^ 0xff;
		target.place("Photos/a.jpg", damaged);
		expect((await vault.backupEngine().verify.verify()).targets[0]).toMatchObject({ ok: true, problems: [] });

		const deep = await vault.backupEngine().verify.verify({ deep: true });
		expect(deep.targets[0]).toMatchObject({ read: 3, verified: 2, ok: false });
		expect(deep.targets[0]?.problems).toEqual([expect.objectContaining({ remotePath: "Photos/a.jpg", fault: "corrupt", requeued: true })]);
		const entries = await manifest(vault);
		expect(entries.find((e) => e.remotePath === "Photos/b.jpg")?.verifiedAt).toBe("2024-07-02T10:15:00.000Z");
		expect(entries.find((e) => e.remotePath === "Photos/a.jpg")).toMatchObject({ fault: "corrupt" });
		expect(await note(vault, "Photos/a.jpg")).toContain("| NAS | Corrupt on NAS |");
		expect(await note(vault, "Photos/b.jpg")).toContain("verified 2024-07-02 10:15 UTC");

		const again = await vault.backupEngine().backup.backup();
		expect(again.targets[0]).toMatchObject({ uploaded: 1, upToDate: true });
		const sha = entries.find((e) => e.remotePath === "Photos/a.jpg")?.sha256 ?? "";
		const beside = `Photos/a.${sha.slice(0, 8)}.jpg`;
		expect(Buffer.from(target.bytes(beside) ?? [])).toEqual(await readFile(join(vault.root, "Photos/a.jpg")));
		expect(target.bytes("Photos/a.jpg")).toEqual(damaged);
		const after = await vault.backupEngine().verify.verify({ deep: true });
		expect(after.targets[0]).toMatchObject({ ok: true, problems: [], replaced: [{ remotePath: "Photos/a.jpg", fault: "corrupt", replacedBy: beside }], extra: [] });
		expect(await note(vault, "Photos/a.jpg")).toContain(`| NAS | Backed up | ${beside}`);
	});

	it("with a sample, reads a share of the copies per run and every copy over successive runs", async () => {
		const vault = await backupVault();
		for (let i = 0; i < 8; i++) await vault.write(`Photos/${i}.jpg`, jpeg({ seed: i + 1 }));
		await vault.backupEngine().indexAll();
		await vault.backupEngine().backup.backup();
		const target = vault.target("nas");
		const read = new Set<string>();
		for (let run = 0; run < 4; run++) {
			const calls = target.calls.length;
			const summary = await vault.backupEngine().verify.verify({ samplePercent: 25 });
			expect(summary.targets[0]).toMatchObject({ deep: true, read: 2, verified: 2, samplePercent: 25, ok: true });
			const paths = new Set(target.calls.slice(calls).filter((c) => c.op === "read" && c.path.startsWith("Photos/")).map((c) => c.path));
			expect(paths.size).toBe(2);
			for (const path of paths) {
				expect(read.has(path), `${path} read twice within one rotation`).toBe(false);
				read.add(path);
			}
		}
		expect([...read].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `Photos/${i}.jpg`));
		expect((await manifest(vault)).every((e) => e.verifiedAt !== undefined)).toBe(true);
	});

	it("reports a copy that cannot be read as unchecked, not as damaged", async () => {
		const vault = await backedUp();
		vault.target("nas").fail({ op: "read", path: "Photos/b.jpg", error: () => new TargetError("transient", "connection reset"), times: 1 });
		const summary = await vault.backupEngine().verify.verify({ deep: true });
		expect(summary.targets[0]).toMatchObject({ ok: false, problems: [], verified: 2, failed: [{ path: "Photos/b.jpg", reason: "could not be read: connection reset" }] });
	});
});
