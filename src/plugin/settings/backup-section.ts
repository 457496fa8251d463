/** The "Backup" settings: when backups run by themselves, and the largest file a phone tries to send. */
import type { BackupSettings } from "../../core/backup/backup-types";
import type { SettingsStore } from "./settings";
import type { SettingRow, SettingSection } from "./setting-rows";

export interface BackupSectionDeps {
	store: SettingsStore;
	onSaveError: (error: unknown) => void;
}

const MB = 1_000_000;

/** A whole number ≥ 0 typed in a text field, or null while it is not one (half typed, or a letter). */
function wholeNumber(text: string): number | null {
	const trimmed = text.trim();
	return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export function backupSection(deps: BackupSectionDeps): SettingSection {
	const current = (): BackupSettings => deps.store.current.backup;
	const save = (patch: Partial<BackupSettings>): Promise<void> => deps.store.updateBackup(patch).catch(deps.onSaveError);

	const rows: SettingRow[] = [
		{
			name: "Back up new photos after indexing",
			desc: "Send each new photo to every backup target as soon as it is indexed.",
			render: (setting) => {
				setting.addToggle((toggle) => toggle.setValue(current().afterIndex).onChange((value) => save({ afterIndex: value })));
			},
		},
		{
			name: "Back up every N minutes",
			desc: "While Obsidian is open, back up whatever is missing on the targets this often. 0 turns it off. A run with nothing new sends nothing.",
			render: (setting) => {
				setting.addText((text) =>
					text
						.setPlaceholder("60")
						.setValue(String(current().everyMinutes))
						.onChange((value) => {
							const minutes = wholeNumber(value);
							return minutes === null ? undefined : save({ everyMinutes: minutes });
						}),
				);
			},
		},
		{
			name: "Largest file to back up on mobile (MB)",
			desc: "A phone holds a whole file in memory to send it. Larger photos and videos are left for Obsidian on a computer, which streams them.",
			render: (setting) => {
				setting.addText((text) =>
					text
						.setPlaceholder("50")
						.setValue(String(Math.round(current().mobileMaxFileBytes / MB)))
						.onChange((value) => {
							const megabytes = wholeNumber(value);
							return megabytes === null || megabytes === 0 ? undefined : save({ mobileMaxFileBytes: megabytes * MB });
						}),
				);
			},
		},
	];
	return { heading: "Backup", rows };
}
