/** What the target rows and the "Test backup targets" command do: open the dialogs, save or remove a target. */
import type { App } from "obsidian";
import type { TargetConfig } from "../../core/model/target-config";
import type { SettingsStore } from "../settings/settings";
import type { BackupRunner } from "./backup-runner";
import { NO_TARGETS_TEXT } from "./backup-summary-text";
import { ConfirmModal } from "./confirm-modal";
import { ConnectionModal } from "./connection-modal";
import { TargetModal } from "./target-modal";

export interface TargetActionsDeps {
	app: App;
	store: SettingsStore;
	runner: Pick<BackupRunner, "testTargets">;
	/** Folder targets need a file system: desktop only. */
	foldersAllowed: boolean;
	defaultConcurrency: number;
	message: (text: string) => void;
	onSaveError: (error: unknown) => void;
	/** Whether a target already holds backups (its encryption is then fixed); left out: never. */
	holdsData?: (targetId: string) => Promise<boolean>;
}

export interface TargetActions {
	edit(target: TargetConfig | null): TargetModal;
	remove(target: TargetConfig): ConfirmModal;
	test(targets: readonly TargetConfig[]): ConnectionModal | null;
}

export function targetActions(deps: TargetActionsDeps): TargetActions {
	const { app, store } = deps;
	const targets = (): TargetConfig[] => store.current.backup.targets;
	const open = <M extends { open(): void }>(modal: M): M => {
		modal.open();
		return modal;
	};
	return {
		edit: (target) =>
			open(
				new TargetModal(app, {
					target,
					others: targets().filter((t) => t.id !== target?.id),
					foldersAllowed: deps.foldersAllowed,
					defaultConcurrency: deps.defaultConcurrency,
					holdsData: deps.holdsData,
					// In place when edited, so the order the user knows stays; at the end when new.
					save: (config) => {
						const list = targets();
						const at = list.findIndex((t) => t.id === config.id);
						return store.updateBackup({ targets: at < 0 ? [...list, config] : list.map((t, i) => (i === at ? config : t)) });
					},
				}),
			),
		remove: (target) =>
			open(
				new ConfirmModal(app, {
					title: `Remove “${target.name}”?`,
					text: "Backups stop going to this target. Nothing on it is deleted: the copies already there stay.",
					confirm: "Remove",
					onConfirm: () => store.updateBackup({ targets: targets().filter((t) => t.id !== target.id) }).catch(deps.onSaveError),
				}),
			),
		test: (list) => {
			if (list.length === 0) {
				deps.message(NO_TARGETS_TEXT);
				return null;
			}
			return open(
				new ConnectionModal(app, list, async (id) => {
					const [report] = await deps.runner.testTargets([id]);
					return report ?? { targetId: id, ok: false, checks: [] };
				}),
			);
		},
	};
}
