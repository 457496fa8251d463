/** Asks how much a thorough verification reads this time: every copy, or a share that rotates over the runs. */
import { Modal, Setting, type App } from "obsidian";

/** Percent of the copies: all, or a share (the next run reads the next share). */
export const SHARES: ReadonlyArray<[number, string]> = [
	[100, "Every copy"],
	[25, "A quarter (every copy over 4 runs)"],
	[10, "A tenth (every copy over 10 runs)"],
];

export class VerifyShareModal extends Modal {
	private percent = 100;

	constructor(
		app: App,
		private readonly onChoose: (percent: number) => unknown,
	) {
		super(app);
	}

	override onOpen(): void {
		this.titleEl.setText("Verify backups thoroughly");
		this.contentEl.empty();
		this.contentEl.createEl("p", {
			text: "Each copy is downloaded and compared with the original's SHA-256. This reads everything it checks from the target: on a large library, choose a share, and the next runs read the rest.",
		});
		new Setting(this.contentEl).setName("Read").addDropdown((dropdown) => {
			for (const [percent, label] of SHARES) dropdown.addOption(String(percent), label);
			dropdown.setValue(String(this.percent)).onChange((value) => {
				this.percent = Number(value);
			});
		});
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText("Verify").setCta().onClick(() => {
				this.close();
				return this.onChoose(this.percent);
			}))
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()));
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
