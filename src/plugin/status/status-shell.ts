/** The status view's place in the plugin: the view type, a ribbon icon, the command "Open backup status", and the engine it follows. */
import type { App, Command, View, WorkspaceLeaf } from "obsidian";
import type { PhotoEngine } from "../../core/engine-types";
import { BackupStatusView, STATUS_ICON, STATUS_VIEW_TYPE, type EngineSource } from "./status-view";

export interface StatusShellHost {
	app: App;
	addCommand(command: Command): unknown;
	addRibbonIcon(icon: string, title: string, callback: () => unknown): unknown;
	registerView(type: string, creator: (leaf: WorkspaceLeaf) => View): void;
	/** Shortest time between two repaints while a backup runs (tests pass 0). */
	throttleMs?: number;
}

export interface StatusShell {
	/** The plugin made a new engine (start-up, or new settings): open views follow it. */
	engineChanged(engine: PhotoEngine): void;
	/** Opens the view in the right sidebar, or reveals it when it is open already. */
	open(): Promise<void>;
}

export const OPEN_STATUS_COMMAND = "open-backup-status";

export function setUpStatus(host: StatusShellHost): StatusShell {
	const { workspace } = host.app;
	let engine: PhotoEngine | null = null;
	const swapListeners = new Set<() => void>();
	const engines: EngineSource = {
		current: () => engine,
		onSwap: (listener) => {
			swapListeners.add(listener);
			return () => {
				swapListeners.delete(listener);
			};
		},
	};

	host.registerView(STATUS_VIEW_TYPE, (leaf) => new BackupStatusView(leaf, {
		engines,
		openNote: (note) => void workspace.openLinkText(note, "", false),
		...(host.throttleMs !== undefined ? { throttleMs: host.throttleMs } : {}),
	}));

	let opening: Promise<void> | null = null;
	// A double tap on the ribbon icon opens one view: the second open waits for the first.
	const open = (): Promise<void> => {
		opening ??= openOrReveal().finally(() => {
			opening = null;
		});
		return opening;
	};
	const openOrReveal = async (): Promise<void> => {
		let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(STATUS_VIEW_TYPE)[0] ?? null;
		if (leaf === null) {
			leaf = workspace.getRightLeaf(false);
			if (leaf === null) return;
			await leaf.setViewState({ type: STATUS_VIEW_TYPE, active: true });
		}
		await workspace.revealLeaf(leaf);
	};

	host.addRibbonIcon(STATUS_ICON, "Open backup status", () => open());
	host.addCommand({ id: OPEN_STATUS_COMMAND, name: "Open backup status", callback: () => open() });

	return {
		engineChanged: (next) => {
			engine = next;
			for (const listener of [...swapListeners]) listener();
		},
		open,
	};
}
