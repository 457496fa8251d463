/** "Create album from folder" and "Create album from search": the album's name and where its photos come from. */
import { Modal, Notice, Setting, type App } from "obsidian";
import { dateBound, type AlbumQuery } from "../../core/albums/album-query";
import type { CreateAlbumOptions } from "../../core/albums/album-types";
import { TagSuggest } from "./tag-suggest";
import { typedTags } from "./vault-tags";

export interface CreateAlbumRequest {
	title: string;
	options: CreateAlbumOptions;
}

export interface CreateAlbumModalOptions {
	mode: "folder" | "search";
	/** Where the folder field starts (the current photo's folder). */
	folder: string;
	/** Tags already in the vault, for the search's tag field. */
	tags: readonly string[];
	onCreate: (request: CreateAlbumRequest) => unknown;
}

type Location = "any" | "with" | "without";

export class CreateAlbumModal extends Modal {
	private title = "";
	private folder: string;
	private from = "";
	private to = "";
	private tagText = "";
	private camera = "";
	private location: Location = "any";
	private smart = false;

	constructor(
		app: App,
		private readonly options: CreateAlbumModalOptions,
	) {
		super(app);
		this.folder = options.folder;
	}

	override onOpen(): void {
		const search = this.options.mode === "search";
		this.titleEl.setText(search ? "Create album from search" : "Create album from folder");
		this.contentEl.empty();
		this.text("Name", "The album's title; its note goes in the albums folder.", "", (v) => (this.title = v));
		if (search) this.searchFields();
		else this.text("Folder", "Every indexed photo under this folder, subfolders included.", this.folder, (v) => (this.folder = v));
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText("Create").setCta().onClick(() => this.create()))
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()));
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private searchFields(): void {
		this.text("Taken from", "A day (2024-06-01), a month (2024-06) or a year (2024). Empty: no limit.", "", (v) => (this.from = v));
		this.text("Taken until", "Inclusive: 2024-06 takes the whole of June.", "", (v) => (this.to = v));
		new Setting(this.contentEl).setName("Tags").setDesc("Photos with every one of these tags (a tag also finds its nested tags).").addText((text) => {
			text.onChange((value) => (this.tagText = value));
			new TagSuggest(this.app, text, () => this.options.tags, (value) => (this.tagText = value));
		});
		this.text("Camera", "Words of the camera's maker and model, e.g. iPhone 15.", "", (v) => (this.camera = v));
		new Setting(this.contentEl).setName("Location").addDropdown((dropdown) =>
			dropdown
				.addOptions({ any: "With or without", with: "Only photos with a location", without: "Only photos without a location" })
				.setValue(this.location)
				.onChange((value) => (this.location = value as Location)),
		);
		new Setting(this.contentEl)
			.setName("Smart album")
			.setDesc("Keep the search: photos that match later join the album after each index run. Otherwise the album holds the photos found now, and you can add or remove photos by hand.")
			.addToggle((toggle) => toggle.setValue(this.smart).onChange((value) => (this.smart = value)));
	}

	private text(name: string, desc: string, value: string, changed: (value: string) => unknown): void {
		new Setting(this.contentEl).setName(name).setDesc(desc).addText((text) => text.setValue(value).onChange(changed));
	}

	private query(): AlbumQuery | null {
		const query: AlbumQuery = {};
		for (const [key, raw] of [["from", this.from], ["to", this.to]] as const) {
			if (raw.trim() === "") continue;
			const bound = dateBound(raw);
			if (bound === null) {
				new Notice(`“${raw.trim()}” is not a date: write 2024-06-01, 2024-06 or 2024.`);
				return null;
			}
			query[key] = bound;
		}
		const tags = typedTags(this.tagText);
		if (tags.length > 0) query.tags = tags;
		if (this.camera.trim() !== "") query.camera = this.camera.trim();
		if (this.location !== "any") query.location = this.location === "with";
		return query;
	}

	private create(): unknown {
		const title = this.title.trim();
		if (title === "") {
			new Notice("Give the album a name.");
			return undefined;
		}
		let options: CreateAlbumOptions;
		if (this.options.mode === "folder") {
			options = { folder: this.folder.trim().replace(/^\/+|\/+$/g, "") };
		} else {
			const query = this.query();
			if (query === null) return undefined;
			options = { query, smart: this.smart };
		}
		this.close();
		return this.options.onCreate({ title, options });
	}
}
