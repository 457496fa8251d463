/** The "Free up space" settings: how many verified copies, and how recent, before an original may leave the vault. */
import { DEFAULT_FREE_SPACE_POLICY, type FreeSpacePolicy } from "../../core/restore/restore-types";
import type { SettingsStore } from "./settings";
import type { SettingRow, SettingSection } from "./setting-rows";

export interface FreeSpaceSectionDeps {
	store: SettingsStore;
	onSaveError: (error: unknown) => void;
}

/** A whole number ≥ 1 typed in a text field, or null while it is not one (empty, half typed, 0, a letter). */
function countOf(text: string): number | null {
	const trimmed = text.trim();
	return /^\d+$/.test(trimmed) && Number(trimmed) >= 1 ? Number(trimmed) : null;
}

export function freeSpaceSection(deps: FreeSpaceSectionDeps): SettingSection {
	const current = (): FreeSpacePolicy => deps.store.current.freeSpace;
	const save = (patch: Partial<FreeSpacePolicy>): Promise<void> => deps.store.updateFreeSpace(patch).catch(deps.onSaveError);
	const numberRow = (name: string, desc: string, key: keyof FreeSpacePolicy): SettingRow => ({
		name,
		desc,
		render: (setting) => {
			setting.addText((text) => {
				text.inputEl.type = "number";
				text.inputEl.min = "1";
				return text
					.setPlaceholder(String(DEFAULT_FREE_SPACE_POLICY[key]))
					.setValue(String(current()[key]))
					.onChange((value) => {
						const count = countOf(value);
						// Until the field holds a usable number, the saved one stays.
						return count === null ? undefined : save({ [key]: count });
					});
			});
		},
	});

	const rows: SettingRow[] = [
		numberRow(
			"Copies needed before an original can go",
			"The Free up space command moves an original out of the vault only when at least this many backup targets each hold a copy checked by hash. " +
				"It goes to the trash chosen under Files and links → Deleted files; its note stays.",
			"minCopies",
		),
		numberRow(
			"Copies verified within (days)",
			"A copy counts only if its hash was verified this recently. Older or never verified copies do not count.",
			"maxAgeDays",
		),
	];
	return { heading: "Free up space", rows };
}
