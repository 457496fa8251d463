import { describe, expect, it } from "vitest";
import { ProgressTracker } from "../../../src/core/backup/backup-progress";
import type { BackupProgress } from "../../../src/core/backup/backup-types";
import { PauseGate } from "../../../src/core/backup/pause-gate";

function tracker(): { t: ProgressTracker; clock: { ms: number }; seen: BackupProgress[] } {
	const clock = { ms: 0 };
	const seen: BackupProgress[] = [];
	return { t: new ProgressTracker({ now: () => clock.ms, emit: (p) => seen.push(p) }), clock, seen };
}

describe("ProgressTracker", () => {
	it("counts files and bytes done of the totals; a retry's bytes count once", () => {
		const { t } = tracker();
		t.addWork(2, 300);
		const a = t.startFile("NAS", "a.jpg", 100);
		a.sent(60);
		a.sent(60);
		a.sent(100);
		expect(t.snapshot()).toMatchObject({ filesDone: 0, bytesDone: 100, targetName: "NAS", path: "a.jpg" });
		a.end();
		a.end();
		const b = t.startFile("NAS", "b.jpg", 200);
		b.sent(50);
		b.end();
		expect(t.snapshot()).toMatchObject({ filesDone: 2, filesTotal: 2, bytesDone: 300, bytesTotal: 300 });
	});

	it("smooths the speed over samples of a second and estimates the time left", () => {
		const { t, clock } = tracker();
		t.addWork(1, 10_000);
		const f = t.startFile("NAS", "v.mov", 10_000);
		expect(t.snapshot()).toMatchObject({ bytesPerSecond: 0, secondsLeft: null });
		clock.ms = 1000;
		f.sent(1000);
		expect(t.snapshot()).toMatchObject({ bytesPerSecond: 1000, secondsLeft: 9 });
		clock.ms = 1500;
		f.sent(5000);
		expect(t.snapshot().bytesPerSecond).toBe(1000);
		clock.ms = 2000;
		f.sent(0);
		// 5000 B in the second sample's second: 0.3 × 5000 + 0.7 × 1000.
		expect(t.snapshot()).toMatchObject({ bytesPerSecond: 2200, secondsLeft: Math.ceil(4000 / 2200) });
	});

	it("reports at most five times a second, but a pause at once", () => {
		const { t, clock, seen } = tracker();
		t.addWork(1, 1000);
		const f = t.startFile("NAS", "a.jpg", 1000);
		for (let i = 0; i < 100; i++) {
			clock.ms += 10;
			f.sent(10);
		}
		expect(seen).toHaveLength(5);
		t.setPaused(true);
		expect(seen.at(-1)).toMatchObject({ paused: true, bytesDone: 1000 });
	});

	it("takes work that will not be done off the totals, never below what is done", () => {
		const { t } = tracker();
		t.addWork(3, 300);
		t.startFile("NAS", "a", 100).end();
		t.dropWork(5, 500);
		expect(t.snapshot()).toMatchObject({ filesDone: 1, filesTotal: 1, bytesDone: 100, bytesTotal: 100 });
	});
});

describe("PauseGate", () => {
	it("lets through when open, holds while paused, and lets go on resume or abort", async () => {
		const gate = new PauseGate();
		const changes: boolean[] = [];
		gate.onChange((paused) => changes.push(paused));
		await gate.wait();
		gate.pause();
		gate.pause();
		let passed = 0;
		const controller = new AbortController();
		const held = gate.wait().then(() => passed++);
		const aborted = gate.wait(controller.signal).then(() => passed++);
		await Promise.resolve();
		expect([passed, gate.waiting]).toEqual([0, 2]);
		controller.abort();
		await aborted;
		expect([passed, gate.waiting]).toEqual([1, 1]);
		gate.resume();
		await held;
		expect([passed, gate.waiting, gate.paused]).toEqual([2, 0, false]);
		expect(changes).toEqual([true, false]);
	});
});
