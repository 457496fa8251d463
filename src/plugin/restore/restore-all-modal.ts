/** Asks which target to rebuild from and into which folder: an absolute path on desktop, a vault folder on mobile. */
import { Modal, Setting, type App } from "obsidian";
import type { TargetConfig } from "../../core/model/target-config";

export interface RestoreAllChoice {
	targetId: string;
	folder: string;
}

export class RestoreAllModal extends Modal {
	private targetId: string;
	private folder = "";

	constructor(
		app: App,
		private readonly targets: readonly TargetConfig[],
		private readonly absolute: boolean,
		private readonly onChoose: (choice: RestoreAllChoice) => unknown,
	) {
		super(app);
		this.targetId = targets[0]?.id ?? "";
	}

	override onOpen(): void {
		this.titleEl.setText("Restore all from a target into a folder");
		this.contentEl.empty();
		new Setting(this.contentEl).setName("Target").addDropdown((dropdown) => {
			for (const t of this.targets) dropdown.addOption(t.id, t.name);
			dropdown.setValue(this.targetId).onChange((value) => {
				this.targetId = value;
			});
		});
		new Setting(this.contentEl)
			.setName("Folder")
			.setDesc(this.absolute
				? "A folder on this computer (absolute path), created if needed. Nothing in it is ever overwritten."
				: "A folder inside this vault, created if needed. Nothing in it is ever overwritten.")
			.addText((text) => text.setPlaceholder(this.absolute ? "/home/me/Restored photos" : "Restored").onChange((value) => {
				this.folder = value.trim();
			}));
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText("Restore").setCta().onClick(() => {
				if (this.folder === "" || this.targetId === "") return;
				this.close();
				return this.onChoose({ targetId: this.targetId, folder: this.folder });
			}))
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()));
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
