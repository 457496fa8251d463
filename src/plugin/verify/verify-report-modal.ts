/** The full report of the last verification: each target's verdict and every fault, unchecked copy and extra file. */
import { Modal, type App } from "obsidian";
import type { VerifySummary } from "../../core/verify/verify-types";
import { targetDetails, targetVerdict } from "./verify-text";

export class VerifyReportModal extends Modal {
	constructor(
		app: App,
		readonly summary: VerifySummary,
	) {
		super(app);
	}

	override onOpen(): void {
		this.titleEl.setText("Last verification report");
		const { contentEl } = this;
		contentEl.empty();
		if (this.summary.targets.length === 0) contentEl.createEl("p", { text: "No backup target was verified." });
		for (const result of this.summary.targets) {
			contentEl.createEl("p", { text: targetVerdict(result), cls: "photo-archivist-target-result" });
			const details = targetDetails(result);
			if (details.length === 0) continue;
			const list = contentEl.createEl("ul", { cls: "photo-archivist-failures" });
			for (const line of details) list.createEl("li", { text: line });
		}
		if (this.summary.cancelled) contentEl.createEl("p", { text: "The verification was cancelled; what was checked is recorded." });
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
