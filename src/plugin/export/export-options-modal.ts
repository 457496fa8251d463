/** The choices of "Export album as ZIP": location removed or not, resized copies or originals, and where the archive goes. */
import { Modal, Setting, type App } from "obsidian";

export type ExportWhere = "vault" | "computer";

export interface ExportChoice {
	stripLocation: boolean;
	resize: boolean;
	where: ExportWhere;
	/** An absolute folder on this computer, when `where` is "computer". */
	computerFolder: string;
}

export interface ExportOptionsModalOptions {
	albumTitle: string;
	/** The choices last made (from the settings). */
	initial: ExportChoice;
	/** The vault folder archives go into. */
	vaultFolder: string;
	maxEdge: number;
	/** Desktop: a folder on this computer may be chosen instead of the vault. */
	desktop: boolean;
	/** Opens the system's folder picker, where the desktop app offers one; null when it does not. */
	pickFolder: (() => Promise<string | null>) | null;
	onExport: (choice: ExportChoice) => unknown;
}

export class ExportOptionsModal extends Modal {
	private choice: ExportChoice;

	constructor(
		app: App,
		private readonly options: ExportOptionsModalOptions,
	) {
		super(app);
		this.choice = { ...options.initial, where: options.desktop ? options.initial.where : "vault" };
	}

	override onOpen(): void {
		const o = this.options;
		this.titleEl.setText(`Export "${o.albumTitle}" as ZIP`);
		this.contentEl.empty();
		new Setting(this.contentEl)
			.setName("Remove location")
			.setDesc("Copies without the position or place names of where each photo was taken. A photo whose location cannot be removed safely is left out, and the summary says which.")
			.addToggle((toggle) => toggle.setValue(this.choice.stripLocation).onChange((value) => (this.choice.stripLocation = value)));
		new Setting(this.contentEl)
			.setName("Resized copies for sharing")
			.setDesc(`JPEG copies at most ${o.maxEdge} pixels on the longest side, with their date and camera. Videos, and formats this device cannot decode, go in as they are.`)
			.addToggle((toggle) => toggle.setValue(this.choice.resize).onChange((value) => (this.choice.resize = value)));
		if (o.desktop) this.destinationRows();
		else new Setting(this.contentEl).setName("Saved to").setDesc(`The vault folder "${o.vaultFolder}".`);
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText("Export").setCta().onClick(() => this.submit()))
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()));
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private destinationRows(): void {
		const o = this.options;
		new Setting(this.contentEl).setName("Save to").addDropdown((dropdown) =>
			dropdown
				.addOptions({ vault: `The vault folder "${o.vaultFolder}"`, computer: "A folder on this computer" })
				.setValue(this.choice.where)
				.onChange((value) => (this.choice.where = value === "computer" ? "computer" : "vault")),
		);
		const folder = new Setting(this.contentEl)
			.setName("Folder on this computer")
			.setDesc("Its full path. The archive is written into it under a temporary name and appears when complete (a very large album as several parts, all at once); nothing is overwritten.");
		folder.addText((text) => {
			text.setPlaceholder("/home/me/exports").setValue(this.choice.computerFolder).onChange((value) => (this.choice.computerFolder = value.trim()));
			const pick = o.pickFolder;
			if (pick === null) return;
			folder.addButton((button) => button.setButtonText("Choose…").onClick(async () => {
				const chosen = await pick();
				if (chosen === null) return;
				this.choice.computerFolder = chosen;
				this.choice.where = "computer";
				text.setValue(chosen);
			}));
		});
	}

	private submit(): unknown {
		if (this.choice.where === "computer" && this.choice.computerFolder === "") return undefined;
		this.close();
		return this.options.onExport({ ...this.choice });
	}
}
