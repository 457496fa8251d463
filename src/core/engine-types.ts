/** What the shells (Obsidian plugin, CLI) see of the engine: one facade over indexing, notes and backups. */
import type { AlbumLibrary } from "./albums/album-types";
import type { BackupService } from "./backup/backup-types";
import type { DuplicateService } from "./duplicates/duplicate-types";
import type { ExportService } from "./export/export-types";
import type { PhotoMetadata } from "./model/photo-metadata";
import type { PhotoRecord } from "./model/photo-record";
import type { RestoreService } from "./restore/restore-types";
import type { IndexSettings } from "./settings";
import type { VerifyService } from "./verify/verify-types";
import type { StatusService } from "./status/status-service";

export type IndexPhase = "listing" | "reading" | "notes" | "saving";

export interface IndexProgress {
	phase: IndexPhase;
	/** Items done and total in this phase. */
	done: number;
	total: number;
	/** The file being worked on, when there is one. */
	path?: string;
}

export interface IndexFailure {
	path: string;
	/** A plain-words reason ("empty file (0 bytes)", "not a photo: the file holds text"). */
	reason: string;
}

export interface IndexSummary {
	/** Photos in the index after the run, present originals only. */
	photos: number;
	/** Files read this run (new, changed or moved). */
	indexed: number;
	/** New photos, each with a new note. */
	created: number;
	/** Changed photos (or notes that needed their generated part refreshed). */
	updated: number;
	/** Photos not read again: same size and modification time. */
	unchanged: number;
	/** Photos found at a new path with the same content; their notes moved with them. */
	moved: number;
	/** Photos whose original disappeared this run; their notes are kept and marked. */
	missing: number;
	failed: IndexFailure[];
	/** True when the run was cancelled; the index keeps what finished. */
	cancelled: boolean;
}

export interface IndexRunOptions {
	signal?: AbortSignal;
	onProgress?: (progress: IndexProgress) => void;
}

export interface PhotoEngine {
	readonly settings: IndexSettings;
	/**
	 * Backs the originals up to the targets of the backup settings the engine was made with. Runs beside
	 * indexing (it reads the index as it is when a run starts); a photo that changes while it uploads is
	 * re-indexed through the engine. Passive: the shell decides when to run it (after an index run that
	 * created photos, every N minutes), and a run uploads only what the targets do not hold yet.
	 */
	readonly backup: BackupService;
	/**
	 * Checks the copies on the targets against their manifests: quick (listing, presence and size) or
	 * thorough (re-hashing all copies, or a rotating share). Faults go into the manifests and notes, and
	 * the photos concerned are uploaded again by the next backup run.
	 */
	readonly verify: VerifyService;
	/** The 3-2-1 status of the library and each target's backups, for the status view and `photo-archivist status`. */
	readonly status: StatusService;
	/**
	 * Restores originals from the targets' copies (missing ones into the vault, or a whole target into a
	 * folder) and frees up space by moving originals with enough verified copies to the trash.
	 */
	readonly restore: RestoreService;
	/**
	 * Albums: notes in the albums folder with a gallery, membership as links in the photo notes' `albums`
	 * property, smart albums that follow a search. Refreshed after index runs (see organize/after-index.ts).
	 */
	readonly albums: AlbumLibrary;
	/**
	 * Duplicate photos: identical copies (SHA-256) and look-alikes (perceptual hash, cached by content in the
	 * data folder), a report note, and "keep this one", which merges the others' notes in and trashes them.
	 */
	readonly duplicates: DuplicateService;
	/** "Export album as ZIP": an album's photos (originals, copies without location, or resized), its note and an index.html, streamed. */
	readonly exporter: ExportService;
	/** Loads the index from the data folder. Missing or corrupt index: starts empty (a warning is logged), never throws. */
	load(): Promise<void>;
	/** Scans every photo folder; reads only new and changed files; writes notes; saves the index. */
	indexAll(options?: IndexRunOptions): Promise<IndexSummary>;
	/** Reads these photos again even if unchanged (new files are indexed, vanished ones marked missing). */
	reindex(paths: readonly string[], options?: IndexRunOptions): Promise<IndexSummary>;
	/** A photo was renamed or moved inside the vault: move its note, update the index. No-op for unknown paths. */
	photoRenamed(oldPath: string, newPath: string): Promise<void>;
	/** A photo was deleted: keep its note and mark it as missing its original. */
	photoDeleted(path: string): Promise<void>;
	/** Whether `path` is a photo this engine indexes (folder, extension, exclusions). */
	isPhotoPath(path: string): boolean;
	/** The note of an indexed photo, or null. */
	noteOf(photoPath: string): string | null;
	/** The photo whose note is at `notePath`, or null. */
	photoOfNote(notePath: string): string | null;
	record(photoPath: string): PhotoRecord | undefined;
	records(): Iterable<PhotoRecord>;
	/** The metadata of any file, as the index would read it. Throws on unreadable input. */
	inspect(path: string): Promise<PhotoMetadata>;
}
