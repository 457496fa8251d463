/** What the shells see of the backup engine: its settings, run options, progress, results. */
import type { TargetConfig } from "../model/target-config";
import type { Target } from "../ports/target";

export interface BackupSettings {
	targets: TargetConfig[];
	/** Back up new photos right after they are indexed. */
	afterIndex: boolean;
	/** Back up every N minutes while Obsidian is open; 0 = off. */
	everyMinutes: number;
	/** Files larger than this are skipped on mobile (bytes), with a message to back them up from desktop. */
	mobileMaxFileBytes: number;
}

/** Opens a target from its configuration: the shell resolves secrets and picks the transport. */
export type OpenTarget = (config: TargetConfig) => Promise<Target>;

export interface BackupProgress {
	/** Totals over every target of the run. */
	filesDone: number;
	filesTotal: number;
	bytesDone: number;
	bytesTotal: number;
	/** Smoothed upload speed; 0 until measured. */
	bytesPerSecond: number;
	/** Estimated seconds left, null until there is a speed to go by. */
	secondsLeft: number | null;
	paused: boolean;
	/** The target and file being worked on, when there is one. */
	targetName?: string;
	path?: string;
}

export interface BackupFailure {
	path: string;
	reason: string;
}

/** A remote file that existed with other content: both were kept, ours under another name. */
export interface BackupConflict {
	path: string;
	remotePath: string;
	keptAs: string;
}

export interface TargetRunResult {
	targetId: string;
	name: string;
	uploaded: number;
	/** Already there (known to the manifest with the same content, or found identical on the server). */
	skipped: number;
	bytes: number;
	failed: BackupFailure[];
	conflicts: BackupConflict[];
	/** Set when the target was stopped as a whole (wrong password, server full, TLS): the plain-words reason. */
	stopped?: string;
	/** Nothing left to upload and nothing failed. */
	upToDate: boolean;
}

export interface BackupSummary {
	targets: TargetRunResult[];
	cancelled: boolean;
}

export interface BackupRunOptions {
	/** Only these targets (ids); default all enabled ones. */
	targetIds?: string[];
	/** Only these photos (vault paths); default the whole library. */
	photoPaths?: string[];
	signal?: AbortSignal;
	onProgress?: (progress: BackupProgress) => void;
}

export interface ConnectionCheck {
	name: "reach" | "credentials" | "write" | "space";
	ok: boolean;
	/** Plain words: what was found, or what is wrong and what to do. */
	message: string;
}

export interface ConnectionReport {
	targetId: string;
	ok: boolean;
	checks: ConnectionCheck[];
	/** Bytes free, when the server reports it. */
	available?: number;
}

export interface BackupService {
	/** Uploads what is missing or changed on each target; skips the rest without asking the server file by file. */
	backup(options?: BackupRunOptions): Promise<BackupSummary>;
	/** Stops starting new uploads (those in flight finish); `resume` goes on. No-ops when nothing runs. */
	pause(): void;
	resume(): void;
	readonly running: boolean;
	readonly paused: boolean;
	testTarget(targetId: string): Promise<ConnectionReport>;
}
