/**
 * The album service: album notes in the albums folder, membership kept as links in the photo notes' `albums`
 * property, galleries and computed properties rewritten whenever membership changes. Changes run one at a
 * time, so two commands never interleave their writes to one album note.
 */
import { describeError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import { safeName } from "../notes/note-path";
import type { Log } from "../ports/log";
import type { NoteStore, Properties } from "../ports/note-store";
import { readNoteProperties } from "../organize/note-properties";
import type { OrganizeSettings } from "../organize/organize-settings";
import { SerialQueue } from "../util/serial-queue";
import { albumLink, AlbumResolver } from "./album-links";
import { factsReader, galleryRecords, listMembers, refreshAlbum, smartMembers, type MembersContext } from "./album-members";
import { ALBUM_PROPERTY, galleryOrder, newAlbumProperties, renderGallery } from "./album-note";
import { describeQuery, isEmptyQuery, queryFromProperties, type AlbumQuery } from "./album-query";
import type { AlbumInfo, AlbumLibrary, CreateAlbumOptions, MembershipChange } from "./album-types";
import { ALBUMS_PROPERTY, editedAlbums, linkEntries } from "./membership";

export interface AlbumLibraryDeps {
	notes: NoteStore;
	settings: OrganizeSettings;
	log: Log;
	/** Every photo the index knows (the index loaded). */
	records: () => Promise<Iterable<PhotoRecord>>;
	record: (photoPath: string) => PhotoRecord | undefined;
	photoOfNote: (notePath: string) => string | null;
}

function fileTitle(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
}

function titleOf(path: string, properties: Properties): string {
	const title = properties[ALBUM_PROPERTY.title];
	return typeof title === "string" && title.trim() !== "" ? title.trim() : fileTitle(path);
}

export function createAlbumLibrary(deps: AlbumLibraryDeps): AlbumLibrary {
	const { notes, log } = deps;
	const folder = deps.settings.albumsFolder;
	const queue = new SerialQueue();
	const albumPaths = async (): Promise<string[]> => (await notes.list(folder)).filter((path) => /\.md$/i.test(path));
	const ctx: MembersContext = { notes, settings: deps.settings, log, records: deps.records, record: deps.record, albumPaths };

	const info = async (path: string): Promise<AlbumInfo | null> => {
		const properties = await readNoteProperties(notes, path);
		if (properties === null) return null;
		return { path, title: titleOf(path, properties), smart: queryFromProperties(properties) !== null };
	};

	const existing = async (path: string): Promise<AlbumInfo> => {
		const album = await info(path);
		if (album === null) throw new Error(`There is no album note at "${path}".`);
		return album;
	};

	const list = async (): Promise<AlbumInfo[]> => {
		const albums: AlbumInfo[] = [];
		for (const path of await albumPaths()) {
			try {
				const album = await info(path);
				if (album !== null) albums.push(album);
			} catch (error) {
				log.warn(`The album note ${path} could not be read`, error);
			}
		}
		return albums.sort((a, b) => a.title.localeCompare(b.title));
	};

	const find = async (nameOrPath: string): Promise<AlbumInfo | null> => {
		const wanted = nameOrPath.trim().toLowerCase();
		if (wanted === "") return null;
		const albums = await list();
		const byPath = albums.find((a) => a.path.toLowerCase() === wanted || a.path.toLowerCase() === `${wanted}.md`);
		return byPath
			?? albums.find((a) => a.title.toLowerCase() === wanted)
			?? albums.find((a) => fileTitle(a.path).toLowerCase() === wanted || fileTitle(a.path).toLowerCase() === safeName(wanted))
			?? null;
	};

	const photoRecord = (path: string): PhotoRecord | undefined => {
		const photo = deps.record(path) ? path : deps.photoOfNote(path);
		return photo === null ? undefined : deps.record(photo);
	};

	const search = async (query: AlbumQuery): Promise<PhotoRecord[]> =>
		smartMembers(ctx, query, factsReader(ctx, await albumPaths()));

	const editMembership = async (albumPath: string, photoPaths: readonly string[], add: boolean): Promise<MembershipChange> => {
		const album = await existing(albumPath);
		if (album.smart) {
			throw new Error(`“${album.title}” is a smart album: its photos follow its search. Change its smart_ properties instead.`);
		}
		const resolver = new AlbumResolver(await albumPaths());
		const change: MembershipChange = { album, changed: 0, unchanged: 0, unknown: [], failed: [], count: 0 };
		const touched: PhotoRecord[] = [];
		for (const path of new Set(photoPaths)) {
			const record = photoRecord(path);
			if (record === undefined) {
				change.unknown.push(path);
				continue;
			}
			touched.push(record);
			try {
				const written = await notes.update(record.note, {
					properties: (properties) => {
						const next = editedAlbums(properties[ALBUMS_PROPERTY], albumPath, resolver, add);
						if (next !== null) properties[ALBUMS_PROPERTY] = next;
					},
				});
				if (written) change.changed++;
				else change.unchanged++;
			} catch (error) {
				change.failed.push({ path, reason: describeError(error) });
			}
		}
		const state = await refreshAlbum(ctx, albumPath, factsReader(ctx, await albumPaths()), touched);
		change.count = state.members.length;
		return change;
	};

	/** The photos a new album starts with; an empty source is a mistake worth saying, not an empty album. */
	const firstPhotos = async (options: CreateAlbumOptions): Promise<string[]> => {
		const photos = [...(options.photos ?? [])];
		if (options.folder !== undefined) {
			const under = options.folder.replace(/^\/+|\/+$/g, "");
			const found = [...(await deps.records())].filter((r) => r.missingSince === undefined && (under === "" || r.path.startsWith(`${under}/`)));
			if (found.length === 0) throw new Error(`No indexed photo is under “${under || "/"}”. Check the folder's name, or index the photos first.`);
			photos.push(...galleryOrder(found).map((r) => r.path));
		}
		if (options.query !== undefined && !options.smart) {
			const found = await search(options.query);
			if (found.length === 0) throw new Error(`No photo is ${describeQuery(options.query)}.`);
			photos.push(...found.map((r) => r.path));
		}
		return photos;
	};

	const create = async (title: string, options: CreateAlbumOptions = {}): Promise<MembershipChange> => {
		const clean = title.trim();
		if (clean === "") throw new Error("An album needs a name.");
		if (options.query !== undefined && isEmptyQuery(options.query)) {
			throw new Error("Say what to search for: a date range, a tag, a camera, or whether photos have a location.");
		}
		const path = `${folder === "" ? "" : `${folder}/`}${safeName(clean)}.md`;
		const clash = (await notes.read(path)) !== null ? path : (await find(clean))?.path;
		if (clash !== undefined) throw new Error(`An album named “${clean}” already exists: ${clash}.`);
		const photos = await firstPhotos(options);
		const query = options.smart && options.query !== undefined ? options.query : null;
		await notes.create(path, newAlbumProperties(clean, query, options.description ?? ""), `${renderGallery([], query)}\n\n## Notes\n\n`);
		if (query !== null) {
			const state = await refreshAlbum(ctx, path, factsReader(ctx, await albumPaths()));
			return { album: await existing(path), changed: 0, unchanged: 0, unknown: [], failed: [], count: state.members.length };
		}
		return editMembership(path, photos, true);
	};

	const members = async (albumPath: string): Promise<PhotoRecord[]> => {
		const properties = await readNoteProperties(notes, albumPath);
		if (properties === null) throw new Error(`There is no album note at "${albumPath}".`);
		const query = queryFromProperties(properties);
		const facts = factsReader(ctx, await albumPaths());
		return query !== null ? smartMembers(ctx, query, facts) : listMembers(ctx, albumPath, facts);
	};

	const albumsOf = async (photoPath: string): Promise<AlbumInfo[]> => {
		const record = photoRecord(photoPath);
		if (record === undefined) return [];
		const properties = await readNoteProperties(notes, record.note);
		const resolver = new AlbumResolver(await albumPaths());
		const linked = new Set((linkEntries(properties?.[ALBUMS_PROPERTY]) ?? []).map((e) => resolver.resolve(e)));
		return (await list()).filter((album) => linked.has(album.path));
	};

	const refreshAll = async (options: { smartOnly?: boolean } = {}): Promise<number> => {
		const paths = await albumPaths();
		const facts = factsReader(ctx, paths);
		let refreshed = 0;
		for (const path of paths) {
			try {
				const properties = await readNoteProperties(notes, path);
				if (properties === null || (options.smartOnly && queryFromProperties(properties) === null)) continue;
				await refreshAlbum(ctx, path, facts);
				refreshed++;
			} catch (error) {
				log.warn(`The album ${path} could not be refreshed`, error);
			}
		}
		return refreshed;
	};

	const albumRenamed = async (oldPath: string, newPath: string): Promise<number> => {
		const body = await notes.read(newPath);
		if (body === null || !(await albumPaths()).includes(newPath)) return 0;
		const old = new AlbumResolver([oldPath]);
		let changed = 0;
		for (const record of galleryRecords(ctx, body)) {
			try {
				const written = await notes.update(record.note, {
					properties: (properties) => {
						const entries = linkEntries(properties[ALBUMS_PROPERTY]);
						if (entries?.some((e) => old.resolve(e) === oldPath)) {
							properties[ALBUMS_PROPERTY] = entries.map((e) => (old.resolve(e) === oldPath ? albumLink(newPath) : e));
						}
					},
				});
				if (written) changed++;
			} catch (error) {
				log.warn(`The note ${record.note} could not follow the album renamed to ${newPath}`, error);
			}
		}
		return changed;
	};

	const photoMoved = async (photoPath: string): Promise<void> => {
		const record = deps.record(photoPath);
		if (record === undefined) return;
		for (const album of await albumsOf(photoPath)) {
			await refreshAlbum(ctx, album.path, factsReader(ctx, await albumPaths()), [record]);
		}
	};

	return {
		folder,
		list,
		find,
		members,
		search,
		albumsOf,
		create: (title, options) => queue.run(() => create(title, options)),
		add: (albumPath, photoPaths) => queue.run(() => editMembership(albumPath, photoPaths, true)),
		remove: (albumPath, photoPaths) => queue.run(() => editMembership(albumPath, photoPaths, false)),
		refresh: (albumPath) => queue.run(async () => {
			await refreshAlbum(ctx, albumPath, factsReader(ctx, await albumPaths()));
		}),
		refreshAll: (options) => queue.run(() => refreshAll(options)),
		albumRenamed: (oldPath, newPath) => queue.run(() => albumRenamed(oldPath, newPath)),
		photoMoved: (photoPath) => queue.run(() => photoMoved(photoPath)),
	};
}
