/**
 * Writes photo notes with their backup rows and properties, for the index and for the backup alike. Writes
 * to one photo's note go one at a time, and a refresh after an upload takes the index's record as it is
 * then, so an upload landing while the photo is re-indexed can never leave the older metadata in the note.
 */
import type { PhotoRecord } from "../model/photo-record";
import { writePhotoNote, type NoteWriteResult } from "../notes/photo-note";
import type { NoteStore } from "../ports/note-store";
import type { OrganizeSettings } from "../organize/organize-settings";
import type { BackupLedger } from "./backup-ledger";

export interface BackupNotesDeps {
	notes: NoteStore;
	ledger: BackupLedger;
	/** The index's record for a photo path, as it is now. */
	current: (path: string) => PhotoRecord | undefined;
	/** The automatic tags' settings, merged into every note written; absent leaves `tags` alone. */
	autoTags?: OrganizeSettings;
}

export interface BackupNotes {
	/** Creates or updates the note of `record` (what the index calls). */
	write(record: PhotoRecord): Promise<NoteWriteResult>;
	/** Rewrites the notes of these photos from the index's current records (after an upload landed). */
	refresh(paths: readonly string[]): Promise<void>;
}

export function createBackupNotes(deps: BackupNotesDeps): BackupNotes {
	const chains = new Map<string, Promise<unknown>>();

	const serially = <T>(path: string, operation: () => Promise<T>): Promise<T> => {
		const result = (chains.get(path) ?? Promise.resolve()).then(operation, operation);
		const tail = result.catch(() => undefined);
		chains.set(path, tail);
		// Forget the chain once idle, so the map holds only photos being written.
		void tail.then(() => {
			if (chains.get(path) === tail) chains.delete(path);
		});
		return result;
	};

	const writeNow = async (record: PhotoRecord): Promise<NoteWriteResult> => {
		// The rows come from the manifests: a note written before they are loaded would lose them.
		await deps.ledger.load();
		const options = deps.ledger.noteBackupInfo(record);
		return writePhotoNote(deps.notes, record, deps.autoTags ? { ...options, autoTags: deps.autoTags } : options);
	};

	return {
		write: (record) => serially(record.path, () => writeNow(record)),
		refresh: async (paths) => {
			for (const path of paths) {
				await serially(path, async () => {
					const record = deps.current(path);
					if (record !== undefined) await writeNow(record);
				});
			}
		},
	};
}
