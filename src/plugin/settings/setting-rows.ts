/** Settings as data: each row has a name, a description and a renderer, drawn the same way before and after Obsidian 1.13. */
import type { Setting } from "obsidian";

export interface SettingRow {
	name: string;
	desc: string;
	/** Adds the controls to a row that already has its name and description. Reads the values afresh each time. */
	render(setting: Setting): void;
}

export interface SettingSection {
	heading: string;
	rows: readonly SettingRow[];
}

/** Non-empty trimmed lines: the list settings are edited one entry per line. */
export function lines(text: string): string[] {
	return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
}
