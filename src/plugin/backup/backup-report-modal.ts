/** The full report of the last backup: each target's verdict, every failure with its reason, every kept-both conflict. */
import { Modal, type App } from "obsidian";
import type { BackupSummary } from "../../core/backup/backup-types";
import { failureLine, summaryHead, targetLine } from "./backup-summary-text";

export class BackupReportModal extends Modal {
	constructor(
		app: App,
		private readonly summary: BackupSummary,
	) {
		super(app);
	}

	override onOpen(): void {
		this.titleEl.setText("Last backup report");
		const { contentEl } = this;
		contentEl.empty();
		contentEl.createEl("p", { text: summaryHead(this.summary) });
		for (const result of this.summary.targets) {
			contentEl.createEl("p", { text: targetLine(result), cls: "photo-archivist-target-result" });
			if (result.failed.length > 0) {
				const list = contentEl.createEl("ul", { cls: "photo-archivist-failures" });
				for (const failure of result.failed) list.createEl("li", { text: failureLine(failure) });
			}
			if (result.conflicts.length > 0) {
				const list = contentEl.createEl("ul", { cls: "photo-archivist-conflicts" });
				for (const c of result.conflicts) {
					list.createEl("li", { text: `${c.path}: a different file is already at ${c.remotePath}; this photo was kept beside it as ${c.keptAs}.` });
				}
			}
		}
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
