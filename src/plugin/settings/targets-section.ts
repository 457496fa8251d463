/** The "Backup targets" settings: one row per target (test, edit, remove) and a row to add one. Drawn afresh when targets change. */
import type { TargetConfig } from "../../core/model/target-config";
import { describeTarget } from "../backup/target-draft";
import type { SettingsStore } from "./settings";
import type { SettingRow, SettingSection } from "./setting-rows";

export interface TargetsSectionDeps {
	store: SettingsStore;
	/** Opens the dialog for `target`, or for a new one. */
	edit: (target: TargetConfig | null) => void;
	/** Opens the connection test of `target`. */
	test: (target: TargetConfig) => void;
	/** Asks, then removes `target` from the settings (nothing on the target is touched). */
	remove: (target: TargetConfig) => void;
}

function targetRow(target: TargetConfig, deps: TargetsSectionDeps): SettingRow {
	return {
		name: target.name,
		desc: describeTarget(target),
		render: (setting) => {
			setting
				.addButton((button) => button.setButtonText("Test connection").onClick(() => deps.test(target)))
				.addButton((button) => button.setButtonText("Edit").onClick(() => deps.edit(target)))
				.addButton((button) => button.setButtonText("Remove").setWarning().onClick(() => deps.remove(target)));
		},
	};
}

export function targetsSection(deps: TargetsSectionDeps): SettingSection {
	const addRow: SettingRow = {
		name: "Add backup target",
		desc: "A WebDAV server (Synology, QNAP, Nextcloud, any NAS), S3-compatible object storage or, on a computer, a folder such as an external drive.",
		render: (setting) => {
			setting.addButton((button) => button.setButtonText("Add target").setCta().onClick(() => deps.edit(null)));
		},
	};
	return {
		heading: "Backup targets",
		// A getter: the tab reads the rows each time it draws, so an added or removed target shows at once.
		get rows(): readonly SettingRow[] {
			return [...deps.store.current.backup.targets.map((target) => targetRow(target, deps)), addRow];
		},
	};
}
