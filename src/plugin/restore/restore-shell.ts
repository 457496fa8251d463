/**
 * The restore half of the plugin: the commands "Restore missing originals", "Restore original of current
 * photo", "Restore all from a target into a folder" and "Free up space", each through the engine, with a
 * notice that follows the run and says how it ended.
 */
import { Notice, Platform, type App, type Command } from "obsidian";
import type { PhotoEngine } from "../../core/engine-types";
import { describeError } from "../../core/model/errors";
import type { TargetConfig } from "../../core/model/target-config";
import type { LocalFs } from "../../core/ports/local-fs";
import { localFolderDestination } from "../../core/restore/local-folder";
import type { FreeSpacePlan, FreeSpacePolicy, RestoreDestination, RestoreProgress, RestoreSummary } from "../../core/restore/restore-types";
import { vaultDestination } from "../../core/restore/restore-service";
import { joinInside, unsafePathReason } from "../../core/restore/safe-path";
import { VaultFileStore } from "../../adapters/obsidian/vault-file-store";
import type { IndexService } from "../indexing/index-service";
import { FreeSpaceModal } from "./free-space-modal";
import { RestoreAllModal } from "./restore-all-modal";
import { freeSpaceResultText, restoreSummaryText } from "./restore-text";
import { obsidianVaultWriter } from "./vault-writer";

export interface RestoreShellHost {
	app: App;
	indexing: IndexService;
	/** The configured backup targets, to choose one to restore from. */
	targets: () => TargetConfig[];
	/** Node's file system on desktop, null elsewhere. */
	localFs: () => Promise<LocalFs | null>;
	/** The "Free up space" rule as set now (read at each run, so a changed setting applies at once). */
	freeSpacePolicy: () => FreeSpacePolicy;
	addCommand(command: Command): unknown;
}

/** A vault destination whose paths all go under `folder`. */
function inVaultFolder(app: App, localFs: () => Promise<LocalFs | null>, folder: string): RestoreDestination {
	const vault = vaultDestination(new VaultFileStore({ vault: app.vault }), obsidianVaultWriter(app.vault, Platform.isDesktopApp ? localFs : null));
	const at = (path: string): string => joinInside(folder, path);
	return {
		label: folder,
		stat: (path) => vault.stat(at(path)),
		sha256: (path) => vault.sha256(at(path)),
		writer: { writeNew: (path, body) => vault.writer.writeNew(at(path), body) },
	};
}

export interface RestoreShell {
	/** Settles when no restore or free-up is running (tests wait on it). */
	idle(): Promise<void>;
}

export function setUpRestore(host: RestoreShellHost): RestoreShell {
	const { app, indexing } = host;
	let busy = false;
	let current: Promise<void> = Promise.resolve();

	/** One restore or free-up at a time; a notice follows it and ends with its summary. */
	const run = (start: string, work: (engine: PhotoEngine, progress: (p: RestoreProgress) => void) => Promise<string>): Promise<void> => {
		if (busy) {
			new Notice("A restore is already running.");
			return Promise.resolve();
		}
		busy = true;
		current = runNow(start, work);
		return current;
	};
	const runNow = async (start: string, work: (engine: PhotoEngine, progress: (p: RestoreProgress) => void) => Promise<string>): Promise<void> => {
		const notice = new Notice(start, 0);
		try {
			const text = await indexing.withEngine((engine) => work(engine, (p) => notice.setMessage(`${start} ${p.done}/${p.total}`)));
			notice.setMessage(text);
		} catch (error) {
			notice.setMessage(`${start} failed: ${describeError(error)}`);
		} finally {
			busy = false;
			window.setTimeout(() => notice.hide(), 10_000);
		}
	};

	const restore = (paths?: string[]): Promise<void> => run("Restoring originals…", async (engine, onProgress) => {
		const summary: RestoreSummary = await engine.restore.restoreMissing(paths ? { paths, onProgress } : { onProgress });
		return restoreSummaryText(summary, "the vault");
	});

	const currentPhoto = (): string | null => {
		const file = app.workspace.getActiveFile();
		if (file === null) return null;
		return indexing.noteOf(file.path) !== null ? file.path : indexing.photoOfNote(file.path);
	};

	const restoreAll = (): void => {
		const configs = host.targets();
		if (configs.length === 0) {
			new Notice("No backup target is set up to restore from.");
			return;
		}
		const absolute = Platform.isDesktopApp;
		new RestoreAllModal(app, configs, absolute, ({ targetId, folder }) => run("Restoring all…", async (e, onProgress) => {
				let into: RestoreDestination;
				const fs = absolute ? await host.localFs() : null;
				if (fs !== null) {
					if (!fs.isAbsolute(folder)) return `"${folder}" is not an absolute path: give the full path of a folder on this computer.`;
					into = localFolderDestination(fs, folder);
				} else {
					const problem = unsafePathReason(folder);
					if (problem !== null) return `"${folder}" cannot be used: ${problem}.`;
					into = inVaultFolder(app, host.localFs, folder);
				}
				return restoreSummaryText(await e.restore.restoreAll({ targetId, into, onProgress }), folder);
			})).open();
	};

	const freeUpSpace = (): void => {
		current = indexing.withEngine((engine) => engine.restore.planFreeSpace(host.freeSpacePolicy())).then(
			(plan: FreeSpacePlan) => {
				new FreeSpaceModal(app, plan, () => run("Freeing up space…", async (engine, onProgress) =>
					freeSpaceResultText(await engine.restore.freeSpace(plan, { onProgress })))).open();
			},
			(error: unknown) => {
				new Notice(`Free up space failed: ${describeError(error)}`);
			},
		);
	};

	const commands: Command[] = [
		{ id: "restore-missing", name: "Restore missing originals", callback: () => void restore() },
		{
			id: "restore-current-photo",
			name: "Restore original of current photo",
			checkCallback: (checking) => {
				const photo = currentPhoto();
				if (photo === null) return false;
				if (!checking) void restore([photo]);
				return true;
			},
		},
		{ id: "restore-all-into-folder", name: "Restore all from target into a folder", callback: restoreAll },
		{ id: "free-up-space", name: "Free up space", callback: freeUpSpace },
	];
	for (const command of commands) host.addCommand(command);
	return { idle: () => current };
}
