/**
 * The verification service the shells call (engine.verify): one run at a time, over every enabled target
 * in turn (or those asked for). Each target's manifest is checked against the target itself; see
 * verify-target.ts for what a run does on one target.
 */
import type { BackupLedger } from "../backup/backup-ledger";
import { concurrencyOf, selectTargets, targetConfigProblem, type BackupPlatform } from "../backup/backup-settings";
import type { OpenTarget } from "../backup/backup-types";
import { readRemoteManifest } from "../backup/remote-manifest";
import { describeError, PhotoArchivistError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import type { TargetConfig } from "../model/target-config";
import type { DataStore } from "../ports/data-store";
import type { Log } from "../ports/log";
import type { Target } from "../ports/target";
import type { LastVerification } from "../status/target-state";
import { SerialQueue } from "../util/serial-queue";
import { samplePercentProblem } from "./sample-rotation";
import { emptyVerifyResult, verifyTarget, type PhotosOf } from "./verify-target";
import type { TargetVerifyResult, VerifyOptions, VerifyService, VerifySummary } from "./verify-types";

export interface VerifyServiceDeps {
	ledger: BackupLedger;
	data: DataStore;
	openTarget?: OpenTarget;
	platform: BackupPlatform;
	now: () => Date;
	log: Log;
	/** The index's photos (loaded), as they are now. */
	records: () => Promise<Iterable<PhotoRecord>>;
	/** Rewrites the notes of these photos with what the ledger now knows. */
	refreshNotes: (paths: readonly string[]) => Promise<void>;
	/** A target's check ended (not when it could not be checked at all): the status view's "last verification". */
	recordVerification?: (targetId: string, verification: LastVerification) => Promise<void>;
}

function photosByContent(records: Iterable<PhotoRecord>): PhotosOf {
	const map = new Map<string, { paths: string[]; inVault: boolean }>();
	for (const r of records) {
		const known = map.get(r.sha256) ?? { paths: [], inVault: false };
		known.paths.push(r.path);
		known.inVault ||= r.missingSince === undefined;
		map.set(r.sha256, known);
	}
	return (sha256) => map.get(sha256) ?? { paths: [], inVault: false };
}

export function createVerifyService(deps: VerifyServiceDeps): VerifyService {
	const queue = new SerialQueue();
	let pending = 0;

	const one = async (config: TargetConfig, options: VerifyOptions, photosOf: PhotosOf): Promise<TargetVerifyResult> => {
		const deep = options.deep === true || options.samplePercent !== undefined;
		const stopped = (reason: string): TargetVerifyResult => ({ ...emptyVerifyResult(config, deep), stopped: reason });
		const problem = targetConfigProblem(config);
		if (problem !== null) return stopped(problem);
		const store = await deps.ledger.store(config.id);
		if (!deps.openTarget || !store) return stopped("verification cannot run here: no way to reach backup targets was set up");
		let target: Target;
		try {
			target = await deps.openTarget(config);
		} catch (error) {
			return stopped(describeError(error));
		}
		if (deps.ledger.needsSeed(config.id)) {
			// No manifest in the data folder (a new machine): check what the target's own copy says is there.
			try {
				const entries = await readRemoteManifest(target, options.signal, deps.log);
				if (entries !== null) store.seed(entries);
				deps.ledger.seeded(config.id);
			} catch (error) {
				return stopped(`could not read what is on the target: ${describeError(error)}`);
			}
		}
		try {
			return await verifyTarget({
				config, target, store, data: deps.data, deep, samplePercent: options.samplePercent ?? 100,
				concurrency: concurrencyOf(config, deps.platform), signal: options.signal, now: deps.now, log: deps.log,
				photosOf, refreshNotes: deps.refreshNotes, onProgress: options.onProgress,
			});
		} catch (error) {
			return stopped(describeError(error));
		}
	};

	const remember = async (result: TargetVerifyResult): Promise<void> => {
		const verification: LastVerification = {
			at: deps.now().toISOString(),
			kind: result.deep ? "deep" : "quick",
			checked: result.deep ? result.read : result.copies,
			problems: result.problems.length,
		};
		try {
			await deps.recordVerification?.(result.targetId, verification);
		} catch (error) {
			deps.log.warn(`The verification of "${result.name}" could not be recorded for the status view`, error);
		}
	};

	const run = async (options: VerifyOptions): Promise<VerifySummary> => {
		if (options.samplePercent !== undefined) {
			const problem = samplePercentProblem(options.samplePercent);
			if (problem !== null) throw new PhotoArchivistError("invalid-settings", problem);
		}
		const configs = selectTargets(deps.ledger.settings.targets, options.targetIds);
		await deps.ledger.load();
		const photosOf = photosByContent(await deps.records());
		const targets: TargetVerifyResult[] = [];
		for (const config of configs) {
			if (options.signal?.aborted) break;
			const result = await one(config, options, photosOf);
			targets.push(result);
			if (result.stopped === undefined) await remember(result);
		}
		return { targets, cancelled: options.signal?.aborted ?? false };
	};

	return {
		verify: (options = {}) => {
			pending++;
			return queue.run(() => run(options)).finally(() => pending--);
		},
		get running() {
			return pending > 0;
		},
	};
}
