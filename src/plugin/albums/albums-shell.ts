/**
 * The tags-and-albums half of the plugin: "Tag photos…", "Add current photo to album…", "Remove current photo
 * from album…", "Create album from folder", "Create album from search", "Refresh albums", its settings
 * section, and following album notes that are renamed. Work goes through the engine's album service; each
 * command ends with a notice saying what happened.
 */
import { Notice, TFile, type App, type Command, type EventRef } from "obsidian";
import { VaultNoteStore } from "../../adapters/obsidian/vault-note-store";
import type { AlbumLibrary } from "../../core/albums/album-types";
import type { PhotoEngine } from "../../core/engine-types";
import { describeError } from "../../core/model/errors";
import type { OrganizeSettings } from "../../core/organize/organize-settings";
import { editTags } from "../../core/organize/tag-edit";
import type { IndexService } from "../indexing/index-service";
import { organizeSection } from "../settings/organize-section";
import type { SettingSection } from "../settings/setting-rows";
import type { SettingsStore } from "../settings/settings";
import { addedText, createdText, removedText, taggedText } from "./album-text";
import { AlbumSuggestModal } from "./album-suggest-modal";
import { CreateAlbumModal, type CreateAlbumRequest } from "./create-album-modal";
import { TagPhotosModal, type TagPhotosChoice } from "./tag-photos-modal";
import { vaultTags } from "./vault-tags";

export interface AlbumsShellHost {
	app: App;
	store: SettingsStore;
	indexing: IndexService;
	addCommand(command: Command): unknown;
	registerEvent(ref: EventRef): void;
	onSaveError(error: unknown): void;
}

export interface AlbumsShell {
	sections: SettingSection[];
	/** Starts following renamed album notes (after the layout is ready). */
	start(): void;
	/** Settles when no album or tag command is still working (tests wait on it). */
	idle(): Promise<void>;
	/** Whether a change of these settings needs a new engine (the engine applies them at each index run). */
	needsNewEngine(next: OrganizeSettings, previous: OrganizeSettings): boolean;
}

const folderOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf("/")));

export function setUpAlbums(host: AlbumsShellHost): AlbumsShell {
	const { app, indexing, store } = host;
	let pending: Promise<unknown> = Promise.resolve();

	/** Runs `work` and shows what it says (nothing for "", when a dialog opened), or why it failed. */
	const run = (failure: string, work: () => Promise<string>): Promise<void> => {
		const done = work().then(
			(text) => void (text === "" ? undefined : new Notice(text)),
			(error: unknown) => void new Notice(`${failure}: ${describeError(error)}`),
		);
		pending = Promise.allSettled([pending, done]);
		return done;
	};
	const withAlbums = <T>(work: (albums: AlbumLibrary, engine: PhotoEngine) => Promise<T>): Promise<T> =>
		indexing.withEngine((engine) => work(engine.albums, engine));

	const currentPhoto = (): string | null => {
		const file = app.workspace.getActiveFile();
		if (file === null) return null;
		return indexing.noteOf(file.path) !== null ? file.path : indexing.photoOfNote(file.path);
	};
	const startFolder = (): string => {
		const photo = currentPhoto();
		return photo !== null ? folderOf(photo) : (store.current.index.photoFolders[0] ?? "");
	};
	const openNote = async (path: string): Promise<void> => {
		const file = app.vault.getFileByPath(path);
		if (file !== null) await app.workspace.getLeaf().openFile(file);
	};

	const notesToTag = (engine: PhotoEngine, choice: TagPhotosChoice): Promise<string[]> => {
		const { scope } = choice;
		if (scope.kind === "photo") return Promise.resolve([engine.noteOf(scope.photo)].filter((n): n is string => n !== null));
		if (scope.kind === "album") return engine.albums.members(scope.album).then((records) => records.map((r) => r.note));
		const under = scope.folder;
		return Promise.resolve([...engine.records()].filter((r) => under === "" || r.path.startsWith(`${under}/`)).map((r) => r.note));
	};

	const tagPhotos = (choice: TagPhotosChoice): Promise<void> => run("Tagging failed", () => withAlbums(async (_albums, engine) => {
		const notes = await notesToTag(engine, choice);
		if (notes.length === 0) return choice.scope.kind === "folder" ? `No indexed photo is under “${choice.scope.folder || "/"}”.` : "No photo to tag.";
		const summary = await editTags(new VaultNoteStore({ vault: app.vault, fileManager: app.fileManager }), notes, choice);
		return taggedText(summary, notes.length);
	}));

	const openTagPhotos = (): Promise<void> => run("Tag photos failed", async () => {
		const albums = await withAlbums((a) => a.list());
		const photo = currentPhoto();
		new TagPhotosModal(app, { currentPhoto: photo, albums, tags: vaultTags(app), folder: startFolder(), onApply: tagPhotos }).open();
		return "";
	});

	const addCurrent = (photo: string): Promise<void> => run("Could not list the albums", async () => {
		const albums = (await withAlbums((a) => a.list())).filter((album) => !album.smart);
		new AlbumSuggestModal(app, {
			albums,
			placeholder: "Add to album…",
			allowCreate: true,
			onChoose: (choice) => run("Could not add the photo", () => withAlbums(async (a) =>
				"create" in choice ? createdText(await a.create(choice.create, { photos: [photo] })) : addedText(await a.add(choice.album.path, [photo])))),
		}).open();
		return "";
	});

	const removeCurrent = (photo: string): Promise<void> => run("Could not list the photo's albums", async () => {
		const albums = await withAlbums((a) => a.albumsOf(photo));
		if (albums.length === 0) return "This photo is in no album.";
		new AlbumSuggestModal(app, {
			albums,
			placeholder: "Remove from album…",
			allowCreate: false,
			onChoose: (choice) => run("Could not remove the photo", async () => {
				if (!("album" in choice)) return "Choose one of the photo's albums.";
				return removedText(await withAlbums((a) => a.remove(choice.album.path, [photo])));
			}),
		}).open();
		return "";
	});

	const create = (request: CreateAlbumRequest): Promise<void> => run("Could not create the album", () => withAlbums(async (a) => {
		const change = await a.create(request.title, request.options);
		await openNote(change.album.path);
		return createdText(change);
	}));

	const withPhoto = (id: string, name: string, action: (photo: string) => unknown): Command => ({
		id,
		name,
		checkCallback: (checking) => {
			const photo = currentPhoto();
			if (photo === null) return false;
			if (!checking) void action(photo);
			return true;
		},
	});

	const commands: Command[] = [
		{ id: "tag-photos", name: "Tag photos…", callback: () => void openTagPhotos() },
		withPhoto("add-current-photo-to-album", "Add current photo to album…", addCurrent),
		withPhoto("remove-current-photo-from-album", "Remove current photo from album…", removeCurrent),
		{
			id: "create-album-from-folder",
			name: "Create album from folder",
			callback: () => new CreateAlbumModal(app, { mode: "folder", folder: startFolder(), tags: [], onCreate: create }).open(),
		},
		{
			id: "create-album-from-search",
			name: "Create album from search",
			callback: () => new CreateAlbumModal(app, { mode: "search", folder: "", tags: vaultTags(app), onCreate: create }).open(),
		},
		{
			id: "refresh-albums",
			name: "Refresh albums",
			callback: () => void run("Refreshing albums failed", async () => {
				const n = await withAlbums((a) => a.refreshAll());
				return `Refreshed ${n} ${n === 1 ? "album" : "albums"}.`;
			}),
		},
	];
	for (const command of commands) host.addCommand(command);

	// Obsidian updates links to a renamed note only when its setting says so: the photo notes follow either way.
	const inAlbums = (path: string): boolean => path.startsWith(`${store.current.organize.albumsFolder}/`);

	return {
		sections: [organizeSection({ store, onSaveError: (error) => host.onSaveError(error) })],
		// Called by the plugin once the layout is ready, like every vault listener of the plugin: nothing runs while Obsidian starts.
		start: () => {
			host.registerEvent(app.vault.on("rename", (file, oldPath) => {
				if (!(file instanceof TFile) || file.extension !== "md" || !(inAlbums(oldPath) || inAlbums(file.path))) return;
				const followed = withAlbums((a) => a.albumRenamed(oldPath, file.path)).catch((error: unknown) => {
					console.warn(`Photo notes could not follow the album renamed to ${file.path}`, error);
				});
				pending = Promise.allSettled([pending, followed]);
			}));
		},
		idle: async () => {
			let seen: Promise<unknown> | null = null;
			while (seen !== pending) {
				seen = pending;
				await pending;
			}
		},
		needsNewEngine: (next, previous) => JSON.stringify(next) !== JSON.stringify(previous),
	};
}
