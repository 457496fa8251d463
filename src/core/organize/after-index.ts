/**
 * What organizing does once an index run has finished: bring every note's automatic tags in line with the
 * settings when those changed since they were last applied (a kind turned off loses its tags, a new prefix
 * replaces the old one), and refresh the albums whose photos may have changed (smart albums follow new and
 * changed photos; every gallery follows moved ones). A run that changed nothing costs one small read, once.
 */
import type { AlbumLibrary } from "../albums/album-types";
import type { IndexRunOptions, IndexSummary } from "../engine-types";
import type { PhotoRecord } from "../model/photo-record";
import type { DataStore } from "../ports/data-store";
import type { Log } from "../ports/log";
import type { NoteStore } from "../ports/note-store";
import { applyAutoTags } from "./auto-tags";
import type { OrganizeSettings } from "./organize-settings";

/** In the plugin's data folder: the tag settings last applied to every note. */
export const ORGANIZE_STATE_FILE = "organize-state.json";

export interface OrganizerDeps {
	data: DataStore;
	notes: NoteStore;
	settings: OrganizeSettings;
	log: Log;
	/** The index's records as they are now. */
	records: () => Iterable<PhotoRecord>;
	albums: AlbumLibrary;
}

export interface Organizer {
	/**
	 * After a run over every photo folder, with that run's progress callback and signal (rewriting every note's
	 * tags is reported as the "notes" phase, and a cancel stops it; the next run goes on). Never throws: a
	 * failure here is logged, the index run stands.
	 */
	afterIndexAll(summary: IndexSummary, options?: IndexRunOptions): Promise<void>;
	/** After a run over some paths (auto-index of new photos): albums only. */
	afterReindex(summary: IndexSummary): Promise<void>;
}

interface TagState {
	prefix: string;
	kinds: OrganizeSettings["autoTags"];
}

function readState(text: string | null): TagState | null {
	if (text === null) return null;
	try {
		const parsed = JSON.parse(text) as { tags?: Partial<TagState> };
		const tags = parsed.tags;
		if (typeof tags?.prefix !== "string" || typeof tags.kinds !== "object" || tags.kinds === null) return null;
		return { prefix: tags.prefix, kinds: tags.kinds };
	} catch {
		return null;
	}
}

const stateKey = (state: TagState): string =>
	JSON.stringify([state.prefix, state.kinds.date, state.kinds.camera, state.kinds.media, state.kinds.location]);

export function createOrganizer(deps: OrganizerDeps): Organizer {
	const current: TagState = { prefix: deps.settings.tagPrefix, kinds: deps.settings.autoTags };
	let appliedKey: string | null = null;

	/** Rewrites the automatic tags of every note when the settings differ from those last applied; true when it ran. */
	const retagIfNeeded = async (summary: IndexSummary, options: IndexRunOptions): Promise<boolean> => {
		if (appliedKey === stateKey(current)) return false;
		const previous = readState(await deps.data.read(ORGANIZE_STATE_FILE));
		if (previous !== null && stateKey(previous) === stateKey(current)) {
			appliedKey = stateKey(current);
			return false;
		}
		const records = [...deps.records()];
		const written = summary.created + summary.updated + summary.moved + summary.missing;
		// A first run that wrote every note has applied the current tags already: no need to read them all again.
		const everyNoteWritten = previous === null && summary.unchanged === 0 && written >= records.length;
		if (!everyNoteWritten) {
			const former = previous === null ? [] : [previous.prefix];
			let done = 0;
			for (const record of records) {
				// Not recorded as applied: the next run starts over, and notes already done cost a read each.
				if (options.signal?.aborted) return false;
				try {
					await deps.notes.update(record.note, { properties: (p) => applyAutoTags(p, record, deps.settings, former) });
				} catch (error) {
					deps.log.warn(`The automatic tags of ${record.note} could not be updated`, error);
				}
				options.onProgress?.({ phase: "notes", done: ++done, total: records.length, path: record.path });
			}
		}
		await deps.data.write(ORGANIZE_STATE_FILE, JSON.stringify({ tags: current }, null, "\t") + "\n");
		appliedKey = stateKey(current);
		return !everyNoteWritten;
	};

	const refreshAlbums = async (summary: IndexSummary, retagged: boolean): Promise<void> => {
		if (summary.moved > 0) await deps.albums.refreshAll();
		else if (retagged || summary.created + summary.updated + summary.missing > 0) await deps.albums.refreshAll({ smartOnly: true });
	};

	const guarded = async (what: string, work: () => Promise<void>): Promise<void> => {
		try {
			await work();
		} catch (error) {
			deps.log.warn(`After indexing, ${what} failed`, error);
		}
	};

	return {
		afterIndexAll: (summary, options = {}) => guarded("organizing tags and albums", async () => {
			if (summary.cancelled) return;
			const retagged = await retagIfNeeded(summary, options);
			await refreshAlbums(summary, retagged);
		}),
		afterReindex: (summary) => guarded("refreshing albums", () => refreshAlbums(summary, false)),
	};
}
