/** The full report of the last run: every count and every failure with its reason (a Notice only has room for a few). */
import { Modal, type App } from "obsidian";
import type { IndexSummary } from "../../core/engine-types";
import { failureLine, summaryText } from "./summary-text";

export class IndexReportModal extends Modal {
	constructor(app: App, private readonly summary: IndexSummary) {
		super(app);
	}

	override onOpen(): void {
		this.titleEl.setText("Last index report");
		const { contentEl } = this;
		contentEl.empty();
		for (const line of summaryText(this.summary, 0).split("\n")) contentEl.createEl("p", { text: line });
		if (this.summary.failed.length === 0) return;
		contentEl.createEl("p", { text: "These files were not indexed:" });
		const list = contentEl.createEl("ul", { cls: "photo-archivist-failures" });
		for (const failure of this.summary.failed) list.createEl("li", { text: failureLine(failure) });
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
