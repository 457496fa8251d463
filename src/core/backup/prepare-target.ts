/**
 * Before a target's uploads: open it, make sure its manifest knows what is there (a new device, or a lost
 * data folder, starts from the copy on the target), and plan. After them: publish the manifest copy.
 */
import { describeError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import type { TargetConfig } from "../model/target-config";
import type { Log } from "../ports/log";
import type { Target } from "../ports/target";
import { targetConfigProblem } from "./backup-settings";
import type { OpenTarget, TargetRunResult } from "./backup-types";
import type { ManifestStore } from "./manifest-store";
import { planBackup, type BackupPlan, type PlanOptions } from "./plan-backup";
import { readRemoteManifest, writeRemoteManifest } from "./remote-manifest";
import { emptyResult } from "./target-run";

export type PreparedTarget =
	| { config: TargetConfig; target: Target; store: ManifestStore; plan: BackupPlan }
	/** The target cannot be used this run; `result.stopped` says why. */
	| { config: TargetConfig; result: TargetRunResult };

export interface PrepareDeps {
	openTarget: OpenTarget | undefined;
	store: ManifestStore | undefined;
	/** Whether the store still has to be seeded from the target's copy (no saved manifest); `onSeeded` says it was. */
	needsSeed: boolean;
	onSeeded?: () => void;
	records: readonly PhotoRecord[];
	planOptions: PlanOptions;
	signal?: AbortSignal;
	log: Log;
}

function stopped(config: TargetConfig, reason: string): PreparedTarget {
	return { config, result: { ...emptyResult(config), stopped: reason } };
}

export async function prepareTarget(config: TargetConfig, deps: PrepareDeps): Promise<PreparedTarget> {
	const problem = targetConfigProblem(config);
	if (problem !== null) return stopped(config, problem);
	if (!deps.openTarget || !deps.store) return stopped(config, "backups cannot run here: no way to reach backup targets was set up");
	let target: Target;
	try {
		target = await deps.openTarget(config);
	} catch (error) {
		return stopped(config, describeError(error));
	}
	if (deps.needsSeed) {
		try {
			const entries = await readRemoteManifest(target, deps.signal, deps.log);
			if (entries !== null) deps.store.seed(entries);
			deps.onSeeded?.();
		} catch (error) {
			return stopped(config, `could not read what is already on the target: ${describeError(error)}`);
		}
	}
	return { config, target, store: deps.store, plan: planBackup(deps.records, deps.store.manifest, config, deps.planOptions) };
}

/**
 * Brings the target's manifest copy up to date after a run that changed it: first takes in what other
 * devices recorded there since, so neither device's uploads drop out of the shared copy. Returns the
 * reason when it could not (the copies themselves are safe; the next run tries again).
 */
export async function publishManifest(target: Target, store: ManifestStore, signal: AbortSignal | undefined, log: Log): Promise<string | null> {
	if (!store.remoteNeedsUpdate) return null;
	try {
		const remote = await readRemoteManifest(target, signal, log);
		if (remote !== null) store.seed(remote);
		await store.flush();
		await writeRemoteManifest(target, store.serialize(), signal);
		store.remoteUpdated();
		return null;
	} catch (error) {
		log.warn(`The manifest copy on the target could not be updated: ${describeError(error)}`);
		return describeError(error);
	}
}
