/** The dialog that adds or edits a backup target: the fields of its kind, passwords, keys and passphrases picked from Obsidian's keychain. */
import { Modal, SecretComponent, Setting, type App } from "obsidian";
import { describeError } from "../../core/model/errors";
import type { TargetConfig } from "../../core/model/target-config";
import { changeKind, configOfDraft, draftOf, idFromName, MEDIA, newDraft, type TargetDraft } from "./target-draft";
import { renderEncryptionFields, renderS3Fields } from "./target-modal-fields";

// Examples, not words: kept out of the sentence-case check of UI text.
const URL_EXAMPLE = "https://nas.local:5006/photos";
const FOLDER_EXAMPLE = "/Volumes/Backup/Photos";

export interface TargetModalOptions {
	/** The target to edit, or null for a new one. */
	target: TargetConfig | null;
	/** Every other target. */
	others: readonly TargetConfig[];
	foldersAllowed: boolean;
	/** Placeholder of "Uploads at once": the platform's default. */
	defaultConcurrency: number;
	save: (config: TargetConfig) => Promise<void>;
	/** Whether the target already holds backups (its manifest has copies); left out: never. */
	holdsData?: (targetId: string) => Promise<boolean>;
}

export class TargetModal extends Modal {
	private readonly draft: TargetDraft;
	/** A new target's id follows its name until the user types one; a saved target's id never changes. */
	private idFollowsName: boolean;
	private errorEl: HTMLElement | null = null;
	/** An edited target holds backups: its encryption is fixed. */
	private holdsData = false;
	private shown = false;
	/** Settles once the dialog knows whether the target holds backups (drawn again if it does); tests wait for it. */
	readonly checked: Promise<void>;

	constructor(
		app: App,
		private readonly options: TargetModalOptions,
	) {
		super(app);
		this.draft = options.target === null ? newDraft() : draftOf(options.target);
		this.idFollowsName = options.target === null;
		this.checked = this.checkHoldsData();
	}

	private async checkHoldsData(): Promise<void> {
		const { target, holdsData } = this.options;
		if (target === null || holdsData === undefined) return;
		try {
			this.holdsData = await holdsData(target.id);
		} catch (error) {
			// Unknown is treated as holding backups: a wrong guess only asks for a new target, never leaves backups unreadable.
			console.warn(`Photo backup: could not tell whether "${target.name}" holds backups:`, error);
			this.holdsData = true;
		}
		if (this.holdsData && this.shown) this.render();
	}

	override onOpen(): void {
		this.titleEl.setText(this.options.target === null ? "Add backup target" : `Edit “${this.options.target.name}”`);
		this.shown = true;
		this.render();
	}

	override onClose(): void {
		this.shown = false;
		this.contentEl.empty();
	}

	/** Drawn again when the kind changes: each kind has its own fields. */
	private render(): void {
		const { contentEl, draft } = this;
		contentEl.empty();
		const taken = this.options.others.map((t) => t.id);
		let idText: { setValue(value: string): unknown } | null = null;

		new Setting(contentEl).setName("Name").setDesc("Shown in the notes of the photos backed up here.").addText((text) =>
			text.setPlaceholder("Home server").setValue(draft.name).onChange((value) => {
				draft.name = value;
				if (!this.idFollowsName) return;
				draft.id = value.trim() === "" ? "" : idFromName(value, taken);
				idText?.setValue(draft.id);
			}),
		);
		new Setting(contentEl)
			.setName("ID")
			.setDesc("How the notes and the backup records refer to this target. It cannot change once saved.")
			.addText((text) => {
				idText = text;
				text.setValue(draft.id).setDisabled(this.options.target !== null).onChange((value) => {
					this.idFollowsName = false;
					draft.id = value.trim();
				});
			});
		new Setting(contentEl).setName("Kind").addDropdown((dropdown) => {
			dropdown.addOption("webdav", "WebDAV server");
			dropdown.addOption("s3", "S3-compatible object storage");
			if (this.options.foldersAllowed || draft.kind === "folder") dropdown.addOption("folder", "Folder");
			dropdown.setValue(draft.kind).onChange((value) => {
				changeKind(draft, value === "folder" || value === "s3" ? value : "webdav");
				this.render();
			});
		});
		if (draft.kind === "webdav") this.renderWebdav(contentEl);
		else if (draft.kind === "s3") renderS3Fields(this.app, contentEl, draft);
		else this.renderFolder(contentEl);
		renderEncryptionFields(this.app, contentEl, draft, {
			fixed: this.holdsData,
			hasSavedPassphrase: this.options.target?.passphraseSecret !== undefined,
			redraw: () => this.render(),
		});
		this.renderCommon(contentEl);

		this.errorEl = contentEl.createEl("p", { cls: "photo-archivist-error" });
		new Setting(contentEl)
			.addButton((button) => button.setButtonText("Save").setCta().onClick(() => this.submit()))
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()));
	}

	private renderWebdav(contentEl: HTMLElement): void {
		const { draft } = this;
		new Setting(contentEl)
			.setName("Server URL")
			.setDesc("The address of the WebDAV folder the photos go to, as your server or provider gives it.")
			.addText((text) => text.setPlaceholder(URL_EXAMPLE).setValue(draft.url).onChange((value) => (draft.url = value)));
		new Setting(contentEl)
			.setName("User name")
			.addText((text) => text.setValue(draft.username).onChange((value) => (draft.username = value)));
		new Setting(contentEl)
			.setName("Password")
			.setDesc("Kept in Obsidian's keychain. Only its name is saved with the plugin's settings.")
			.addComponent((el) =>
				new SecretComponent(this.app, el).setValue(draft.passwordSecret).onChange((value) => (draft.passwordSecret = value)),
			);
	}

	private renderFolder(contentEl: HTMLElement): void {
		const { draft } = this;
		new Setting(contentEl)
			.setName("Folder")
			.setDesc("The full path of the folder the photos go to, on an external drive for example.")
			.addText((text) => text.setPlaceholder(FOLDER_EXAMPLE).setValue(draft.path).onChange((value) => (draft.path = value)));
	}

	private renderCommon(contentEl: HTMLElement): void {
		const { draft } = this;
		new Setting(contentEl)
			.setName("Folders on the target")
			.setDesc("The same folders as in the vault, or one folder per month the photo was taken (2024/06/).")
			.addDropdown((dropdown) =>
				dropdown
					.addOption("mirror", "Same as the vault")
					.addOption("date", "By date taken")
					.setValue(draft.layout)
					.onChange((value) => (draft.layout = value === "date" ? "date" : "mirror")),
			);
		new Setting(contentEl)
			.setName("Medium")
			.setDesc("What the copies are kept on. Keep copies on two different media, one of them offsite.")
			.addDropdown((dropdown) => {
				dropdown.addOptions(MEDIA);
				if (!(draft.medium in MEDIA)) dropdown.addOption(draft.medium, draft.medium);
				dropdown.setValue(draft.medium).onChange((value) => (draft.medium = value));
			});
		new Setting(contentEl)
			.setName("Offsite")
			.setDesc("The copies are kept in another place than this device: a fire or a theft here does not reach them.")
			.addToggle((toggle) => toggle.setValue(draft.offsite).onChange((value) => (draft.offsite = value)));
		new Setting(contentEl)
			.setName("Back up to this target")
			.setDesc("Off: the target is kept, and skipped by every backup.")
			.addToggle((toggle) => toggle.setValue(draft.enabled).onChange((value) => (draft.enabled = value)));
		new Setting(contentEl)
			.setName("Uploads at once")
			.setDesc("How many photos are sent at the same time. Fewer is gentler on a slow server or connection.")
			.addText((text) =>
				text
					.setPlaceholder(String(this.options.defaultConcurrency))
					.setValue(draft.concurrency)
					.onChange((value) => (draft.concurrency = value)),
			);
	}

	/** Returns when the target is saved (the dialog closes) or the problem is shown. */
	private async submit(): Promise<void> {
		await this.checked;
		const config = configOfDraft(this.draft, {
			others: this.options.others,
			foldersAllowed: this.options.foldersAllowed,
			original: this.options.target,
			holdsData: this.holdsData,
		});
		if (typeof config === "string") {
			this.errorEl?.setText(config);
			return;
		}
		try {
			await this.options.save(config);
			this.close();
		} catch (error) {
			this.errorEl?.setText(`Could not save the target: ${describeError(error)}`);
		}
	}
}
