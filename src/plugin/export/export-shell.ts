/**
 * "Export album as ZIP" in the plugin: pick an album, choose the options, and the archive is written by the
 * engine into the vault's export folder or, on desktop, a folder on this computer. A notice follows the
 * run and ends with what was exported; "Cancel export" stops it and nothing is saved.
 */
import { Notice, Platform, type App, type Command } from "obsidian";
import type { AlbumInfo } from "../../core/albums/album-types";
import { exportSummaryLines } from "../../core/export/export-text";
import type { ExportOptions, Resizer } from "../../core/export/export-types";
import { describeError } from "../../core/model/errors";
import type { LocalFs } from "../../core/ports/local-fs";
import { AlbumSuggestModal } from "../albums/album-suggest-modal";
import type { IndexService } from "../indexing/index-service";
import type { SettingSection } from "../settings/setting-rows";
import type { SettingsStore } from "../settings/settings";
import { canvasResizer } from "./canvas-resizer";
import { computerArchive, type NamedDestination, vaultArchive } from "./export-destination";
import { type ExportChoice, ExportOptionsModal } from "./export-options-modal";
import { ExportReportModal } from "./export-report-modal";
import { exportSection } from "./export-section";
import { folderPicker } from "./folder-picker";

export interface ExportShellHost {
	app: App;
	store: SettingsStore;
	indexing: IndexService;
	/** Node's file system on desktop, null elsewhere. */
	localFs: () => Promise<LocalFs | null>;
	addCommand(command: Command): unknown;
	onSaveError(error: unknown): void;
	/** Makes resized copies (default: the platform's decoder and a canvas); tests pass their own. */
	resizer?: (maxEdge: number) => Resizer;
	/** The system's folder picker (default: Electron's, where the desktop app has it). */
	pickFolder?: (() => Promise<string | null>) | null;
}

export interface ExportShell {
	sections: SettingSection[];
	/** Settles when no export is running (tests wait on it). */
	idle(): Promise<void>;
}

const MB = 1_000_000;
/** Lines of the summary a notice shows; the rest is a click away. */
const NOTICE_LINES = 4;

export function setUpExport(host: ExportShellHost): ExportShell {
	const { app, indexing, store } = host;
	let controller: AbortController | null = null;
	let current: Promise<void> = Promise.resolve();

	const destination = async (album: AlbumInfo, choice: ExportChoice): Promise<NamedDestination> => {
		const folder = store.current.export.folder;
		if (choice.where === "vault") return vaultArchive(app.vault, Platform.isDesktopApp ? host.localFs : null, folder, album.title);
		const fs = await host.localFs();
		if (fs === null) throw new Error("a folder outside the vault can only be chosen in the desktop app");
		return computerArchive(fs, choice.computerFolder, album.title);
	};

	const exportOptions = (choice: ExportChoice, signal: AbortSignal, notice: Notice, title: string): ExportOptions => {
		const { maxEdge } = store.current.export;
		const options: ExportOptions = {
			stripLocation: choice.stripLocation,
			signal,
			onProgress: (p) => notice.setMessage(`Exporting "${title}"${p.parts === undefined ? "" : ` (part ${p.part ?? 1} of ${p.parts})`} ${p.done}/${p.total} · ${Math.round(p.bytes / MB)} MB`),
		};
		if (choice.resize) options.resize = (host.resizer ?? canvasResizer)(maxEdge);
		if (Platform.isMobile) {
			// A phone builds the archives in memory, all parts until the last is done: the backup's limit on the largest file it handles applies to them together.
			options.maxBytes = store.current.backup.mobileMaxFileBytes;
			options.maxBytesHint = "Export it from Obsidian on a computer or with photo-archivist album export, which stream any size, or export resized copies.";
		}
		return options;
	};

	const run = async (album: AlbumInfo, choice: ExportChoice): Promise<void> => {
		// Cancellable from the first moment, before anything is awaited.
		const ownController = new AbortController();
		controller = ownController;
		const notice = new Notice(`Exporting "${album.title}"…`, 0);
		try {
			await store.updateExport({ stripLocation: choice.stripLocation, resize: choice.resize, ...(choice.where === "computer" ? { computerFolder: choice.computerFolder } : {}) }).catch((error: unknown) => host.onSaveError(error));
			const where = await destination(album, choice);
			const summary = await indexing.withEngine((engine) => engine.exporter.exportAlbum(album, where, exportOptions(choice, ownController.signal, notice, album.title)));
			const lines = exportSummaryLines(summary, summary.archives.map((path) => where.label(path)));
			const more = lines.length > NOTICE_LINES;
			notice.setMessage(more ? `${lines.slice(0, NOTICE_LINES - 1).join("\n")}\nClick for the full list.` : lines.join("\n"));
			if (more) notice.messageEl.addEventListener("click", () => new ExportReportModal(app, lines).open());
		} catch (error) {
			notice.setMessage(ownController.signal.aborted ? "Export cancelled; nothing was saved." : `Export of "${album.title}" failed: ${describeError(error)}`);
		} finally {
			controller = null;
			window.setTimeout(() => notice.hide(), 15_000);
		}
	};

	const chooseOptions = (album: AlbumInfo): void => {
		const saved = store.current.export;
		new ExportOptionsModal(app, {
			albumTitle: album.title,
			initial: { stripLocation: saved.stripLocation, resize: saved.resize, where: saved.computerFolder !== "" ? "computer" : "vault", computerFolder: saved.computerFolder },
			vaultFolder: saved.folder,
			maxEdge: saved.maxEdge,
			desktop: Platform.isDesktopApp,
			pickFolder: host.pickFolder === undefined ? folderPicker() : host.pickFolder,
			onExport: (choice) => {
				current = run(album, choice);
				return current;
			},
		}).open();
	};

	const exportAlbum = (): void => {
		if (controller !== null) {
			new Notice("An album export is already running.");
			return;
		}
		current = indexing.withEngine((engine) => engine.albums.list()).then(
			(albums) => {
				if (albums.length === 0) {
					new Notice("There is no album to export yet: create one first, from a folder or from a photo.");
					return;
				}
				new AlbumSuggestModal(app, {
					albums,
					placeholder: "Album to export as ZIP…",
					allowCreate: false,
					onChoose: (choice) => ("album" in choice ? chooseOptions(choice.album) : undefined),
				}).open();
			},
			(error: unknown) => void new Notice(`Export failed: ${describeError(error)}`),
		);
	};

	host.addCommand({ id: "export-album-zip", name: "Export album as ZIP", callback: exportAlbum });
	host.addCommand({
		id: "cancel-album-export",
		name: "Cancel album export",
		checkCallback: (checking) => {
			if (controller === null) return false;
			if (!checking) controller.abort();
			return true;
		},
	});
	return {
		sections: [exportSection({ store, onSaveError: (error) => host.onSaveError(error) })],
		idle: () => current,
	};
}
