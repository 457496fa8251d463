/** createPhotoEngine: the one facade both shells call, composed from ports and settings. */
import { BackupLedger } from "./backup/backup-ledger";
import { createAlbumLibrary } from "./albums/album-library";
import { createBackupNotes } from "./backup/backup-notes";
import { createBackupService } from "./backup/backup-service";
import { defaultBackupSettings, type BackupPlatform } from "./backup/backup-settings";
import type { BackupSettings, ConnectionReport, OpenTarget } from "./backup/backup-types";
import type { IndexRunOptions, IndexSummary, PhotoEngine } from "./engine-types";
import { followDelete, followRename } from "./index/follow-vault-events";
import { IndexStore } from "./index/index-store";
import type { IndexContext } from "./index/index-context";
import { indexEverything, indexPaths } from "./index/index-run";
import { createPathFilter } from "./index/path-filter";
import { indexStringSharer } from "./index/shared-strings";
import { PhotoIndex } from "./index/photo-index";
import { byteSourceOf, fileNameOf } from "./index/read-photo";
import { readMetadata } from "./metadata/read-metadata";
import { PhotoArchivistError } from "./model/errors";
import type { PhotoMetadata } from "./model/photo-metadata";
import type { PhotoRecord } from "./model/photo-record";
import type { DataStore } from "./ports/data-store";
import type { FileStore } from "./ports/file-store";
import { SILENT_LOG, type Log } from "./ports/log";
import type { FileWriter, Trash } from "./ports/file-writer";
import type { NoteStore } from "./ports/note-store";
import { createOrganizer } from "./organize/after-index";
import { createDuplicateService } from "./duplicates/duplicate-service";
import { createExportService } from "./export/album-export";
import type { PreviewDecoder } from "./ports/preview-decoder";
import { DEFAULT_ORGANIZE_SETTINGS, type OrganizeSettings } from "./organize/organize-settings";
import { markOffloaded } from "./restore/offload-record";
import { createRestoreService } from "./restore/restore-service";
import type { Target } from "./ports/target";
import type { IndexSettings } from "./settings";
import { createStatusService } from "./status/status-service";
import { TargetStateStore } from "./status/target-state";
import { testConnection } from "./targets/test-connection";
import { createVerifyService } from "./verify/verify-service";
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
	/** Opens a backup target (the shell resolves its password and picks the transport); without it, backups report they cannot run. */
	openTarget?: OpenTarget;
	/** Where the engine runs: decides backup defaults (uploads at once, the size limit on phones). Default "desktop". */
	platform?: BackupPlatform;
	/** Checks a target for "Test connection"; default targets/test-connection.ts (tests pass their own). */
	testConnection?: (target: Target, targetId: string) => Promise<ConnectionReport>;
	/** Writes restored originals into the vault; without it, restoring into the vault reports it cannot. */
	vaultWriter?: FileWriter;
	/** Where "Free up space" moves originals (Obsidian's trash, the vault's .trash folder); without it, it cannot run. */
	trash?: Trash;
	/** Automatic tags and albums (the `organize` section of data.json); default DEFAULT_ORGANIZE_SETTINGS. */
	organize?: OrganizeSettings;
	/** Decodes pictures for the look-alike search (jpeg-js in the CLI, the platform's decoder in Obsidian); without it only identical copies are found. */
	previewDecoder?: PreviewDecoder;
}

export function createPhotoEngine(deps: EngineDeps, settings: IndexSettings, backupSettings?: BackupSettings): PhotoEngine {
	const log = deps.log ?? SILENT_LOG;
	const now = deps.now ?? (() => new Date());
	const platform = deps.platform ?? "desktop";
	const queue = new SerialQueue();
	const ledger = new BackupLedger({
		data: deps.data, settings: backupSettings ?? defaultBackupSettings(platform), now, log,
		pause: deps.pause, share: () => indexStringSharer(ctx.index),
	});
	const organize = deps.organize ?? DEFAULT_ORGANIZE_SETTINGS;
	const notes = createBackupNotes({ notes: deps.notes, ledger, current: (path) => ctx.index.get(path), autoTags: organize });
	const indexStore = new IndexStore({ data: deps.data, log, pause: deps.pause });
	const ctx: IndexContext = {
		files: deps.files,
		notes: deps.notes,
		log,
		now,
		settings,
		index: new PhotoIndex(),
		isPhoto: createPathFilter(settings),
		save: () => indexStore.save(ctx.index),
		concurrency: deps.concurrency ?? 4,
		pause: deps.pause,
		// With the backup rows and properties, so a re-index never drops them (and writes nothing when nothing changed).
		writeNote: (record) => notes.write(record),
	};
	let loaded: Promise<void> | null = null;

	const load = (): Promise<void> => {
		loaded ??= (async () => {
			ctx.index = (await indexStore.load()) ?? ctx.index;
		})();
		return loaded;
	};

	const exclusive = <T>(operation: () => Promise<T>): Promise<T> =>
		queue.run(async () => {
			await load();
			return operation();
		});

	const status = createStatusService({
		ledger,
		states: new TargetStateStore({ data: deps.data, log }),
		records: async () => {
			await load();
			return ctx.index.values();
		},
		indexVersion: () => ctx.index.version,
		pause: deps.pause,
		openTarget: deps.openTarget,
		now,
		log,
	});

	const backup = createBackupService({
		files: deps.files,
		ledger,
		openTarget: deps.openTarget,
		platform,
		now,
		log,
		testConnection: deps.testConnection ?? ((target, id) => testConnection(target, id)),
		records: async () => {
			await load();
			return ctx.index.values();
		},
		reindex: async (path) => {
			await exclusive(() => indexPaths(ctx, [path]));
			return ctx.index.get(path);
		},
		refreshNotes: async (paths) => {
			await notes.refresh(paths);
			// A copy landed: the status view repaints while the run goes on.
			status.changed();
		},
		runEnded: (summary) => status.backupEnded(summary),
	});

	const restore = createRestoreService({
		files: deps.files,
		vaultWriter: deps.vaultWriter,
		trash: deps.trash,
		ledger,
		openTarget: deps.openTarget,
		log,
		now,
		records: async () => {
			await load();
			return ctx.index.values();
		},
		current: (path) => ctx.index.get(path),
		reindex: async (paths) => {
			await exclusive(() => indexPaths(ctx, paths));
		},
		markOffloaded: (paths) => exclusive(() => markOffloaded(ctx, paths)),
	});

	const verify = createVerifyService({
		ledger,
		data: deps.data,
		openTarget: deps.openTarget,
		platform,
		now,
		log,
		records: async () => {
			await load();
			return ctx.index.values();
		},
		refreshNotes: async (paths) => {
			await notes.refresh(paths);
			status.changed();
		},
		recordVerification: (targetId, verification) => status.recordVerification(targetId, verification),
	});

	const albums = createAlbumLibrary({
		notes: deps.notes,
		settings: organize,
		log,
		records: async () => {
			await load();
			return ctx.index.values();
		},
		record: (path) => ctx.index.get(path),
		photoOfNote: (notePath) => ctx.index.ownerOfNote(notePath) ?? null,
	});
	const organizer = createOrganizer({ data: deps.data, notes: deps.notes, settings: organize, log, records: () => ctx.index.values(), albums });

	const duplicates = createDuplicateService({
		files: deps.files,
		notes: deps.notes,
		data: deps.data,
		log,
		now,
		notesFolder: settings.notesFolder,
		decoder: deps.previewDecoder ?? null,
		...(deps.trash ? { trash: deps.trash } : {}),
		...(deps.pause ? { pause: deps.pause } : {}),
		records: async () => {
			await load();
			return ctx.index.values();
		},
		record: (path) => ctx.index.get(path),
		exclusive,
		forget: async (paths) => {
			for (const path of paths) ctx.index.delete(path);
			if (paths.length > 0) await ctx.save();
		},
		refreshNote: async (path) => {
			const record = ctx.index.get(path);
			if (record) await ctx.writeNote(record);
		},
		// The kept note took in the others' albums, and smart albums may have listed a trashed photo.
		afterKeep: async (keptPath) => {
			for (const album of await albums.albumsOf(keptPath)) await albums.refresh(album.path);
			await albums.refreshAll({ smartOnly: true });
		},
	});

	return {
		settings,
		albums,
		duplicates,
		exporter: createExportService({ files: deps.files, notes: deps.notes, albums, now }),
		backup,
		verify,
		restore,
		status,
		load,
		indexAll: (options?: IndexRunOptions): Promise<IndexSummary> => exclusive(async () => {
			const summary = await indexEverything(ctx, options);
			await organizer.afterIndexAll(summary, options);
			return summary;
		}),
		reindex: (paths, options) => exclusive(async () => {
			const summary = await indexPaths(ctx, paths, options);
			await organizer.afterReindex(summary);
			return summary;
		}),
		photoRenamed: (oldPath, newPath) => exclusive(async () => {
			const followed = await followRename(ctx, oldPath, newPath);
			if (!followed && ctx.isPhoto(newPath)) await indexPaths(ctx, [newPath]);
			// Membership lives in the note, which moved along; the galleries show the photo at its new path.
			if (followed) await albums.photoMoved(newPath).catch((error: unknown) => log.warn(`Albums of ${newPath} not refreshed`, error));
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
