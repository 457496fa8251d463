/** What the shells see of "Export album as ZIP": options, progress, the summary, and the service on the engine. */
import type { AlbumInfo } from "../albums/album-types";
import type { PhotoRecord } from "../model/photo-record";
import type { FileWriter } from "../ports/file-writer";

/**
 * A smaller JPEG of a photo for sharing, made by the host (inside Obsidian: the platform's image decoder and
 * a canvas). Null when the platform cannot decode this format; the original is exported instead.
 */
export type Resizer = (photo: PhotoRecord, original: Uint8Array) => Promise<Uint8Array | null>;

export interface ExportOptions {
	/** Copies without GPS positions and place names; a photo whose location cannot be removed is left out. */
	stripLocation?: boolean;
	/** Resized copies instead of the originals (inside Obsidian only). */
	resize?: Resizer;
	/**
	 * The largest export allowed, in bytes, all parts together: on a phone every part is built in memory and
	 * held there until the last one is complete (no part appears before all do). Checked before anything is
	 * read when the size is known, and as the archives grow when copies are resized.
	 */
	maxBytes?: number;
	/**
	 * The size each archive is planned to stay under (default DEFAULT_PART_BYTES, a little under 4 GiB; at
	 * most what ZIP without ZIP64 can address). A larger album is split into parts, each a complete ZIP.
	 */
	maxPartBytes?: number;
	/** What to tell the user when the export would pass `maxBytes` (where to export it instead). */
	maxBytesHint?: string;
	signal?: AbortSignal;
	onProgress?: (progress: ExportProgress) => void;
}

export interface ExportProgress {
	/** Photos written to the archive (or left out) so far, of all the album's photos. */
	done: number;
	total: number;
	/** Bytes of the archive so far. */
	bytes: number;
	/** The photo being written. */
	path?: string;
	/** The archive being written and how many there are, when the album is split into parts. */
	part?: number;
	parts?: number;
}

export interface ExportedPhotoIssue {
	/** Vault path of the photo. */
	path: string;
	reason: string;
}

export interface ExportSummary {
	/** The album's title. */
	album: string;
	/** Where the archive (the first part, when split) was saved, as the destination named it. */
	archive: string;
	/** Every archive saved, in order: one, or the parts of a split export. */
	archives: string[];
	/** Photos and videos in the archives. */
	photos: number;
	/** Size of the archives in bytes, all parts together. */
	bytes: number;
	/** Copies whose location was removed (resized copies count: they never carry one). */
	locationRemoved: number;
	/** Resized copies in the archive. */
	resized: number;
	/** Photos exported as their original because no resized copy could be made, and why. */
	notResized: ExportedPhotoIssue[];
	/** Photos of the album that are in no archive, and why (original not in the vault, too large for ZIP, location could not be removed). */
	leftOut: ExportedPhotoIssue[];
}

/** Where the archives go: a writer that shows nothing under a path until that archive is complete, and never replaces a file. */
export interface ExportDestination {
	writer: FileWriter;
	/**
	 * The path of each archive of an export in `parts` parts, in order: one path for one archive, else
	 * "Album (part 1 of 3).zip"… (see archive-set.ts). Asked once, when the number of parts is known and
	 * before anything is written; none of the paths may be taken (throw FileExistsError, or pick free ones).
	 */
	paths(parts: number): Promise<string[]>;
	/** Removes an archive this export saved, when another of its parts could not be saved in the end. */
	remove(path: string): Promise<void>;
}

export interface ExportService {
	/**
	 * Writes the album `album` (a name, a path, or the album itself) as ZIP archives: one, or as many parts as
	 * `maxPartBytes` needs, each complete with its photos in album order, the album note, and index.html.
	 * Refuses with a plain-words error, before writing anything, an album that does not exist, has no photo
	 * in the vault (or none small enough for ZIP), or would pass `maxBytes`. Every part is written under a
	 * temporary name and all appear together once all are complete: a cancelled or failed export leaves none.
	 */
	exportAlbum(album: string | AlbumInfo, destination: ExportDestination, options?: ExportOptions): Promise<ExportSummary>;
}

/** An export that cannot be done as asked (no such album, too large): nothing was written. */
export class ExportRefusedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "ExportRefusedError";
	}
}
