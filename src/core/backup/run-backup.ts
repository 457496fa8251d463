/**
 * Executes a plan on one target: uploads in parallel (bounded), waits while paused, stops the whole
 * target on errors that concern it (wrong password, server full, TLS, a server that stopped answering)
 * and fails single files on the rest, so one bad photo never holds up the others.
 */
import { describeError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import type { TargetConfig } from "../model/target-config";
import { TargetError } from "../model/target-error";
import type { FileStore } from "../ports/file-store";
import type { Log } from "../ports/log";
import type { Target } from "../ports/target";
import { runPool } from "../util/run-pool";
import type { ProgressTracker } from "./backup-progress";
import type { TargetRunResult } from "./backup-types";
import type { ManifestStore } from "./manifest-store";
import type { PauseGate } from "./pause-gate";
import { RemoteNames, type BackupPlan, type UploadDecision } from "./plan-backup";
import { emptyResult, type TargetRun } from "./target-run";
import { uploadPhoto } from "./upload-photo";

/** Files in a row that fail with a transient error (after the target's own retries) before the target is stopped. */
export const TRANSIENT_STREAK_LIMIT = 3;

export interface RunPlanDeps {
	config: TargetConfig;
	target: Target;
	store: ManifestStore;
	files: FileStore;
	progress: ProgressTracker;
	gate: PauseGate;
	concurrency: number;
	signal?: AbortSignal;
	now: () => Date;
	log: Log;
	reindex: TargetRun["reindex"];
	landed: (record: PhotoRecord) => Promise<void>;
}

export function tooLargeMessage(limit: number): string {
	const mb = Math.floor(limit / 1_000_000);
	return `larger than ${mb} MB: back it up from Obsidian on a computer or with the photo-archivist CLI`;
}

/** A controller that also aborts when `parent` does; `release` detaches it. */
function linked(parent: AbortSignal | undefined): { controller: AbortController; release: () => void } {
	const controller = new AbortController();
	const abort = (): void => controller.abort();
	if (parent?.aborted) controller.abort();
	parent?.addEventListener("abort", abort);
	return { controller, release: () => parent?.removeEventListener("abort", abort) };
}

export async function runBackupPlan(deps: RunPlanDeps, plan: BackupPlan): Promise<TargetRunResult> {
	const result = emptyResult(deps.config);
	result.skipped = plan.skipped;
	for (const { record, limit } of plan.tooLarge) result.failed.push({ path: record.path, reason: tooLargeMessage(limit) });
	const names = new RemoteNames(deps.store.manifest);
	for (const upload of plan.uploads) names.claim(upload.remotePath);
	const { controller, release } = linked(deps.signal);
	const run: TargetRun = { ...deps, names, signal: controller.signal, result };
	const stop = (reason: string): void => {
		result.stopped ??= reason;
		controller.abort();
	};
	let streak = 0;
	let started = 0;
	let startedBytes = 0;

	const failed = (path: string, error: unknown): void => {
		// Once cancelled or stopped, what the uploads in flight throw says nothing about their files.
		if (controller.signal.aborted) return;
		if (error instanceof TargetError && error.stopsTarget) return stop(error.message);
		result.failed.push({ path, reason: describeError(error) });
		const transient = error instanceof TargetError && error.code === "transient";
		streak = transient ? streak + 1 : 0;
		if (streak >= TRANSIENT_STREAK_LIMIT) stop(`the server stopped answering (${describeError(error)}): try again later`);
	};

	const work = async (upload: UploadDecision): Promise<void> => {
		while (deps.gate.paused && !controller.signal.aborted) await deps.gate.wait(controller.signal);
		if (controller.signal.aborted) return;
		const { record } = upload;
		started++;
		startedBytes += record.size;
		const progress = deps.progress.startFile(deps.config.name, record.path, record.size);
		try {
			await uploadPhoto(run, record, upload.remotePath, progress, upload.action === "upload-changed" ? upload.previous : undefined);
			streak = 0;
		} catch (error) {
			failed(record.path, error);
		} finally {
			progress.end();
		}
	};

	try {
		await runPool(plan.uploads, deps.concurrency, work, controller.signal);
	} finally {
		release();
	}
	if (controller.signal.aborted) deps.progress.dropWork(plan.uploads.length - started, plan.bytesToUpload - startedBytes);
	deps.progress.update(true);
	try {
		await deps.store.flush();
	} catch (error) {
		// What landed is on the target; the next run finds it there and adopts it.
		deps.log.warn(`Backup manifest of "${deps.config.name}" could not be saved`, error);
	}
	result.upToDate = result.stopped === undefined && !(deps.signal?.aborted ?? false) && result.failed.length === 0;
	return result;
}
