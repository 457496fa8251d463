/**
 * Reads album membership and tags from photo notes, where they live: a photo's note is the truth of which
 * albums it is in (so membership moves with the note when the photo is renamed), and of its tags. Only these
 * small facts are kept per photo, so a scan of a large library stays in bounded memory.
 */
import type { PhotoRecord } from "../model/photo-record";
import type { Log } from "../ports/log";
import type { NoteStore, Properties } from "../ports/note-store";
import { readNoteProperties } from "../organize/note-properties";
import { tagsOf } from "../organize/tag-values";
import { runPool } from "../util/run-pool";
import type { AlbumResolver } from "./album-links";
import { albumLink } from "./album-links";

export const ALBUMS_PROPERTY = "albums";

export interface NoteFacts {
	/** The album notes the photo's `albums` property links to. */
	albums: string[];
	/** The note's tags, without "#". */
	tags: string[];
}

/** Notes read at once: reading is I/O-bound, and a few in flight hide the latency of each. */
const READS_AT_ONCE = 8;

/** The entries of a link-list property: a YAML list as it is, a single link as a list of one, nothing as empty; null for a map. */
export function linkEntries(value: unknown): unknown[] | null {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return [...(value as unknown[])];
	if (typeof value === "string") return value.trim() === "" ? [] : [value];
	return null;
}

export function noteFacts(properties: Properties, resolver: AlbumResolver): NoteFacts {
	const albums = (linkEntries(properties[ALBUMS_PROPERTY]) ?? [])
		.map((entry) => resolver.resolve(entry))
		.filter((path): path is string => path !== null);
	return { albums: [...new Set(albums)], tags: tagsOf(properties.tags) };
}

/** The facts of each record's note, by photo path; a note that is gone or unreadable is logged and left out. */
export async function scanNotes(
	notes: NoteStore,
	records: Iterable<PhotoRecord>,
	resolver: AlbumResolver,
	log: Log,
): Promise<Map<string, NoteFacts>> {
	const facts = new Map<string, NoteFacts>();
	await runPool([...records], READS_AT_ONCE, async (record) => {
		try {
			const properties = await readNoteProperties(notes, record.note);
			if (properties !== null) facts.set(record.path, noteFacts(properties, resolver));
		} catch (error) {
			log.warn(`The note ${record.note} could not be read for its albums and tags`, error);
		}
	});
	return facts;
}

/**
 * The `albums` list with a link to `albumPath` added (when none of its entries resolves there yet) or
 * removed (every entry that resolves there); null when nothing changes or the value is not a list.
 */
export function editedAlbums(current: unknown, albumPath: string, resolver: AlbumResolver, add: boolean): unknown[] | null {
	const entries = linkEntries(current);
	if (entries === null) return null;
	const linked = entries.some((entry) => resolver.resolve(entry) === albumPath);
	if (add) return linked ? null : [...entries, albumLink(albumPath)];
	return linked ? entries.filter((entry) => resolver.resolve(entry) !== albumPath) : null;
}
