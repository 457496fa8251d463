/** The settings tab: draws the sections, imperatively before Obsidian 1.13 and declaratively (searchable) from 1.13 on. */
import { PluginSettingTab, requireApiVersion, Setting, type App, type Plugin, type SettingDefinitionItem } from "obsidian";
import type { SettingSection } from "./setting-rows";

export class PhotoArchivistSettingTab extends PluginSettingTab {
	constructor(
		app: App,
		plugin: Plugin,
		private readonly sections: readonly SettingSection[],
	) {
		super(app, plugin);
	}

	/** Draws the tab again after its rows changed (a backup target added or removed). */
	refresh(): void {
		if (requireApiVersion("1.13.0")) this.update();
		else this.display();
	}

	/** Obsidian before 1.13 (minAppVersion is lower); 1.13 and later use getSettingDefinitions() instead. */
	override display(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const section of this.sections) {
			new Setting(containerEl).setName(section.heading).setHeading();
			for (const row of section.rows) row.render(new Setting(containerEl).setName(row.name).setDesc(row.desc));
		}
	}

	override getSettingDefinitions(): SettingDefinitionItem[] {
		return this.sections.map((section) => ({
			type: "group",
			heading: section.heading,
			items: section.rows.map((row) => ({
				name: row.name,
				desc: row.desc,
				render: (setting: Setting) => row.render(setting.setName(row.name).setDesc(row.desc)),
			})),
		}));
	}
}
