/**
 * The backup service the shells call: one run at a time over every enabled target in turn, with pause,
 * resume and cancel. A run keeps no state of its own between runs: an interrupted one (Obsidian closed,
 * the process killed) is simply planned again from the index and the manifests, and goes on from there.
 */
import { describeError } from "../model/errors";
import { TargetError } from "../model/target-error";
import type { PhotoRecord } from "../model/photo-record";
import type { FileStore } from "../ports/file-store";
import type { Log } from "../ports/log";
import type { Target } from "../ports/target";
import { SerialQueue } from "../util/serial-queue";
import type { BackupLedger } from "./backup-ledger";
import { ProgressTracker } from "./backup-progress";
import { concurrencyOf, isMobile, selectTargets, targetConfigProblem, type BackupPlatform } from "./backup-settings";
import type { BackupRunOptions, BackupService, BackupSummary, ConnectionReport, OpenTarget, TargetRunResult } from "./backup-types";
import { PauseGate } from "./pause-gate";
import { prepareTarget, publishManifest, type PreparedTarget } from "./prepare-target";
import { REMOTE_MANIFEST } from "./remote-manifest";
import { runBackupPlan } from "./run-backup";
import { emptyResult } from "./target-run";

export interface BackupServiceDeps {
	files: FileStore;
	ledger: BackupLedger;
	openTarget?: OpenTarget;
	platform: BackupPlatform;
	now: () => Date;
	/** Milliseconds for speed and throttling; default Date.now. */
	clock?: () => number;
	log: Log;
	/** The index's photos (loaded), as they are now. */
	records: () => Promise<Iterable<PhotoRecord>>;
	/** Reads a photo again (it changed on disk); the fresh record, undefined when it is gone or unreadable. */
	reindex: (path: string) => Promise<PhotoRecord | undefined>;
	/** Rewrites the notes of these photos with what the ledger now knows. */
	refreshNotes: (paths: readonly string[]) => Promise<void>;
	testConnection?: (target: Target, targetId: string) => Promise<ConnectionReport>;
	/** A run ended (cancelled runs too): the status records each target's outcome as its last run. */
	runEnded?: (summary: BackupSummary) => Promise<void>;
}

function pathsByContent(records: readonly PhotoRecord[]): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const r of records) {
		const paths = map.get(r.sha256);
		if (paths === undefined) map.set(r.sha256, [r.path]);
		else paths.push(r.path);
	}
	return map;
}

export function createBackupService(deps: BackupServiceDeps): BackupService {
	const queue = new SerialQueue();
	const gate = new PauseGate();
	let pending = 0;

	const run = async (options: BackupRunOptions): Promise<BackupSummary> => {
		const signal = options.signal ?? new AbortController().signal;
		const progress = new ProgressTracker({ now: deps.clock ?? (() => Date.now()), emit: options.onProgress });
		const unsubscribe = gate.onChange((paused) => progress.setPaused(paused));
		try {
			const configs = selectTargets(deps.ledger.settings.targets, options.targetIds);
			await deps.ledger.load();
			const wanted = options.photoPaths ? new Set(options.photoPaths) : null;
			const all = [...(await deps.records())];
			const records = wanted === null ? all : all.filter((r) => wanted.has(r.path));
			// Every photo with the content of one that lands shows the copy, whether this run was asked about it or not.
			// Built when the first copy lands: a run with nothing to upload (the usual one) never needs it.
			let twins: Map<string, string[]> | undefined;
			const planOptions = isMobile(deps.platform) ? { maxFileBytes: deps.ledger.settings.mobileMaxFileBytes } : {};
			const prepared: PreparedTarget[] = [];
			for (const config of configs) {
				prepared.push(await prepareTarget(config, {
					openTarget: deps.openTarget,
					store: await deps.ledger.store(config.id),
					needsSeed: deps.ledger.needsSeed(config.id),
					onSeeded: () => deps.ledger.seeded(config.id),
					records, planOptions, signal, log: deps.log,
				}));
			}
			for (const p of prepared) if ("plan" in p) progress.addWork(p.plan.uploads.length, p.plan.bytesToUpload);
			progress.update(true);
			const results: TargetRunResult[] = [];
			for (const p of prepared) {
				if (!("plan" in p)) {
					results.push(p.result);
					continue;
				}
				if (signal.aborted) {
					progress.dropWork(p.plan.uploads.length, p.plan.bytesToUpload);
					results.push(emptyResult(p.config));
					continue;
				}
				const result = await runBackupPlan({
					config: p.config, target: p.target, store: p.store, files: deps.files, progress, gate,
					concurrency: concurrencyOf(p.config, deps.platform), signal, now: deps.now, log: deps.log,
					reindex: deps.reindex,
					landed: (record) => {
						twins ??= pathsByContent(all);
						return deps.refreshNotes([...new Set([...(twins.get(record.sha256) ?? []), record.path])]);
					},
				}, p.plan);
				if (result.stopped === undefined && !signal.aborted) {
					const problem = await publishManifest(p.target, p.store, signal, deps.log);
					if (problem !== null) {
						result.failed.push({ path: REMOTE_MANIFEST, reason: `the list of what is on the target could not be updated: ${problem}` });
						result.upToDate = false;
					}
				}
				results.push(result);
			}
			progress.update(true);
			const summary = { targets: results, cancelled: signal.aborted };
			await deps.runEnded?.(summary);
			return summary;
		} finally {
			unsubscribe();
			// The next run starts unpaused, whatever this one ended in.
			gate.resume();
		}
	};

	return {
		backup: (options = {}) => {
			pending++;
			return queue.run(() => run(options)).finally(() => pending--);
		},
		pause: () => {
			if (pending > 0) gate.pause();
		},
		resume: () => gate.resume(),
		get running() {
			return pending > 0;
		},
		get paused() {
			return gate.paused;
		},
		testTarget: async (targetId) => testTarget(deps, targetId),
	};
}

async function testTarget(deps: BackupServiceDeps, targetId: string): Promise<ConnectionReport> {
	const failed = (message: string): ConnectionReport => ({ targetId, ok: false, checks: [{ name: "reach", ok: false, message }] });
	const config = deps.ledger.settings.targets.find((t) => t.id === targetId);
	if (!config) return failed(`no backup target with id "${targetId}"`);
	const problem = targetConfigProblem(config);
	if (problem !== null) return failed(problem);
	if (!deps.openTarget || !deps.testConnection) return failed("connection tests cannot run here: no way to reach backup targets was set up");
	let target: Target;
	try {
		target = await deps.openTarget(config);
	} catch (error) {
		// Opening already spoke to the server when it refuses us here (an encrypted target's passphrase check).
		if (error instanceof TargetError && error.code === "auth") {
			return { targetId, ok: false, checks: [{ name: "reach", ok: true, message: "Reached it." }, { name: "credentials", ok: false, message: error.message }] };
		}
		return failed(describeError(error));
	}
	return deps.testConnection(target, targetId);
}
