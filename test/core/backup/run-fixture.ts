// One target's backup run over in-memory stores: the plan executed by runBackupPlan, with what it did recorded.
import { ProgressTracker } from "../../../src/core/backup/backup-progress";
import type { BackupProgress, TargetRunResult } from "../../../src/core/backup/backup-types";
import { ManifestStore } from "../../../src/core/backup/manifest-store";
import { PauseGate } from "../../../src/core/backup/pause-gate";
import { planBackup, type PlanOptions } from "../../../src/core/backup/plan-backup";
import { runBackupPlan } from "../../../src/core/backup/run-backup";
import type { PhotoRecord } from "../../../src/core/model/photo-record";
import type { TargetConfig } from "../../../src/core/model/target-config";
import { SILENT_LOG } from "../../../src/core/ports/log";
import { MemoryData, MemoryFiles } from "./memory-stores";
import { MemoryTarget } from "./memory-target";

export const CONFIG: TargetConfig = {
	id: "nas", name: "Home NAS", kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled: true, url: "https://nas.local/photos",
};

export class RunFixture {
	readonly files = new MemoryFiles();
	readonly target = new MemoryTarget();
	readonly data = new MemoryData();
	readonly gate = new PauseGate();
	readonly store = new ManifestStore({ data: this.data, targetId: CONFIG.id, now: () => new Date("2024-07-02T10:15:00Z"), log: SILENT_LOG });
	readonly landed: string[] = [];
	readonly reindexed: string[] = [];
	readonly progress: BackupProgress[] = [];
	config: TargetConfig = CONFIG;
	concurrency = 1;
	/** Called after each landing is recorded. */
	onLanded?: (path: string) => void;

	/** Photos written to the vault, and their records as the index has them. */
	photos(contents: Record<string, string>): PhotoRecord[] {
		for (const [path, text] of Object.entries(contents)) this.files.write(path, text);
		return Object.keys(contents).map((path) => this.files.record(path));
	}

	run(records: readonly PhotoRecord[], options: { signal?: AbortSignal; plan?: PlanOptions } = {}): Promise<TargetRunResult> {
		const tracker = new ProgressTracker({ now: () => 0, emit: (p) => this.progress.push(p) });
		const plan = planBackup(records, this.store.manifest, this.config, options.plan);
		tracker.addWork(plan.uploads.length, plan.bytesToUpload);
		return runBackupPlan({
			config: this.config,
			target: this.target,
			store: this.store,
			files: this.files,
			progress: tracker,
			gate: this.gate,
			concurrency: this.concurrency,
			signal: options.signal,
			now: () => new Date("2024-07-02T10:15:00Z"),
			log: SILENT_LOG,
			reindex: (path) => {
				this.reindexed.push(path);
				return Promise.resolve(this.files.files.has(path) ? this.files.record(path) : undefined);
			},
			landed: (record) => {
				this.landed.push(record.path);
				this.onLanded?.(record.path);
				return Promise.resolve();
			},
		}, plan);
	}

	text(path: string): string | undefined {
		const bytes = this.target.bytes(path);
		return bytes && new TextDecoder().decode(bytes);
	}
}

/** A promise and its resolver, for holding an upload until the test lets it go. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => {
		resolve = r;
	});
	return { promise, resolve };
}

/** Polls `condition` on the event loop, with a deadline: for states reached through several awaits (and disk I/O). */
export async function until(condition: () => boolean, what: string, deadlineMs = 10_000): Promise<void> {
	const deadline = Date.now() + deadlineMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
		await new Promise((resolve) => setImmediate(resolve));
	}
}
