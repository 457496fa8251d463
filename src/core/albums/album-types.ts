/**
 * What the rest of the engine and the shells see of albums: album notes in the albums folder, each a list of
 * photos (or a query — a smart album), with membership kept on the photos' notes (`albums` property, links
 * to the album notes) so Obsidian's backlinks, graph and Bases see it.
 */
import type { PhotoRecord } from "../model/photo-record";
import type { AlbumQuery } from "./album-query";

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

/** A change of album membership: what happened to each photo asked for. */
export interface MembershipChange {
	album: AlbumInfo;
	/** Photos whose notes changed (a link added or removed). */
	changed: number;
	/** Photos that already were (or were not) in the album. */
	unchanged: number;
	/** Paths given that are no photo the index knows. */
	unknown: string[];
	failed: Array<{ path: string; reason: string }>;
	/** The album's photo count afterwards. */
	count: number;
}

/** Where a new album's first photos come from. */
export interface CreateAlbumOptions {
	/** These photos (vault paths of the originals, or of their notes). */
	photos?: readonly string[];
	/** Every photo under this vault folder ("" is the whole vault). */
	folder?: string;
	/** The photos this search finds; with `smart`, the album keeps the search and follows the library. */
	query?: AlbumQuery;
	smart?: boolean;
	description?: string;
}

/** Everything the shells do with albums; `AlbumService` is the part export relies on. */
export interface AlbumLibrary extends AlbumService {
	/** The albums folder from the settings. */
	readonly folder: string;
	/** Creates the album note (its name made safe for every system) and puts its first photos in. Throws when the album exists. */
	create(title: string, options?: CreateAlbumOptions): Promise<MembershipChange>;
	/** Adds the photos (vault paths of originals or of their notes) to a list album. Throws for a smart album. */
	add(albumPath: string, photoPaths: readonly string[]): Promise<MembershipChange>;
	/** Takes the photos out of a list album; their notes lose the link, nothing else. Throws for a smart album. */
	remove(albumPath: string, photoPaths: readonly string[]): Promise<MembershipChange>;
	/** The albums the photo's note links to (list albums), for "Remove current photo from album…". */
	albumsOf(photoPath: string): Promise<AlbumInfo[]>;
	/** The present photos a search finds, by date taken. */
	search(query: AlbumQuery): Promise<PhotoRecord[]>;
	/** Rewrites the album's gallery and computed properties from its photos. */
	refresh(albumPath: string): Promise<void>;
	/** The same for every album (or only the smart ones), reading the photo notes at most once. Returns albums refreshed. */
	refreshAll(options?: { smartOnly?: boolean }): Promise<number>;
	/**
	 * An album note was renamed or moved: photo notes still linking to the old path (Obsidian updates links
	 * only when its setting says so, and the CLI not at all) get the new link. Returns notes changed.
	 */
	albumRenamed(oldPath: string, newPath: string): Promise<number>;
	/** A photo was renamed or moved: the galleries of its albums show it at its new path. */
	photoMoved(photoPath: string): Promise<void>;
}
