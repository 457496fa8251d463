/** The "Photo index" settings: which folders and file types are photos, where their notes go, what to leave out. */
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from "../../core/settings";
import type { SettingsStore } from "./settings";
import { lines, type SettingRow, type SettingSection } from "./setting-rows";

export interface IndexSectionDeps {
	store: SettingsStore;
	/** Called when a change could not be saved. */
	onSaveError: (error: unknown) => void;
}

export function indexSection(deps: IndexSectionDeps): SettingSection {
	const current = (): IndexSettings => deps.store.current.index;
	// Obsidian ignores what onChange returns; tests await it to know the change is saved.
	const save = (patch: Partial<IndexSettings>): Promise<void> => deps.store.updateIndex(patch).catch(deps.onSaveError);

	const rows: SettingRow[] = [
		{
			name: "Photo folders",
			desc: "Folders whose photos and videos are indexed, subfolders included. One folder per line; a single / means the whole vault.",
			render: (setting) => {
				setting.addTextArea((text) =>
					text
						.setPlaceholder("Photos")
						.setValue(current().photoFolders.map((folder) => (folder === "" ? "/" : folder)).join("\n"))
						.onChange((value) => save({ photoFolders: lines(value) })),
				);
			},
		},
		{
			name: "Notes folder",
			desc: "Where each photo's note is written, in the same subfolders as the photo.",
			render: (setting) => {
				setting.addText((text) =>
					text
						.setPlaceholder(DEFAULT_INDEX_SETTINGS.notesFolder)
						.setValue(current().notesFolder)
						.onChange((value) => save({ notesFolder: value })),
				);
			},
		},
		{
			name: "File types",
			desc: "Extensions of the files to index, separated by commas.",
			render: (setting) => {
				setting.addText((text) =>
					text
						.setPlaceholder(DEFAULT_INDEX_SETTINGS.extensions.slice(0, 4).join(", "))
						.setValue(current().extensions.join(", "))
						.onChange((value) => save({ extensions: value.split(/[\s,]+/) })),
				);
			},
		},
		{
			name: "Exclusions",
			desc: "Paths to leave out, one pattern per line. A folder path leaves out all it holds; * matches within a name, ** across folders.",
			render: (setting) => {
				setting.addTextArea((text) =>
					text
						.setPlaceholder("Photos/Private\n**/*.tmp.jpg")
						.setValue(current().exclusions.join("\n"))
						.onChange((value) => save({ exclusions: lines(value) })),
				);
			},
		},
		{
			name: "Index automatically",
			desc: "Index new and changed photos as they appear, and move or mark their notes when photos are renamed or deleted.",
			render: (setting) => {
				setting.addToggle((toggle) =>
					toggle.setValue(current().autoIndex).onChange((value) => save({ autoIndex: value })),
				);
			},
		},
	];
	return { heading: "Photo index", rows };
}
