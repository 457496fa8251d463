/** createPhotoEngine: the one facade both shells call, composed from ports and settings. */
import type { IndexRunOptions, IndexSummary, PhotoEngine } from "./engine-types";
import { followDelete, followRename } from "./index/follow-vault-events";
import { INDEX_FILE_NAME, parseIndex, serializeIndex } from "./index/index-file";
import type { IndexContext } from "./index/index-context";
import { indexEverything, indexPaths } from "./index/index-run";
import { createPathFilter } from "./index/path-filter";
import { PhotoIndex } from "./index/photo-index";
import { byteSourceOf, fileNameOf } from "./index/read-photo";
import { readMetadata } from "./metadata/read-metadata";
import { writePhotoNote } from "./notes/photo-note";
import { describeError, PhotoArchivistError } from "./model/errors";
import type { PhotoMetadata } from "./model/photo-metadata";
import type { PhotoRecord } from "./model/photo-record";
import type { DataStore } from "./ports/data-store";
import type { FileStore } from "./ports/file-store";
import { SILENT_LOG, type Log } from "./ports/log";
import type { NoteStore } from "./ports/note-store";
import type { IndexSettings } from "./settings";
import { SerialQueue } from "./util/serial-queue";

export interface EngineDeps {
	files: FileStore;
	notes: NoteStore;
	data: DataStore;
	log?: Log;
	now?: () => Date;
	/** Awaited between slices of long CPU work (loading a large index) so a UI host stays responsive. */
	pause?: () => Promise<void>;
	/** Files read at once during indexing (default 4). */
	concurrency?: number;
}

export function createPhotoEngine(deps: EngineDeps, settings: IndexSettings): PhotoEngine {
	const log = deps.log ?? SILENT_LOG;
	const queue = new SerialQueue();
	const ctx: IndexContext = {
		files: deps.files,
		notes: deps.notes,
		log,
		now: deps.now ?? (() => new Date()),
		settings,
		index: new PhotoIndex(),
		isPhoto: createPathFilter(settings),
		save: () => deps.data.write(INDEX_FILE_NAME, serializeIndex(ctx.index.values())),
		concurrency: deps.concurrency ?? 4,
		writeNote: (record) => writePhotoNote(deps.notes, record),
	};
	let loaded: Promise<void> | null = null;

	const load = (): Promise<void> => {
		loaded ??= (async () => {
			const text = await deps.data.read(INDEX_FILE_NAME);
			if (text === null) return;
			try {
				ctx.index = new PhotoIndex(await parseIndex(text, deps.pause));
			} catch (error) {
				// The index is a cache of what the photos and notes hold: rebuilding it loses nothing.
				log.warn(`Photo index could not be read, rebuilding it: ${describeError(error)}`);
			}
		})();
		return loaded;
	};

	const exclusive = <T>(operation: () => Promise<T>): Promise<T> =>
		queue.run(async () => {
			await load();
			return operation();
		});

	return {
		settings,
		load,
		indexAll: (options?: IndexRunOptions): Promise<IndexSummary> => exclusive(() => indexEverything(ctx, options)),
		reindex: (paths, options) => exclusive(() => indexPaths(ctx, paths, options)),
		photoRenamed: (oldPath, newPath) => exclusive(async () => {
			const followed = await followRename(ctx, oldPath, newPath);
			if (!followed && ctx.isPhoto(newPath)) await indexPaths(ctx, [newPath]);
		}),
		photoDeleted: (path) => exclusive(async () => {
			await followDelete(ctx, path);
		}),
		isPhotoPath: (path) => ctx.isPhoto(path),
		noteOf: (photoPath) => ctx.index.get(photoPath)?.note ?? null,
		photoOfNote: (notePath) => ctx.index.ownerOfNote(notePath) ?? null,
		record: (photoPath): PhotoRecord | undefined => ctx.index.get(photoPath),
		records: () => ctx.index.values(),
		inspect: async (path): Promise<PhotoMetadata> => {
			const entry = await deps.files.stat(path);
			if (!entry) throw new PhotoArchivistError("unreadable", `no such file: ${path}`);
			return readMetadata(byteSourceOf(deps.files, entry), fileNameOf(path), entry.mtimeMs);
		},
	};
}
