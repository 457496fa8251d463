/**
 * What the rest of the engine and the shells see of albums: album notes in the albums folder, each a list of
 * photos (or a query — a smart album), with membership kept on the photos' notes (`albums` property, links
 * to the album notes) so Obsidian's backlinks, graph and Bases see it.
 */
import type { PhotoRecord } from "../model/photo-record";

export interface AlbumInfo {
	/** Vault path of the album note ("Albums/Summer 2024.md"). */
	path: string;
	/** Shown to the user: the note's `title` property, else its file name. */
	title: string;
	/** True when the album holds a query instead of a list, and its members follow the library. */
	smart: boolean;
}

export interface AlbumService {
	/** Every album note in the albums folder. */
	list(): Promise<AlbumInfo[]>;
	/** The album whose title, file name or path is `nameOrPath` (case-insensitive on names); null when none. */
	find(nameOrPath: string): Promise<AlbumInfo | null>;
	/** The album's photos as the index knows them, in the album's order (a smart album: by date taken). */
	members(albumPath: string): Promise<PhotoRecord[]>;
}
