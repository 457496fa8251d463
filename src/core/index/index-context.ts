/** What an index run works with: the ports, the settings, the in-memory index and how to persist it. */
import type { IndexSummary } from "../engine-types";
import type { PhotoRecord } from "../model/photo-record";
import type { Log } from "../ports/log";
import type { FileStore } from "../ports/file-store";
import type { NoteStore } from "../ports/note-store";
import type { IndexSettings } from "../settings";
import type { PathFilter } from "./path-filter";
import type { PhotoIndex } from "./photo-index";
import { notePathFor } from "../notes/note-path";

export interface IndexContext {
	files: FileStore;
	notes: NoteStore;
	log: Log;
	now: () => Date;
	settings: IndexSettings;
	index: PhotoIndex;
	isPhoto: PathFilter;
	/** Persists the index (atomically). */
	save: () => Promise<void>;
	/** Files read at once; hashing is the bulk of the work, so a few in flight keep the disk and the CPU busy. */
	concurrency: number;
	/** Brings the photo's note up to date (the engine adds what it knows beyond the index, like backup copies). */
	writeNote: (record: PhotoRecord) => Promise<"created" | "updated" | "unchanged">;
	/** Awaited between slices of a long comparison (a rescan of 100,000 photos), so a UI host stays responsive. */
	pause?: () => Promise<void>;
}

export function emptySummary(): IndexSummary {
	return { photos: 0, indexed: 0, created: 0, updated: 0, unchanged: 0, moved: 0, missing: 0, failed: [], cancelled: false };
}

export function countPresent(index: PhotoIndex): number {
	let n = 0;
	for (const r of index.values()) if (!r.missingSince) n++;
	return n;
}

/** Where the note of `photoPath` goes: its own current note, or a fresh path no other photo's note uses. */
export function allocateNote(ctx: IndexContext, photoPath: string): string {
	return notePathFor(photoPath, ctx.settings.notesFolder, (candidate) => {
		const owner = ctx.index.ownerOfNote(candidate);
		return owner !== undefined && owner !== photoPath;
	});
}
