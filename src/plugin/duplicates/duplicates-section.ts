/** The duplicate-search setting: how alike two pictures must be to count as the same photo. */
import { DEFAULT_DUPLICATE_THRESHOLD } from "../../core/duplicates/duplicate-settings";
import { MAX_THRESHOLD } from "../../core/duplicates/similar-groups";
import type { SettingsStore } from "../settings/settings";
import type { SettingSection } from "../settings/setting-rows";

export interface DuplicatesSectionDeps {
	store: SettingsStore;
	onSaveError: (error: unknown) => void;
}

/** A whole number 0–16 typed in a text field, or null while it is not one. */
export function thresholdOf(text: string): number | null {
	const trimmed = text.trim();
	return /^\d+$/.test(trimmed) && Number(trimmed) <= MAX_THRESHOLD ? Number(trimmed) : null;
}

export function duplicatesSection(deps: DuplicatesSectionDeps): SettingSection {
	return {
		heading: "Duplicates",
		rows: [
			{
				name: "Look-alike threshold",
				desc:
					`How many of the 64 bits of a picture's fingerprint may differ for two photos to count as the same picture (0–${MAX_THRESHOLD}). ` +
					`At ${DEFAULT_DUPLICATE_THRESHOLD}, the default, re-encoded, resized and lightly edited copies are found; ` +
					"lower finds only near-exact copies, higher starts grouping different shots of one scene. Identical files are always found.",
				render: (setting) => {
					setting.addText((text) => {
						text.inputEl.type = "number";
						text.inputEl.min = "0";
						text.inputEl.max = String(MAX_THRESHOLD);
						return text
							.setPlaceholder(String(DEFAULT_DUPLICATE_THRESHOLD))
							.setValue(String(deps.store.current.duplicates.threshold))
							.onChange((value) => {
								const threshold = thresholdOf(value);
								// Until the field holds a usable number, the saved one stays.
								return threshold === null ? undefined : deps.store.updateDuplicates({ threshold }).catch(deps.onSaveError);
							});
					});
				},
			},
		],
	};
}
