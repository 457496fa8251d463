import { describe, expect, it } from "vitest";
import { conflictPath } from "../../../src/core/backup/remote-path";
import { TRANSIENT_STREAK_LIMIT } from "../../../src/core/backup/run-backup";
import { TargetError } from "../../../src/core/model/target-error";
import { RunFixture, deferred, until } from "./run-fixture";

describe("runBackupPlan", () => {
	it("uploads each new photo byte for byte, records it, updates its note, leaves no temporary behind", async () => {
		const f = new RunFixture();
		const records = f.photos({ "Photos/a.jpg": "alpha bytes", "Photos/b.jpg": "beta" });
		const result = await f.run(records);
		expect(result).toMatchObject({ uploaded: 2, skipped: 0, bytes: 15, failed: [], conflicts: [], upToDate: true });
		expect(f.text("Photos/a.jpg")).toBe("alpha bytes");
		expect([...f.target.files.keys()].sort()).toEqual(["Photos/a.jpg", "Photos/b.jpg"]);
		expect(f.store.manifest.at("Photos/a.jpg")).toMatchObject({ sha256: records[0]?.sha256, size: 11, localPath: "Photos/a.jpg", uploadedAt: "2024-07-02T10:15:00.000Z" });
		expect(f.store.manifest.at("Photos/a.jpg")?.etag).toMatch(/^".+"$/);
		expect(f.landed.sort()).toEqual(["Photos/a.jpg", "Photos/b.jpg"]);
		expect(f.progress.at(-1)).toMatchObject({ filesDone: 2, filesTotal: 2, bytesDone: 15, bytesTotal: 15 });
	});

	it("keeps at most `concurrency` uploads in flight", async () => {
		const f = new RunFixture();
		f.concurrency = 3;
		const held: Array<() => void> = [];
		f.target.hold = () => new Promise<void>((resolve) => held.push(resolve));
		const records = f.photos(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`p/${i}.jpg`, `photo ${i}`])));
		const running = f.run(records);
		for (let released = 0; released < 8; released++) {
			// The window refills as each upload ends: three in flight while three or more are left.
			await until(() => held.length === Math.min(8, released + 3) && f.target.inFlight === Math.min(3, 8 - released), "the window to refill");
			held[released]?.();
		}
		expect(await running).toMatchObject({ uploaded: 8, upToDate: true });
		expect(f.target.maxInFlight).toBe(3);
	});

	it("stops the target on a wrong password: a clear message, nothing retried, no further request", async () => {
		const f = new RunFixture();
		f.target.fail({ op: "put", path: "p/b.jpg", error: () => new TargetError("auth", "wrong user name or password for nas.local") });
		const result = await f.run(f.photos({ "p/a.jpg": "a", "p/b.jpg": "b", "p/c.jpg": "c", "p/d.jpg": "d" }));
		expect(result).toMatchObject({ uploaded: 1, stopped: "wrong user name or password for nas.local", failed: [], upToDate: false });
		expect(f.target.calls.filter((c) => c.op === "put").map((c) => c.path)).toEqual(["p/a.jpg", "p/b.jpg"]);
		expect(f.progress.at(-1)).toMatchObject({ filesDone: 2, filesTotal: 2 });
	});

	it("fails one file on a lasting transient error and goes on; stops after several in a row", async () => {
		const f = new RunFixture();
		f.target.fail({ op: "put", path: "p/b.jpg", error: () => new TargetError("transient", "503 Service Unavailable") });
		const one = await f.run(f.photos({ "p/a.jpg": "a", "p/b.jpg": "b", "p/c.jpg": "c" }));
		expect(one).toMatchObject({ uploaded: 2, failed: [{ path: "p/b.jpg", reason: "503 Service Unavailable" }], upToDate: false });
		expect(one.stopped).toBeUndefined();

		const g = new RunFixture();
		g.target.fail({ op: "put", error: () => new TargetError("transient", "connection reset"), times: 100 });
		const many = await g.run(g.photos(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p/${i}.jpg`, `${i}`]))));
		expect(many.failed).toHaveLength(TRANSIENT_STREAK_LIMIT);
		expect(many.stopped).toMatch(/stopped answering \(connection reset\)/);
		expect(g.target.count("put")).toBe(TRANSIENT_STREAK_LIMIT);
	});

	it("fails a file the server refuses, with the server's reason, and backs up the rest", async () => {
		const f = new RunFixture();
		f.target.fail({ op: "put", path: "p/a.jpg", error: () => new TargetError("refused", "415 the server refuses this kind of file") });
		const result = await f.run(f.photos({ "p/a.jpg": "a", "p/b.jpg": "b" }));
		expect(result).toMatchObject({ uploaded: 1, failed: [{ path: "p/a.jpg", reason: "415 the server refuses this kind of file" }] });
	});

	it("keeps both when the server holds other content under the name, and reports it", async () => {
		const f = new RunFixture();
		const [record] = f.photos({ "p/a.jpg": "ours" });
		f.target.place("p/a.jpg", "theirs");
		const result = await f.run([record!]);
		const keptAs = conflictPath("p/a.jpg", record!.sha256);
		expect(result).toMatchObject({ uploaded: 1, conflicts: [{ path: "p/a.jpg", remotePath: "p/a.jpg", keptAs }], upToDate: true });
		expect(f.text("p/a.jpg")).toBe("theirs");
		expect(f.text(keptAs)).toBe("ours");
		expect(f.store.manifest.at(keptAs)?.sha256).toBe(record!.sha256);
		expect(f.store.manifest.at("p/a.jpg")).toBeUndefined();
	});

	it("keeps both also when the other content has the same size (it reads it back to compare)", async () => {
		const f = new RunFixture();
		const [record] = f.photos({ "p/a.jpg": "ours" });
		f.target.place("p/a.jpg", "them");
		const result = await f.run([record!]);
		expect(result.conflicts).toHaveLength(1);
		expect(f.target.count("read")).toBe(1);
		expect(f.text("p/a.jpg")).toBe("them");
	});

	it("adopts an identical file already on the server (an upload whose manifest entry was lost) without sending it", async () => {
		const f = new RunFixture();
		const [record] = f.photos({ "p/a.jpg": "same bytes" });
		f.target.place("p/a.jpg", "same bytes");
		const result = await f.run([record!]);
		expect(result).toMatchObject({ uploaded: 0, skipped: 1, bytes: 0, conflicts: [], upToDate: true });
		expect(f.store.manifest.at("p/a.jpg")?.sha256).toBe(record!.sha256);
		expect(f.landed).toEqual(["p/a.jpg"]);
	});

	it("uploads a photo again when it changed while uploading, and keeps no mixed copy", async () => {
		const f = new RunFixture();
		const [record] = f.photos({ "p/a.jpg": "version one!" });
		let streams = 0;
		f.files.onStreamChunk = (path, index) => {
			if (index === 0) streams++;
			// Half-way through the first upload, the photo is saved again (same size, other bytes).
			if (streams === 1 && index === 2) f.files.write(path, "VERSION TWO!");
		};
		const result = await f.run([record!]);
		expect(result).toMatchObject({ uploaded: 1, failed: [], upToDate: true });
		expect(f.reindexed).toEqual(["p/a.jpg"]);
		expect([...f.target.files.keys()]).toEqual(["p/a.jpg"]);
		expect(f.text("p/a.jpg")).toBe("VERSION TWO!");
		expect(f.store.manifest.at("p/a.jpg")?.sha256).toBe(f.files.record("p/a.jpg").sha256);
	});

	it("uploads again a photo that grew while uploading (the target's size check failed)", async () => {
		const f = new RunFixture();
		const [record] = f.photos({ "p/a.mov": "short" });
		f.files.onStreamChunk = (path, index) => {
			if (index === 1 && f.files.files.get(path)?.bytes.length === 5) f.files.write(path, "a longer video now");
		};
		const result = await f.run([record!]);
		expect(result).toMatchObject({ uploaded: 1, failed: [] });
		expect(f.text("p/a.mov")).toBe("a longer video now");
	});

	it("gives up on a photo that keeps changing, for this run, and says so", async () => {
		const f = new RunFixture();
		const [record] = f.photos({ "p/a.jpg": "0000" });
		let n = 0;
		f.files.onStreamChunk = (path, index) => {
			if (index === 1) f.files.write(path, String(++n).padStart(4, "0"));
		};
		const result = await f.run([record!]);
		expect(result.failed).toEqual([{ path: "p/a.jpg", reason: "the file kept changing while it was uploaded: it will be backed up on the next run" }]);
		expect(f.target.files.size).toBe(0);
		expect(f.store.manifest.size).toBe(0);
	});

	it("uploads the photo as it is now when it changed after indexing", async () => {
		const f = new RunFixture();
		const [record] = f.photos({ "p/a.jpg": "old" });
		f.files.write("p/a.jpg", "new content");
		const result = await f.run([record!]);
		expect(result.uploaded).toBe(1);
		expect(f.text("p/a.jpg")).toBe("new content");
		expect(f.store.manifest.at("p/a.jpg")?.size).toBe(11);
	});

	it("fails a photo deleted from the vault before its turn, with a plain reason", async () => {
		const f = new RunFixture();
		const records = f.photos({ "p/a.jpg": "a", "p/b.jpg": "b" });
		f.files.files.delete("p/a.jpg");
		const result = await f.run(records);
		expect(result).toMatchObject({ uploaded: 1, failed: [{ path: "p/a.jpg", reason: "the file is no longer in the vault" }] });
	});

	it("fails photos above the mobile limit with what to do instead, and sends nothing of them", async () => {
		const f = new RunFixture();
		const records = f.photos({ "v.mov": "x", "a.jpg": "a" }).map((r) => (r.path === "v.mov" ? { ...r, size: 80_000_000 } : r));
		const result = await f.run(records, { plan: { maxFileBytes: 50_000_000 } });
		expect(result).toMatchObject({ uploaded: 1, upToDate: false });
		expect(result.failed).toEqual([{ path: "v.mov", reason: "larger than 50 MB: back it up from Obsidian on a computer or with the photo-archivist CLI" }]);
		expect(f.target.calls.filter((c) => c.op === "put").map((c) => c.path)).toEqual(["a.jpg"]);
	});
});

describe("pause, resume and cancel", () => {
	it("pausing lets the upload in flight finish and starts no other until resumed", async () => {
		const f = new RunFixture();
		const first = deferred();
		f.target.hold = (path) => (path === "p/0.jpg" ? first.promise : Promise.resolve());
		const running = f.run(f.photos({ "p/0.jpg": "0", "p/1.jpg": "1", "p/2.jpg": "2" }));
		await until(() => f.target.inFlight === 1, "the first upload to start");
		f.gate.pause();
		first.resolve();
		await until(() => f.gate.waiting === 1, "the next upload to wait at the gate");
		expect(f.landed).toEqual(["p/0.jpg"]);
		expect(f.target.count("put")).toBe(1);
		f.gate.resume();
		expect(await running).toMatchObject({ uploaded: 3, upToDate: true });
	});

	it("cancelling aborts the uploads in flight, keeps what landed, and reports no failure", async () => {
		const f = new RunFixture();
		f.concurrency = 2;
		const controller = new AbortController();
		f.target.hold = (path) => (path === "p/0.jpg" ? Promise.resolve() : new Promise(() => {}));
		f.onLanded = () => controller.abort();
		const result = await f.run(f.photos({ "p/0.jpg": "0", "p/1.jpg": "1", "p/2.jpg": "2", "p/3.jpg": "3" }), { signal: controller.signal });
		expect(result).toMatchObject({ uploaded: 1, failed: [], upToDate: false });
		expect(result.stopped).toBeUndefined();
		expect(f.target.count("put")).toBe(2);
		expect([...f.target.files.keys()]).toEqual(["p/0.jpg"]);
		expect(f.data.files.size).toBe(1);
	});

	it("cancelling while paused ends the run without starting anything", async () => {
		const f = new RunFixture();
		const controller = new AbortController();
		f.gate.pause();
		const running = f.run(f.photos({ "p/0.jpg": "0" }), { signal: controller.signal });
		await until(() => f.gate.waiting === 1, "the upload to wait at the gate");
		controller.abort();
		expect(await running).toMatchObject({ uploaded: 0, failed: [], upToDate: false });
		expect(f.target.count("put")).toBe(0);
	});
});
