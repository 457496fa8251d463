/** The Obsidian plugin: registers commands, settings and events at load; all work waits for the layout and goes through the engine. */
import { Notice, Platform, Plugin, normalizePath, requestUrl } from "obsidian";
import { PluginDataStore } from "../adapters/obsidian/plugin-data-store";
import { VaultFileStore } from "../adapters/obsidian/vault-file-store";
import { VaultNoteStore } from "../adapters/obsidian/vault-note-store";
import { installRequestUrlPatch } from "../adapters/obsidian/webdav-request-url";
import type { BackupPlatform } from "../core/backup/backup-settings";
import { createPhotoEngine } from "../core/engine";
import type { IndexSummary, PhotoEngine } from "../core/engine-types";
import type { Resizer } from "../core/export/export-types";
import { describeError } from "../core/model/errors";
import type { LocalFs } from "../core/ports/local-fs";
import type { Log } from "../core/ports/log";
import type { IndexSettings } from "../core/settings";
import { testConnection } from "../core/targets/test-connection";
import { followVaultChanges } from "./auto-index";
import { setUpBackup, type BackupShell } from "./backup/backup-shell";
import { loadDesktopLocalFs } from "./backup/desktop-local-fs";
import { obsidianOpenTarget } from "./backup/obsidian-open-target";
import { indexCommands } from "./commands/index-commands";
import { IndexService } from "./indexing/index-service";
import { pacedNotes } from "./indexing/paced-notes";
import { obsidianTrash } from "./restore/obsidian-trash";
import { setUpRestore, type RestoreShell } from "./restore/restore-shell";
import { obsidianVaultWriter } from "./restore/vault-writer";
import { NoticeFeedback } from "./progress/notice-feedback";
import { setUpStatusBarItem } from "./progress/progress-views";
import { IndexReportModal } from "./progress/report-modal";
import { freeSpaceSection } from "./settings/free-space-section";
import { indexSection } from "./settings/index-section";
import { SettingsStore } from "./settings/settings";
import { setUpStatus, type StatusShell } from "./status/status-shell";
import { PhotoArchivistSettingTab } from "./settings/settings-tab";
import { setUpVerify, type VerifyShell } from "./verify/verify-shell";
import { setUpAlbums, type AlbumsShell } from "./albums/albums-shell";
import { canvasPreviewDecoder } from "../adapters/obsidian/canvas-preview-decoder";
import { duplicatesSection } from "./duplicates/duplicates-section";
import { setUpDuplicates, type DuplicatesShell } from "./duplicates/duplicates-shell";
import { canvasResizer } from "./export/canvas-resizer";
import { setUpExport, type ExportShell } from "./export/export-shell";

const CONSOLE_LOG: Log = {
	warn: (message, detail) => (detail === undefined ? console.warn(message) : console.warn(message, detail)),
	debug: (message, detail) => (detail === undefined ? console.debug(message) : console.debug(message, detail)),
};

/** Decides the backup defaults that differ on phones (uploads at once, largest file, automation off). */
const backupPlatform = (): BackupPlatform => (Platform.isIosApp ? "ios" : Platform.isAndroidApp ? "android" : "desktop");

function reportStartFailure(error: unknown): void {
	console.error("Photo index could not start:", error);
	new Notice(`Photo index could not start: ${describeError(error)}`);
}

export default class PhotoArchivistPlugin extends Plugin {
	/** The index runs; public so tests (and a future API) can wait for them. */
	indexing!: IndexService;
	/** The backup runs, commands and automation; public so tests can wait for runs. */
	backup!: BackupShell;
	/** The restore and free-up-space commands; public so tests can wait for them. */
	restore!: RestoreShell;
	/** The verification commands; public so tests can wait for a run. */
	verify!: VerifyShell;
	/** Tags and albums: their commands and settings; public so tests can wait for a command. */
	albums!: AlbumsShell;
	/** Duplicate search and "keep this one"; public so tests can wait for them. */
	duplicates!: DuplicatesShell;
	/** "Export album as ZIP"; public so tests can wait for an export. */
	albumExport!: ExportShell;
	/** Makes the resized copies of an export (the platform's decoder and a canvas); tests, which have neither, replace it. */
	exportResizer: (maxEdge: number) => Resizer = canvasResizer;
	/** The "Backup status" view and its command; public so tests can open it. */
	status!: StatusShell;
	/** Shortest time between two repaints of the status view while a backup runs; tests set it before load. */
	statusRepaintMs = 1000;
	/** Settles once the settings are loaded and the engine exists (after the layout is ready). */
	ready!: Promise<void>;
	/** Loads the file system of folder targets: Node's on desktop, none on mobile. Tests may replace it before the layout is ready. */
	localFs: (() => Promise<LocalFs | null>) | null = null;
	private store!: SettingsStore;
	private tab!: PhotoArchivistSettingTab;
	private unloaded = false;

	override onload(): void {
		// Nothing here reads the vault or the index: with 100,000 photos, start-up must stay as cheap as an empty plugin.
		this.store = new SettingsStore({ load: () => this.loadData(), save: (data) => this.saveData(data) }, backupPlatform());
		this.localFs = Platform.isDesktopApp ? loadDesktopLocalFs : null;
		// Every WebDAV request goes through requestUrl: no CORS limits, and the same path on mobile. Patching costs no I/O.
		this.register(installRequestUrlPatch(requestUrl));
		const statusBar = Platform.isMobile ? null : this.addStatusBarItem();
		const feedback = new NoticeFeedback({ statusBar, isMobile: () => Platform.isMobile });
		if (statusBar !== null) {
			setUpStatusBarItem(statusBar);
			this.registerDomEvent(statusBar, "click", () => feedback.statusBarClicked());
		}
		this.indexing = new IndexService({
			createEngine: (settings) => this.createEngine(settings),
			feedback,
			onIndexed: (summary) => this.backup.indexed(summary),
		});
		this.register(() => {
			this.unloaded = true;
			this.indexing.dispose();
		});

		const { app } = this;
		const openReport = (summary: IndexSummary): void => new IndexReportModal(app, summary).open();
		for (const command of indexCommands({ service: this.indexing, workspace: app.workspace, vault: app.vault, openReport })) {
			this.addCommand(command);
		}
		const onSaveError = (error: unknown): void => {
			new Notice(`Could not save the settings: ${describeError(error)}`);
		};
		this.backup = setUpBackup({
			app,
			store: this.store,
			indexing: this.indexing,
			addCommand: (command) => this.addCommand(command),
			addStatusBarItem: () => this.addStatusBarItem(),
			registerDomEvent: (el, type, callback) => this.registerDomEvent(el, type, callback),
			register: (cleanup) => this.register(cleanup),
			registerInterval: (id) => this.registerInterval(id),
			onSaveError,
			data: () => this.dataStore(),
		});
		this.restore = setUpRestore({
			app,
			indexing: this.indexing,
			targets: () => this.store.current.backup.targets,
			localFs: () => this.localFs?.() ?? Promise.resolve(null),
			freeSpacePolicy: () => this.store.current.freeSpace,
			addCommand: (command) => this.addCommand(command),
		});
		this.verify = setUpVerify({ app, indexing: this.indexing, addCommand: (command) => this.addCommand(command) });
		this.albums = setUpAlbums({
			app,
			store: this.store,
			indexing: this.indexing,
			addCommand: (command) => this.addCommand(command),
			registerEvent: (ref) => this.registerEvent(ref),
			onSaveError,
		});
		this.duplicates = setUpDuplicates({
			app,
			indexing: this.indexing,
			threshold: () => this.store.current.duplicates.threshold,
			addCommand: (command) => this.addCommand(command),
			registerObsidianProtocolHandler: (action, handler) => this.registerObsidianProtocolHandler(action, handler),
		});
		this.albumExport = setUpExport({
			app,
			store: this.store,
			indexing: this.indexing,
			localFs: () => this.localFs?.() ?? Promise.resolve(null),
			addCommand: (command) => this.addCommand(command),
			onSaveError,
			resizer: (maxEdge) => this.exportResizer(maxEdge),
		});
		this.status = setUpStatus({
			app,
			addCommand: (command) => this.addCommand(command),
			addRibbonIcon: (icon, title, callback) => this.addRibbonIcon(icon, title, callback),
			registerView: (type, creator) => this.registerView(type, creator),
			throttleMs: this.statusRepaintMs,
		});
		this.tab = new PhotoArchivistSettingTab(app, this, [
			indexSection({ store: this.store, onSaveError }),
			...this.backup.sections,
			freeSpaceSection({ store: this.store, onSaveError }),
			...this.albums.sections,
			duplicatesSection({ store: this.store, onSaveError }),
			...this.albumExport.sections,
		]);
		this.addSettingTab(this.tab);

		this.ready = new Promise((resolve) => {
			app.workspace.onLayoutReady(() => {
				void this.start().catch(reportStartFailure).finally(resolve);
			});
		});
	}

	/** After the layout is ready: Obsidian has reported the vault's files, and reading now delays nothing. */
	private async start(): Promise<void> {
		const data = await this.store.load();
		if (this.unloaded) return;
		if (this.store.problem !== null) new Notice(`Photo settings could not be read, using the defaults: ${this.store.problem}`);
		this.indexing.start(data.index);
		this.backup.start();
		this.albums.start();
		this.register(
			this.store.onChange((next, previous) => {
				const organizeChanged = this.albums.needsNewEngine(next.organize, previous.organize);
				if (next.index !== previous.index || organizeChanged || this.backup.needsNewEngine(next.backup, previous.backup)) this.indexing.settingsChanged(next.index);
				this.backup.settingsChanged(next, previous, () => this.tab.refresh());
			}),
		);
		followVaultChanges({
			vault: this.app.vault,
			registerEvent: (ref) => this.registerEvent(ref),
			register: (cleanup) => this.register(cleanup),
			service: this.indexing,
			enabled: () => this.store.current.index.autoIndex,
		});
	}

	/** The plugin's data folder: index, manifests, unfinished S3 uploads. */
	private dataStore(): PluginDataStore {
		const { vault } = this.app;
		return new PluginDataStore({ adapter: vault.adapter, folder: normalizePath(this.manifest.dir ?? `${vault.configDir}/plugins/${this.manifest.id}`) });
	}

	private createEngine(settings: IndexSettings): PhotoEngine {
		const { vault, fileManager } = this.app;
		const data = this.dataStore();
		const engine = createPhotoEngine(
			{
				files: new VaultFileStore({ vault }),
				// At the pace Obsidian's metadata cache follows: a first run of 100,000 photos must not flood it.
				notes: pacedNotes(new VaultNoteStore({ vault, fileManager }), this.app.metadataCache),
				data,
				log: CONSOLE_LOG,
				// A large index loads in slices; between them Obsidian gets to paint.
				pause: () => sleep(0),
				openTarget: obsidianOpenTarget({ secretStorage: this.app.secretStorage, localFs: this.localFs, data }),
				platform: backupPlatform(),
				testConnection,
				vaultWriter: obsidianVaultWriter(vault, this.localFs),
				trash: obsidianTrash(this.app),
				organize: this.store.current.organize,
				previewDecoder: canvasPreviewDecoder(),
			},
			settings,
			this.store.current.backup,
		);
		this.status.engineChanged(engine);
		return engine;
	}
}
