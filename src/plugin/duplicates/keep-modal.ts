/**
 * The question before "keep this one" acts: the photo kept, each other copy with a switch (all on), what
 * happens to them, and nothing moves without a click. Look-alikes are linked pairwise, so a group can hold
 * a picture the user wants to keep too: they switch it off.
 */
import { Modal, Setting, type App, type ButtonComponent } from "obsidian";
import type { DuplicateGroup } from "../../core/duplicates/duplicate-types";
import { memberFacts } from "./duplicates-text";

export class KeepDuplicatesModal extends Modal {
	/** The paths switched on: what goes to the trash on confirmation. */
	readonly leaving: Set<string>;

	constructor(
		app: App,
		readonly kept: string,
		readonly group: DuplicateGroup,
		private readonly onConfirm: (others: string[]) => unknown,
	) {
		super(app);
		this.leaving = new Set(group.members.map((m) => m.path).filter((p) => p !== kept));
	}

	override onOpen(): void {
		this.titleEl.setText("Keep this photo, remove its duplicates");
		const { contentEl } = this;
		contentEl.empty();
		const kept = this.group.members.find((m) => m.path === this.kept);
		contentEl.createEl("p", { text: `Keep ${this.kept}${kept ? ` (${memberFacts(kept)})` : ""}.` });
		contentEl.createEl("p", {
			text: "The copies switched on below go to the trash, each original with its note. First their tags, albums, " +
				"other properties and text are merged into the note of the photo you keep. Their backups stay on the backup targets.",
		});
		let confirm: ButtonComponent | null = null;
		const label = (): string => `Move ${this.leaving.size} to the trash`;
		for (const member of this.group.members) {
			if (member.path === this.kept) continue;
			new Setting(contentEl)
				.setName(member.path)
				.setDesc(memberFacts(member) + (member.mostMetadata ? " — has the most metadata" : ""))
				.addToggle((toggle) => toggle.setValue(true).onChange((on) => {
					if (on) this.leaving.add(member.path);
					else this.leaving.delete(member.path);
					confirm?.setButtonText(label()).setDisabled(this.leaving.size === 0);
				}));
		}
		new Setting(contentEl)
			.addButton((button) => {
				confirm = button;
				// What setWarning() does; its successor setDestructive() is not in Obsidian 1.11.4, our minimum.
				button.buttonEl.addClass("mod-warning");
				button.setButtonText(label()).onClick(() => {
					if (this.leaving.size === 0) return;
					this.close();
					return this.onConfirm([...this.leaving]);
				});
			})
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()));
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
