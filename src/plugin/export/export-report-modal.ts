/** Every line of the last export's summary, including each photo left out or not resized with its reason. */
import { Modal, type App } from "obsidian";

export class ExportReportModal extends Modal {
	constructor(
		app: App,
		private readonly lines: readonly string[],
	) {
		super(app);
	}

	override onOpen(): void {
		this.titleEl.setText("Album export");
		this.contentEl.empty();
		let list: HTMLUListElement | null = null;
		for (const line of this.lines) {
			// Indented lines are the photos under the line before them.
			if (!line.startsWith("  ")) {
				this.contentEl.createEl("p", { text: line });
				list = null;
				continue;
			}
			list ??= this.contentEl.createEl("ul", { cls: "photo-archivist-failures" });
			list.createEl("li", { text: line.trim() });
		}
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
