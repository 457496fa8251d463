/** What the shells see of restoring originals and freeing up space: options, results, the service. */
import type { FileWriter } from "../ports/file-writer";

/** Where restored files go: the vault, or a folder chosen for "restore all". Paths are relative, "/"-separated. */
export interface RestoreDestination {
	/** Shown in reports ("the vault", "/home/ann/Restored"). */
	label: string;
	/** Null when nothing is there; a size of -1 for something that is not a file (a folder). */
	stat(path: string): Promise<{ size: number } | null>;
	sha256(path: string): Promise<string>;
	writer: FileWriter;
}

export interface RestoreProgress {
	done: number;
	total: number;
	bytesDone: number;
	path?: string;
}

export interface RestoredFile {
	/** Where it was written, relative to the destination. */
	path: string;
	/** The target's name it came from. */
	target: string;
	size: number;
	/** False when no copy had been verified by hash, so an unverified one was used (its SHA-256 still matched). */
	verifiedCopy: boolean;
}

export interface RestoreProblem {
	path: string;
	reason: string;
}

export interface RestoreSummary {
	restored: RestoredFile[];
	/** Already there with the same content: nothing written. */
	identical: string[];
	/** A different file is at the destination: left alone, nothing written. */
	conflicts: RestoreProblem[];
	/** No copy could be had, the path was refused, or every copy failed its check. */
	failed: RestoreProblem[];
	/** Restore all: older versions of a photo on the target, not restored (the newest one was). */
	olderVersions: number;
	bytes: number;
	cancelled: boolean;
}

export interface RestoreRunOptions {
	signal?: AbortSignal;
	onProgress?: (progress: RestoreProgress) => void;
}

export interface RestoreMissingOptions extends RestoreRunOptions {
	/** Only these photos (vault paths); default every photo whose original is gone. */
	paths?: string[];
	/** Only copies on this target. */
	targetId?: string;
	/** Also bring back originals removed by "Free up space" (always done for `paths` named one by one). */
	includeOffloaded?: boolean;
}

export interface RestoreAllOptions extends RestoreRunOptions {
	targetId: string;
	into: RestoreDestination;
}

export interface FreeSpacePolicy {
	/** Targets that must each hold a copy verified by hash (default 2). */
	minCopies: number;
	/** How recent that verification must be, in days (default 30). */
	maxAgeDays: number;
}

export const DEFAULT_FREE_SPACE_POLICY: Readonly<FreeSpacePolicy> = Object.freeze({ minCopies: 2, maxAgeDays: 30 });

export interface FreeSpaceItem {
	path: string;
	size: number;
	sha256: string;
	/** Names of the targets whose verified copies allow it. */
	targets: string[];
}

export interface FreeSpacePlan {
	policy: FreeSpacePolicy;
	/** ISO time the plan was made; acting re-checks every item against the same rule. */
	at: string;
	items: FreeSpaceItem[];
	bytes: number;
	/** Present originals that stay, and why ("1 of 2 verified copies: NAS verified 45 days ago"). */
	kept: RestoreProblem[];
	/** Where originals go, in words. */
	trash: string;
}

export interface FreeSpaceResult {
	removed: FreeSpaceItem[];
	bytes: number;
	/** Items of the plan no longer allowed when acting (a copy went stale, the file changed): left in the vault. */
	skipped: RestoreProblem[];
	failed: RestoreProblem[];
	cancelled: boolean;
}

export interface RestoreService {
	/** Downloads, checks and puts back every original gone from the vault, then re-indexes it. */
	restoreMissing(options?: RestoreMissingOptions): Promise<RestoreSummary>;
	/** Rebuilds a library from a target's manifest (the local one, else the target's own copy) into a destination. */
	restoreAll(options: RestoreAllOptions): Promise<RestoreSummary>;
	/** The dry run: which originals may go, how many bytes that frees, and why the others stay. */
	planFreeSpace(policy?: Partial<FreeSpacePolicy>, paths?: readonly string[]): Promise<FreeSpacePlan>;
	/** Moves the plan's originals to the trash, re-checking each first; their notes say "offloaded". */
	freeSpace(plan: FreeSpacePlan, options?: RestoreRunOptions): Promise<FreeSpaceResult>;
}
