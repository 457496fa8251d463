// What the backup runner tells of automatic runs: each problem once, however the timer meets it again.
import { describe, expect, it } from "vitest";
import type { BackupFailure, BackupService, BackupSummary, TargetRunResult } from "../../src/core/backup/backup-types";
import type { BackupFeedback } from "../../src/plugin/backup/backup-feedback";
import { BackupRunner } from "../../src/plugin/backup/backup-runner";

const SILENT = { update: () => {}, setPaused: () => {}, end: () => {} };

function result(fields: Partial<TargetRunResult>): TargetRunResult {
	return { targetId: "ssd", name: "Travel SSD", uploaded: 0, skipped: 0, bytes: 0, failed: [], conflicts: [], upToDate: false, ...fields };
}

function failed(...paths: string[]): BackupFailure[] {
	return paths.map((path) => ({ path, reason: "The folder does not exist: is the drive connected?" }));
}

/** A runner whose service answers each run with the next of `summaries`; `told` collects what the user saw. */
function runnerOf(summaries: BackupSummary[]): { runner: BackupRunner; told: BackupSummary[] } {
	const told: BackupSummary[] = [];
	const service = {
		backup: async () => {
			const next = summaries.shift();
			if (!next) throw new Error("more runs than summaries");
			return next;
		},
	} as unknown as BackupService;
	const feedback: BackupFeedback = {
		begin: () => SILENT,
		summary: () => {
			throw new Error("an automatic run must not give a user run's summary");
		},
		problems: (summary) => told.push(summary),
		message: () => {},
		error: (error) => {
			throw error;
		},
	};
	const runner = new BackupRunner({
		withService: (work) => work(service),
		currentService: () => service,
		enabledTargets: () => ["ssd"],
		feedback,
	});
	return { runner, told };
}

async function automaticRuns(runner: BackupRunner, count: number): Promise<void> {
	for (let i = 0; i < count; i++) await runner.backUpQuietly();
}

describe("problems of automatic backups", () => {
	it("tells the same failures once, whatever order the parallel uploads failed in and however the counts moved", async () => {
		const { runner, told } = runnerOf([
			{ cancelled: false, targets: [result({ failed: failed("a.jpg", "b.jpg", "c.jpg") })] },
			{ cancelled: false, targets: [result({ failed: failed("c.jpg", "a.jpg", "b.jpg") })] },
			{ cancelled: false, targets: [result({ uploaded: 2, skipped: 5, bytes: 9_000, failed: failed("b.jpg", "c.jpg", "a.jpg") })] },
		]);
		await automaticRuns(runner, 3);
		expect(told).toHaveLength(1);
		expect(runner.lastSummary?.targets[0]?.uploaded).toBe(2);
	});

	it("speaks again for a problem it has not told yet, and not for one that went away", async () => {
		const stopped = "The server refused the user name or password.";
		const { runner, told } = runnerOf([
			{ cancelled: false, targets: [result({ failed: failed("a.jpg") })] },
			{ cancelled: false, targets: [result({ failed: failed("a.jpg", "b.jpg") })] },
			{ cancelled: false, targets: [result({ failed: failed("b.jpg") })] },
			{ cancelled: false, targets: [result({ failed: failed("b.jpg") }), result({ targetId: "nas", name: "NAS", stopped })] },
		]);
		await automaticRuns(runner, 4);
		expect(told.map((s) => s.targets.flatMap((t) => [...t.failed.map((f) => f.path), ...(t.stopped ? [t.stopped] : [])]))).toEqual([
			["a.jpg"],
			["a.jpg", "b.jpg"],
			["b.jpg", stopped],
		]);
	});

	it("tells a problem again when it comes back after a run that went well", async () => {
		const clean: BackupSummary = { cancelled: false, targets: [result({ upToDate: true, skipped: 3 })] };
		const { runner, told } = runnerOf([
			{ cancelled: false, targets: [result({ failed: failed("a.jpg") })] },
			clean,
			{ cancelled: false, targets: [result({ failed: failed("a.jpg") })] },
		]);
		await automaticRuns(runner, 3);
		expect(told).toHaveLength(2);
	});
});
