/** The "Album export" settings: the vault folder archives go into, and the size of resized copies. */
import { DEFAULT_EXPORT_SETTINGS, MAX_EDGE, MIN_EDGE, type ExportSettings } from "../../core/export/export-settings";
import type { SettingRow, SettingSection } from "../settings/setting-rows";
import type { SettingsStore } from "../settings/settings";

export interface ExportSectionDeps {
	store: SettingsStore;
	onSaveError: (error: unknown) => void;
}

export function exportSection(deps: ExportSectionDeps): SettingSection {
	const current = (): ExportSettings => deps.store.current.export;
	const save = (patch: Partial<ExportSettings>): Promise<void> => deps.store.updateExport(patch).catch(deps.onSaveError);
	const rows: SettingRow[] = [
		{
			name: "Export folder",
			desc: "Vault folder where Export album as ZIP saves archives. On a computer you can pick a folder outside the vault each time instead.",
			render: (setting) => {
				setting.addText((text) => text.setPlaceholder(DEFAULT_EXPORT_SETTINGS.folder).setValue(current().folder).onChange((value) => save({ folder: value })));
			},
		},
		{
			name: "Longest edge of resized copies",
			desc: `In pixels, ${MIN_EDGE} to ${MAX_EDGE}. Resized copies are JPEG files for sharing; the originals stay as they are.`,
			render: (setting) => {
				setting.addText((text) => {
					text.inputEl.type = "number";
					return text.setPlaceholder(String(DEFAULT_EXPORT_SETTINGS.maxEdge)).setValue(String(current().maxEdge)).onChange((value) => {
						const edge = Number(value.trim());
						// Until the field holds a usable number, the saved one stays.
						return Number.isInteger(edge) && edge >= MIN_EDGE && edge <= MAX_EDGE ? save({ maxEdge: edge }) : undefined;
					});
				});
			},
		},
	];
	return { heading: "Album export", rows };
}
