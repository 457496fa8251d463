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
import type { Manifest } from "../backup/manifest";
import { computeLibraryStatusInSlices, type LibraryStatus } from "./library-status";
import { lastRunOf, type LastVerification, type TargetStateStore } from "./target-state";

export interface StatusServiceDeps {
	ledger: BackupLedger;
	states: TargetStateStore;
	/** The index's photos (loaded), as they are now. */
	records: () => Promise<Iterable<PhotoRecord>>;
	/** Changes whenever the index does (see PhotoIndex.version); without it, the status is computed afresh every time. */
	indexVersion?: () => number;
	/** Awaited between slices of the count, so a UI host stays responsive (see TimeSlicer). */
	pause?: () => Promise<void>;
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
	 * Loads, ahead of time, what `compute` reads (the index, then every target's manifest) and counts the
	 * status once, all in slices, so the status view's first paint is quick. A host with a UI calls it once
	 * the index has loaded.
	 */
	prepare(): Promise<void>;
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
	/**
	 * The last status with what it was computed from: the index's and manifests' versions, the target
	 * settings and the recorded states. Counting 100,000 photos is the costly part; it is done again only
	 * when one of these moved, so a view reopened, or repainted for an unrelated change, costs nothing.
	 */
	let last: { key: string; targets: unknown; status: LibraryStatus } | null = null;
	let statesVersion = 0;
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
		// The index first: manifests loaded after it share its strings.
		const records = await deps.records();
		await deps.ledger.load();
		const targets = deps.ledger.settings.targets;
		const manifests = new Map<string, Manifest | undefined>();
		for (const config of targets) manifests.set(config.id, (await deps.ledger.store(config.id))?.manifest);
		const states = await deps.states.all();
		const now = deps.now();
		const keyNow = (): string | null => {
			const version = deps.indexVersion?.();
			if (version === undefined) return null;
			return [version, statesVersion, ...[...manifests.values()].map((m) => m?.version ?? -1)].join(" ");
		};
		const key = keyNow();
		if (key !== null && last?.key === key && last.targets === targets) return { ...last.status, computedAt: now.toISOString() };
		const status = await computeLibraryStatusInSlices({ records, targets, manifest: (id) => manifests.get(id), states, now }, deps.pause);
		// Kept only if nothing moved while the count paused: otherwise the next call counts again.
		if (key !== null && keyNow() === key) last = { key, targets, status };
		return status;
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
				if (available !== undefined) {
					await deps.states.recordFreeSpace(config.id, available, deps.now());
					statesVersion++;
				}
			} catch (error) {
				deps.log.debug(`Free space of "${config.name}" unknown: ${describeError(error)}`);
			}
		}
		changed();
	};

	return {
		compute,
		prepare: async () => {
			await compute();
		},
		refreshFreeSpace,
		recordVerification: async (targetId, verification) => {
			await deps.states.recordVerification(targetId, verification);
			statesVersion++;
			changed();
		},
		backupEnded: async (summary) => {
			const endedAt = deps.now();
			for (const result of summary.targets) {
				try {
					await deps.states.recordRun(result.targetId, lastRunOf(result, summary.cancelled, endedAt));
					statesVersion++;
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
