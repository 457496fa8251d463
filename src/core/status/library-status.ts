/**
 * The library's backup status, computed from the index, the targets' manifests and their recorded state,
 * without a request to any server: per target what is backed up, pending and failed; for the library how
 * many photos meet 3-2-1, which have only one copy, which folders are at risk, and whether all is up to date.
 */
import type { Manifest } from "../backup/manifest";
import type { PhotoRecord } from "../model/photo-record";
import type { TargetConfig } from "../model/target-config";
import { TimeSlicer, type Pause } from "../util/time-slices";
import type { PhotoSafety } from "./photo-safety";
import { StatusTally } from "./status-tally";
import type { LastRun, LastVerification, TargetState } from "./target-state";

export interface TargetStatus {
	id: string;
	name: string;
	medium: string;
	offsite: boolean;
	enabled: boolean;
	/** Photos of the library whose content the target holds, and the bytes of that content (each content once). */
	photos: number;
	bytes: number;
	/** Photos in the vault whose content the target does not hold yet, and their bytes. */
	pending: number;
	pendingBytes: number;
	/** Files that failed in the last run (see lastRun.reason). */
	failed: number;
	lastRun?: LastRun;
	lastVerification?: LastVerification;
	/** Free bytes the target last reported, and when; absent when it never did. */
	freeSpace?: { available: number; at: string };
}

export interface AtRiskPhoto extends PhotoSafety {
	path: string;
	note: string;
	/** The original is gone from the vault (only the backups hold it). */
	missing: boolean;
}

export interface FolderRisk {
	/** Vault folder ("" for the vault's root). */
	folder: string;
	photos: number;
	atRisk: number;
}

export interface LibraryStatus {
	/** ISO time the status was computed. */
	computedAt: string;
	/** Photos in the index, originals gone from the vault included. */
	photos: number;
	bytes: number;
	missingOriginals: number;
	meeting321: number;
	/** Photos whose only copy is one place: the vault's original with no backup, or a backup of a gone original. */
	onlyOneCopy: number;
	/** Photos with no copy anywhere: the original is gone and no enabled target holds it. */
	noCopy: number;
	/** Photos not meeting 3-2-1: fewest copies first, then by path. */
	atRisk: AtRiskPhoto[];
	/** Folders holding at least one photo at risk: most at risk first. */
	folders: FolderRisk[];
	/** Every target, enabled or not, in the settings' order. */
	targets: TargetStatus[];
	enabledTargets: number;
	/** At least one enabled target, nothing pending on any, and their last runs ended without a failure. */
	upToDate: boolean;
	/** Up to date and every photo meets 3-2-1: all is well. */
	allSafe: boolean;
}

export interface StatusInput {
	records: Iterable<PhotoRecord>;
	targets: readonly TargetConfig[];
	/** The manifest of a configured target; undefined when it has none yet. */
	manifest: (targetId: string) => Manifest | undefined;
	states: ReadonlyMap<string, TargetState>;
	now: Date;
}

/** The status of the library, in one synchronous pass (see StatusTally). */
export function computeLibraryStatus(input: StatusInput): LibraryStatus {
	const tally = new StatusTally(input);
	for (const record of input.records) tally.add(record);
	return tally.finish();
}

/** The same, awaiting `pause` between slices of the pass, so a 100,000-photo library never blocks a UI host for long. */
export async function computeLibraryStatusInSlices(input: StatusInput, pause: Pause | undefined): Promise<LibraryStatus> {
	const tally = new StatusTally(input);
	const slicer = new TimeSlicer(pause);
	for (const record of input.records) {
		tally.add(record);
		if (slicer.due()) await slicer.yield();
	}
	return tally.finish();
}
