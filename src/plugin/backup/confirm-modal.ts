/** A yes-or-no question before something the user cannot take back with one click. */
import { Modal, Setting, type App } from "obsidian";

export class ConfirmModal extends Modal {
	constructor(
		app: App,
		private readonly question: { title: string; text: string; confirm: string; onConfirm: () => unknown },
	) {
		super(app);
	}

	override onOpen(): void {
		this.titleEl.setText(this.question.title);
		this.contentEl.empty();
		this.contentEl.createEl("p", { text: this.question.text });
		new Setting(this.contentEl)
			.addButton((button) =>
				button.setButtonText(this.question.confirm).setWarning().onClick(() => {
					this.close();
					return this.question.onConfirm();
				}),
			)
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()));
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
