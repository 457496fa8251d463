/** The backup half of the plugin, put together: runner, progress, commands, settings sections and automation. */
import { Notice, Platform, type App, type Command } from "obsidian";
import type { BackupSettings } from "../../core/backup/backup-types";
import { targetHoldsData } from "../../core/backup/target-holds-data";
import type { DataStore } from "../../core/ports/data-store";
import type { IndexSummary } from "../../core/engine-types";
import { backupCommands } from "../commands/backup-commands";
import type { IndexService } from "../indexing/index-service";
import { backupSection } from "../settings/backup-section";
import type { PluginData, SettingsStore } from "../settings/settings";
import type { SettingSection } from "../settings/setting-rows";
import { targetsSection } from "../settings/targets-section";
import { BackupAutomation } from "./backup-automation";
import { BackupNotices } from "./backup-notices";
import { BackupReportModal } from "./backup-report-modal";
import { BackupRunner } from "./backup-runner";
import { setUpBackupStatusBarItem } from "./backup-views";
import { targetActions } from "./target-actions";

/** What the backup half needs of the plugin: its app, settings and index, and the Component's registrations. */
export interface BackupShellHost {
	app: App;
	store: SettingsStore;
	indexing: IndexService;
	addCommand(command: Command): unknown;
	addStatusBarItem(): HTMLElement;
	registerDomEvent(el: HTMLElement, type: "click", callback: () => unknown): void;
	register(cleanup: () => unknown): void;
	registerInterval(id: number): number;
	onSaveError(error: unknown): void;
	/** The plugin's data folder, where each target's manifest tells whether it holds backups. */
	data?: () => DataStore;
}

export interface BackupShell {
	runner: BackupRunner;
	sections: SettingSection[];
	/** The index run finished: back up its new photos when the settings say so. */
	indexed(summary: IndexSummary): void;
	/** After the settings are loaded and the engine exists. */
	start(): void;
	/** Whether a change of the backup settings needs a new engine (targets and limits are fixed at its making). */
	needsNewEngine(next: BackupSettings, previous: BackupSettings): boolean;
	settingsChanged(next: PluginData, previous: PluginData, redraw: () => void): void;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function setUpBackup(host: BackupShellHost): BackupShell {
	const { app, store, indexing } = host;
	let bar: HTMLElement | null = null;
	// Made at the first run, so a vault without backups has nothing in its status bar.
	const statusBar = (): HTMLElement | null => {
		if (Platform.isMobile) return null;
		if (bar === null) {
			bar = host.addStatusBarItem();
			setUpBackupStatusBarItem(bar);
			host.registerDomEvent(bar, "click", () => runner.togglePause());
		}
		return bar;
	};
	const runner = new BackupRunner({
		withService: (work) => indexing.withEngine((engine) => work(engine.backup)),
		currentService: () => indexing.currentEngine?.backup ?? null,
		enabledTargets: () => store.current.backup.targets.filter((t) => t.enabled).map((t) => t.id),
		feedback: new BackupNotices({ statusBar, openReport: (summary) => new BackupReportModal(app, summary).open() }),
	});
	host.register(() => runner.dispose());

	const automation = new BackupAutomation({
		runner,
		settings: () => store.current.backup,
		startInterval: (callback, ms) => host.registerInterval(window.setInterval(callback, ms)),
		clearInterval: (id) => window.clearInterval(id),
	});
	host.register(() => automation.stop());

	const { data } = host;
	const actions = targetActions({
		app,
		store,
		runner,
		foldersAllowed: Platform.isDesktopApp,
		defaultConcurrency: Platform.isMobile ? 1 : 4,
		message: (text) => new Notice(text),
		onSaveError: (error) => host.onSaveError(error),
		holdsData: data ? (id) => targetHoldsData(data(), id) : undefined,
	});
	const commands = backupCommands({
		runner,
		workspace: app.workspace,
		isIndexedPhoto: (path) => indexing.noteOf(path) !== null,
		photoOfNote: (path) => indexing.photoOfNote(path),
		testTargets: () => actions.test(store.current.backup.targets),
	});
	for (const command of commands) host.addCommand(command);

	const onSaveError = (error: unknown): void => host.onSaveError(error);
	return {
		runner,
		sections: [
			targetsSection({ store, edit: (t) => actions.edit(t), test: (t) => actions.test([t]), remove: (t) => actions.remove(t) }),
			backupSection({ store, onSaveError }),
		],
		indexed: (summary) => automation.indexed(summary),
		start: () => automation.settingsChanged(),
		needsNewEngine: (next, previous) =>
			!sameJson(next.targets, previous.targets) || next.mobileMaxFileBytes !== previous.mobileMaxFileBytes,
		settingsChanged: (next, previous, redraw) => {
			automation.settingsChanged();
			if (!sameJson(next.backup.targets, previous.backup.targets)) redraw();
		},
	};
}
