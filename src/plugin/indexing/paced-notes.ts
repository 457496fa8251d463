/**
 * Notes written at the pace Obsidian's metadata cache can follow. Every note created or changed is queued by
 * Obsidian for parsing; a first run over 100,000 photos would queue them all at once, and the app would stay
 * busy long after. After each batch, writers wait until the cache reports it has caught up ("resolved"), or
 * a short while at most, so the index run never gets far ahead of it.
 */
import type { EventRef, MetadataCache } from "obsidian";
import type { NoteStore } from "../../core/ports/note-store";

/** Notes written before waiting for the cache: a few hundred milliseconds of its work. */
export const NOTE_BATCH = 100;
/** The longest wait for the cache; it does not always announce that it is done (no change, another plugin's work). */
export const MAX_WAIT_MS = 1000;

export interface PaceOptions {
	batch?: number;
	maxWaitMs?: number;
}

export function pacedNotes(inner: NoteStore, cache: Pick<MetadataCache, "on" | "offref">, options: PaceOptions = {}): NoteStore {
	const batch = options.batch ?? NOTE_BATCH;
	const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
	let written = 0;
	let waiting: Promise<void> | null = null;

	const caughtUp = (): Promise<void> =>
		new Promise((resolve) => {
			let ref: EventRef | null = null;
			const done = (): void => {
				window.clearTimeout(timer);
				if (ref !== null) cache.offref(ref);
				resolve();
			};
			const timer = window.setTimeout(done, maxWaitMs);
			ref = cache.on("resolved", done);
		});

	/** Counts a write that changed a note; every `batch` of them, the writers wait (together) for the cache. */
	const paced = async <T>(write: () => Promise<T>, changed: (result: T) => boolean): Promise<T> => {
		if (waiting !== null) await waiting;
		const result = await write();
		if (changed(result) && ++written % batch === 0 && waiting === null) {
			waiting = caughtUp().finally(() => {
				waiting = null;
			});
		}
		return result;
	};

	return {
		read: (path) => inner.read(path),
		list: (folder) => inner.list(folder),
		create: (path, properties, body) => paced(() => inner.create(path, properties, body), () => true),
		// An update that found the note as it should be wrote nothing: nothing for the cache to parse.
		update: (path, edit) => paced(() => inner.update(path, edit), (wrote) => wrote),
		move: (from, to) => inner.move(from, to),
	};
}
