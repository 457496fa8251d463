/** The "Tags and albums" settings: the automatic tags' prefix and kinds, and where album notes go. */
import { DEFAULT_ORGANIZE_SETTINGS, type AutoTagKinds, type OrganizeSettings } from "../../core/organize/organize-settings";
import type { SettingsStore } from "./settings";
import type { SettingRow, SettingSection } from "./setting-rows";

export interface OrganizeSectionDeps {
	store: SettingsStore;
	onSaveError: (error: unknown) => void;
}

const KINDS: ReadonlyArray<{ kind: keyof AutoTagKinds; name: string; desc: string }> = [
	{ kind: "date", name: "Tag year and month", desc: "photo/2024/06 from the date taken. Searching #photo/2024 finds the whole year." },
	{ kind: "camera", name: "Tag camera", desc: "photo/camera/apple-iphone-15 from the camera's maker and model." },
	{ kind: "media", name: "Tag videos and RAW files", desc: "photo/video and photo/raw." },
	{ kind: "location", name: "Tag photos with a location", desc: "photo/has-location when the photo records where it was taken." },
];

export function organizeSection(deps: OrganizeSectionDeps): SettingSection {
	const current = (): OrganizeSettings => deps.store.current.organize;
	// Obsidian ignores what onChange returns; tests await it to know the change is saved.
	const save = (patch: Partial<OrganizeSettings>): Promise<void> => deps.store.updateOrganize(patch).catch(deps.onSaveError);

	const rows: SettingRow[] = [
		{
			name: "Automatic tag prefix",
			desc: "Automatic tags go under this tag. They follow the photo at each index run; your own tags are never touched. Changes apply to every note at the next index run.",
			render: (setting) => {
				setting.addText((text) =>
					text
						.setPlaceholder(DEFAULT_ORGANIZE_SETTINGS.tagPrefix)
						.setValue(current().tagPrefix)
						.onChange((value) => save({ tagPrefix: value })),
				);
			},
		},
		...KINDS.map(({ kind, name, desc }): SettingRow => ({
			name,
			desc,
			render: (setting) => {
				setting.addToggle((toggle) =>
					toggle.setValue(current().autoTags[kind]).onChange((value) => save({ autoTags: { ...current().autoTags, [kind]: value } })),
				);
			},
		})),
		{
			name: "Albums folder",
			desc: "Where album notes are kept. Each photo's note links to its albums in its albums property.",
			render: (setting) => {
				setting.addText((text) =>
					text
						.setPlaceholder(DEFAULT_ORGANIZE_SETTINGS.albumsFolder)
						.setValue(current().albumsFolder)
						.onChange((value) => save({ albumsFolder: value })),
				);
			},
		},
	];
	return { heading: "Tags and albums", rows };
}
