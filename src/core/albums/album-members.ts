/**
 * Who is in an album, and writing that into the album note. A list album's photos are those whose notes link
 * to it; a smart album's are those its query matches. The album note's properties and gallery are then
 * brought up to date (nothing is written when they already are).
 */
import type { PhotoRecord } from "../model/photo-record";
import { replaceGeneratedSection } from "../notes/merge-note";
import type { Log } from "../ports/log";
import type { NoteStore } from "../ports/note-store";
import { autoTagsFor, isManagedTag } from "../organize/auto-tags";
import type { OrganizeSettings } from "../organize/organize-settings";
import { readNoteProperties } from "../organize/note-properties";
import { AlbumResolver } from "./album-links";
import { applyAlbumFacts, galleryOrder, galleryPaths, renderGallery } from "./album-note";
import { matchesQuery, queryFromProperties, type AlbumQuery } from "./album-query";
import { scanNotes, type NoteFacts } from "./membership";

export interface MembersContext {
	notes: NoteStore;
	settings: OrganizeSettings;
	log: Log;
	/** Every photo the index knows. */
	records: () => Promise<Iterable<PhotoRecord>>;
	record: (photoPath: string) => PhotoRecord | undefined;
	/** Every album note path. */
	albumPaths: () => Promise<string[]>;
}

/** The facts of photo notes, read once and shared by the albums refreshed together. */
export type FactsSource = (records: Iterable<PhotoRecord>) => Promise<Map<string, NoteFacts>>;

export function factsReader(ctx: MembersContext, albumPaths: readonly string[]): FactsSource {
	const resolver = new AlbumResolver(albumPaths);
	let all: Promise<Map<string, NoteFacts>> | null = null;
	return async (records) => {
		const list = [...records];
		const everything = [...(await ctx.records())];
		// The whole library is read at most once per refresh, whichever albums ask.
		if (list.length >= everything.length) {
			all ??= scanNotes(ctx.notes, everything, resolver, ctx.log);
			return all;
		}
		return scanNotes(ctx.notes, list, resolver, ctx.log);
	};
}

/** Whether the query can be answered from the index alone: no tags, or only automatic ones. */
function needsNoteTags(query: AlbumQuery, settings: OrganizeSettings): boolean {
	return (query.tags ?? []).some((tag) => !isManagedTag(tag, [settings.tagPrefix]));
}

/** A smart album's photos: present originals matching its query, in gallery order. */
export async function smartMembers(ctx: MembersContext, query: AlbumQuery, facts: FactsSource): Promise<PhotoRecord[]> {
	const present = [...(await ctx.records())].filter((r) => r.missingSince === undefined);
	if (!needsNoteTags(query, ctx.settings)) {
		return galleryOrder(present.filter((r) => matchesQuery(r, autoTagsFor(r, ctx.settings), query)));
	}
	const known = await facts(present);
	return galleryOrder(present.filter((r) => matchesQuery(r, known.get(r.path)?.tags ?? [], query)));
}

/**
 * A list album's photos among `candidates` (every photo when absent): those whose notes link to the album.
 * Each candidate's note is read, so a hint that is out of date (a gallery written before a change) is harmless.
 */
export async function listMembers(ctx: MembersContext, albumPath: string, facts: FactsSource, candidates?: Iterable<PhotoRecord>): Promise<PhotoRecord[]> {
	const pool = candidates === undefined ? [...(await ctx.records())] : [...new Set(candidates)];
	const known = await facts(pool);
	return galleryOrder(pool.filter((r) => known.get(r.path)?.albums.includes(albumPath) === true));
}

/** The records a gallery embeds, as far as the index still knows them. */
export function galleryRecords(ctx: MembersContext, body: string): PhotoRecord[] {
	return galleryPaths(body)
		.map((path) => ctx.record(path))
		.filter((record): record is PhotoRecord => record !== undefined);
}

export interface AlbumState {
	query: AlbumQuery | null;
	members: PhotoRecord[];
}

/**
 * Computes the album's photos (for a list album, among `candidates` plus what its gallery shows, or every
 * photo when `candidates` is absent) and writes its properties and gallery. Returns what it found.
 */
export async function refreshAlbum(
	ctx: MembersContext,
	albumPath: string,
	facts: FactsSource,
	candidates?: Iterable<PhotoRecord>,
): Promise<AlbumState> {
	const body = await ctx.notes.read(albumPath);
	const properties = body === null ? null : await readNoteProperties(ctx.notes, albumPath);
	if (body === null || properties === null) throw new Error(`There is no album note at "${albumPath}".`);
	const query = queryFromProperties(properties);
	const members = query !== null
		? await smartMembers(ctx, query, facts)
		: await listMembers(ctx, albumPath, facts, candidates === undefined ? undefined : [...galleryRecords(ctx, body), ...candidates]);
	const gallery = renderGallery(members, query);
	await ctx.notes.update(albumPath, {
		properties: (p) => applyAlbumFacts(p, members),
		body: (text) => replaceGeneratedSection(text, gallery),
	});
	return { query, members };
}
