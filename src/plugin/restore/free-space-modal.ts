/** The dry run of "Free up space", shown before anything moves: the list, the size, the trash; nothing happens without a click. */
import { Modal, Setting, type App } from "obsidian";
import type { FreeSpacePlan } from "../../core/restore/restore-types";
import { formatBytes } from "../backup/backup-units";
import { freeSpacePlanText } from "./restore-text";

/** Enough to see what kind of photos go; a long library is summed up, not painted whole. */
const LISTED = 50;

export class FreeSpaceModal extends Modal {
	constructor(app: App, readonly plan: FreeSpacePlan, private readonly onConfirm: () => unknown) {
		super(app);
	}

	override onOpen(): void {
		const { plan } = this;
		this.titleEl.setText("Free up space");
		this.contentEl.empty();
		this.contentEl.createEl("p", { text: freeSpacePlanText(plan) });
		if (plan.items.length > 0) {
			const list = this.contentEl.createEl("ul");
			for (const item of plan.items.slice(0, LISTED)) {
				list.createEl("li", { text: `${item.path} (${formatBytes(item.size)}; copies on ${item.targets.join(", ")})` });
			}
			if (plan.items.length > LISTED) this.contentEl.createEl("p", { text: `…and ${plan.items.length - LISTED} more.` });
		}
		const buttons = new Setting(this.contentEl);
		if (plan.items.length > 0) {
			buttons.addButton((button) => button.setButtonText(`Move ${plan.items.length} to the trash`).setWarning().onClick(() => {
				this.close();
				return this.onConfirm();
			}));
		}
		buttons.addButton((button) => button.setButtonText(plan.items.length > 0 ? "Cancel" : "Close").onClick(() => this.close()));
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
