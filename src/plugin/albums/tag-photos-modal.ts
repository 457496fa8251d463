/** "Tag photos…": which photos (this one, a folder's, an album's), the tags to add and to remove, with suggestions. */
import { Modal, Notice, Setting, type App } from "obsidian";
import type { AlbumInfo } from "../../core/albums/album-types";
import { TagSuggest } from "./tag-suggest";
import { typedTags } from "./vault-tags";

export type TagScope = { kind: "photo"; photo: string } | { kind: "folder"; folder: string } | { kind: "album"; album: string };

export interface TagPhotosChoice {
	scope: TagScope;
	add: string[];
	remove: string[];
}

export interface TagPhotosOptions {
	/** The photo open now, or null. */
	currentPhoto: string | null;
	albums: readonly AlbumInfo[];
	/** Tags already in the vault, most used first. */
	tags: readonly string[];
	/** Where the folder field starts: the current photo's folder. */
	folder: string;
	onApply: (choice: TagPhotosChoice) => unknown;
}

type ScopeKind = TagScope["kind"];

export class TagPhotosModal extends Modal {
	private kind: ScopeKind;
	private folder: string;
	private album: string;
	private add = "";
	private remove = "";

	constructor(
		app: App,
		private readonly options: TagPhotosOptions,
	) {
		super(app);
		this.kind = options.currentPhoto !== null ? "photo" : "folder";
		this.folder = options.folder;
		this.album = options.albums[0]?.path ?? "";
	}

	override onOpen(): void {
		this.titleEl.setText("Tag photos");
		this.render();
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	/** Drawn again when the choice of photos changes, so only the field that choice needs is shown. */
	private render(): void {
		this.contentEl.empty();
		const scopes: Record<string, string> = {};
		if (this.options.currentPhoto !== null) scopes.photo = "This photo";
		scopes.folder = "Every photo in a folder";
		if (this.options.albums.length > 0) scopes.album = "Every photo in an album";
		new Setting(this.contentEl).setName("Photos").addDropdown((dropdown) =>
			dropdown.addOptions(scopes).setValue(this.kind).onChange((value) => {
				this.kind = value as ScopeKind;
				this.render();
			}),
		);
		if (this.kind === "folder") {
			new Setting(this.contentEl)
				.setName("Folder")
				.setDesc("Every indexed photo under this folder, subfolders included.")
				.addText((text) => text.setValue(this.folder).onChange((value) => {
					this.folder = value.trim();
				}));
		}
		if (this.kind === "album") {
			new Setting(this.contentEl).setName("Album").addDropdown((dropdown) => {
				for (const album of this.options.albums) dropdown.addOption(album.path, album.title);
				dropdown.setValue(this.album).onChange((value) => {
					this.album = value;
				});
			});
		}
		this.tagField("Add tags", "Separated by commas or spaces, with or without #.", this.add, (value) => {
			this.add = value;
		});
		this.tagField("Remove tags", "Only these exact tags go; every other tag stays.", this.remove, (value) => {
			this.remove = value;
		});
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText("Apply").setCta().onClick(() => this.apply()))
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()));
	}

	private tagField(name: string, desc: string, value: string, changed: (value: string) => void): void {
		new Setting(this.contentEl).setName(name).setDesc(desc).addText((text) => {
			text.setValue(value).onChange(changed);
			new TagSuggest(this.app, text, () => this.options.tags, changed);
		});
	}

	private apply(): unknown {
		const add = typedTags(this.add);
		const remove = typedTags(this.remove);
		if (add.length === 0 && remove.length === 0) {
			new Notice("Type the tags to add or to remove.");
			return undefined;
		}
		const scope = this.chosenScope();
		if (scope === null) return undefined;
		this.close();
		return this.options.onApply({ scope, add, remove });
	}

	private chosenScope(): TagScope | null {
		if (this.kind === "photo" && this.options.currentPhoto !== null) return { kind: "photo", photo: this.options.currentPhoto };
		if (this.kind === "album" && this.album !== "") return { kind: "album", album: this.album };
		if (this.kind === "folder") return { kind: "folder", folder: this.folder.replace(/^\/+|\/+$/g, "") };
		return null;
	}
}
