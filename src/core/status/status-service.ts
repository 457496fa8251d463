/**
 * The status the shells show (view, CLI): computed on demand from the index and the manifests, with the
 * per-target history (last run, last verification, free space) kept by TargetStateStore. Listeners hear
 * of every change that moves a figure (a copy landed, a run ended, a verification was recorded), so a
 * view can repaint while a backup runs.
 */
import type { BackupLedger } from "../backup/backup-ledger";
import type { BackupSummary, OpenTarget } from "../backup/backup-types";
import { describeError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import type { Log } from "../ports/log";
import { computeLibraryStatus, type LibraryStatus } from "./library-status";
import { lastRunOf, type LastVerification, type TargetStateStore } from "./target-state";

export interface StatusServiceDeps {
	ledger: BackupLedger;
	states: TargetStateStore;
	/** The index's photos (loaded), as they are now. */
	records: () => Promise<Iterable<PhotoRecord>>;
	openTarget?: OpenTarget;
	now: () => Date;
	log: Log;
}

export interface FreeSpaceOptions {
	signal?: AbortSignal;
}

export interface StatusService {
	/** The status now. Makes no request to any server (free space is as last seen, see refreshFreeSpace). */
	compute(): Promise<LibraryStatus>;
	/**
	 * Asks each enabled target for its free space and records what it reports. A target that cannot be
	 * reached, or does not report it, keeps what was seen before; never throws for one target.
	 */
	refreshFreeSpace(options?: FreeSpaceOptions): Promise<void>;
	/** For the verification feature: a check of `targetId` ended; the status shows it as "last verification". */
	recordVerification(targetId: string, verification: LastVerification): Promise<void>;
	/** For the backup service: a run ended; each target's outcome becomes its "last run". */
	backupEnded(summary: BackupSummary): Promise<void>;
	/** Something the status shows may have changed. */
	changed(): void;
	/** Calls `listener` after each change; returns the unsubscribe. */
	onChange(listener: () => void): () => void;
}

export function createStatusService(deps: StatusServiceDeps): StatusService {
	const listeners = new Set<() => void>();
	const changed = (): void => {
		for (const listener of [...listeners]) {
			try {
				listener();
			} catch (error) {
				deps.log.warn("A backup status listener failed", error);
			}
		}
	};

	const compute = async (): Promise<LibraryStatus> => {
		await deps.ledger.load();
		const targets = deps.ledger.settings.targets;
		const manifests = new Map<string, Awaited<ReturnType<BackupLedger["store"]>>>();
		for (const config of targets) manifests.set(config.id, await deps.ledger.store(config.id));
		return computeLibraryStatus({
			records: await deps.records(),
			targets,
			manifest: (id) => manifests.get(id)?.manifest,
			states: await deps.states.all(),
			now: deps.now(),
		});
	};

	const refreshFreeSpace = async (options: FreeSpaceOptions = {}): Promise<void> => {
		const openTarget = deps.openTarget;
		if (openTarget === undefined) return;
		for (const config of deps.ledger.settings.targets.filter((t) => t.enabled)) {
			if (options.signal?.aborted) return;
			try {
				const target = await openTarget(config);
				if (!target.capabilities.quota) continue;
				const available = (await target.quota(options.signal))?.available;
				if (available !== undefined) await deps.states.recordFreeSpace(config.id, available, deps.now());
			} catch (error) {
				deps.log.debug(`Free space of "${config.name}" unknown: ${describeError(error)}`);
			}
		}
		changed();
	};

	return {
		compute,
		refreshFreeSpace,
		recordVerification: async (targetId, verification) => {
			await deps.states.recordVerification(targetId, verification);
			changed();
		},
		backupEnded: async (summary) => {
			const endedAt = deps.now();
			for (const result of summary.targets) {
				try {
					await deps.states.recordRun(result.targetId, lastRunOf(result, summary.cancelled, endedAt));
				} catch (error) {
					// History only: a run whose outcome could not be noted still backed up what it did.
					deps.log.warn(`The outcome of the backup to "${result.name}" could not be saved`, error);
				}
			}
			changed();
		},
		changed,
		onChange: (listener) => {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
