/** What duplicate search finds and what "keep this one" does: the service the shells call as `engine.duplicates`. */
import type { NotComparedReason } from "./preview-hash";

export interface DuplicateMember {
	/** Vault path of the original. */
	path: string;
	/** Vault path of its note. */
	note: string;
	size: number;
	sha256: string;
	/** ISO 8601 as in the note's `taken` property, or null. */
	taken: string | null;
	/** True when `taken` is the file's modification time: the file records no date (often a copy that lost its metadata). */
	takenFromFile: boolean;
	/** Pixels as displayed (orientation applied), when known. */
	width: number | null;
	height: number | null;
	/** How many metadata properties its note carries (date from the camera, camera, lens, exposure, GPS…). */
	metadataFields: number;
	/** The one member of its group with the most metadata (ties: more pixels, then larger, then first path). */
	mostMetadata: boolean;
	/** Bits of the perceptual hash that differ from the group's first member (0 for identical copies); null when not hashed. */
	distance: number | null;
}

export interface DuplicateGroup {
	/**
	 * "identical": the same bytes (SHA-256) in several places. "similar": at least two different files that
	 * look alike (re-encoded, resized, lightly edited); identical copies among them are in the same group.
	 */
	kind: "identical" | "similar";
	/** Ordered: the member with the most metadata first, then by path. */
	members: DuplicateMember[];
}

export interface NotComparedCount {
	reason: NotComparedReason;
	count: number;
}

export interface DuplicateReport {
	groups: DuplicateGroup[];
	/** Photos whose originals are in the vault: all of them are checked for identical copies. */
	photos: number;
	/** Photos compared by picture (a perceptual hash). */
	compared: number;
	/** The others, by reason: videos, formats this device cannot decode, blank pictures… */
	notCompared: NotComparedCount[];
	/** Files that claimed a format and could not be decoded, with why. */
	failed: Array<{ path: string; reason: string }>;
	/** Pictures decoded and hashed this run, identical copies counted once (the rest came from the cache). */
	hashed: number;
	threshold: number;
	/** Vault path of the report note, or null when none was written. */
	note: string | null;
	/** True when the search was cancelled: groups then cover the photos hashed so far. */
	cancelled: boolean;
}

export type DuplicatePhase = "hashing" | "grouping" | "report";

export interface DuplicateProgress {
	phase: DuplicatePhase;
	done: number;
	total: number;
	path?: string;
}

export interface FindOptions {
	/** Bits of 64 two pictures may differ in and still look alike (default DEFAULT_DUPLICATE_THRESHOLD). */
	threshold?: number;
	signal?: AbortSignal;
	onProgress?: (progress: DuplicateProgress) => void;
	/** Write the report note (default true). */
	writeNote?: boolean;
	/** The vault's name, for the "Keep this one" links of the report note (obsidian://…?vault=…). */
	vaultName?: string;
}

export interface KeepResult {
	kept: string;
	/** Originals moved to the trash, with their notes. */
	trashed: string[];
	/** Photos that could not be moved, with why; they stay as they were (their notes merged all the same). */
	failed: Array<{ path: string; reason: string }>;
	/** Where they went, in words ("Obsidian's trash", "the vault's .trash folder"). */
	trash: string;
}

export interface DuplicateService {
	/**
	 * Groups identical copies (same SHA-256) and look-alikes (perceptual hash within `threshold` bits) over
	 * every photo of the index, hashing only photos the cache does not hold, and writes the report note.
	 */
	find(options?: FindOptions): Promise<DuplicateReport>;
	/**
	 * The group `photoPath` belongs to now, from the index and the cached hashes (hashing this one photo
	 * if it was not yet); null when it has no duplicate.
	 */
	groupOf(photoPath: string, options?: { threshold?: number }): Promise<DuplicateGroup | null>;
	/**
	 * Keeps `keptPath`: first merges into its note the tags, albums, other properties and text of the
	 * notes of `others`, then moves each other original and its note to the trash (never a hard delete)
	 * and drops them from the index. Their backups stay on the targets.
	 */
	keep(keptPath: string, others: readonly string[]): Promise<KeepResult>;
	/** Vault path of the report note. */
	readonly reportPath: string;
}
