/** Picks an album by fuzzy search; when offered, the typed name can also become a new album ("Create new album: …"). */
import { FuzzySuggestModal, type App, type FuzzyMatch } from "obsidian";
import type { AlbumInfo } from "../../core/albums/album-types";

export type AlbumChoice = { album: AlbumInfo } | { create: string };

export interface AlbumSuggestOptions {
	albums: readonly AlbumInfo[];
	placeholder: string;
	/** Offer "Create new album: <typed name>" when no album has the typed name. */
	allowCreate: boolean;
	onChoose: (choice: AlbumChoice) => unknown;
}

export class AlbumSuggestModal extends FuzzySuggestModal<AlbumChoice> {
	constructor(
		app: App,
		private readonly options: AlbumSuggestOptions,
	) {
		super(app);
		this.setPlaceholder(options.placeholder);
		this.emptyStateText = options.allowCreate ? "No album yet: type a name to create one." : "No album.";
	}

	getItems(): AlbumChoice[] {
		return this.options.albums.map((album) => ({ album }));
	}

	getItemText(choice: AlbumChoice): string {
		return "album" in choice ? choice.album.title : choice.create;
	}

	override getSuggestions(query: string): FuzzyMatch<AlbumChoice>[] {
		const matches = super.getSuggestions(query);
		const name = query.trim();
		const exists = this.options.albums.some((album) => album.title.toLowerCase() === name.toLowerCase());
		if (this.options.allowCreate && name !== "" && !exists) matches.push({ item: { create: name }, match: { score: 0, matches: [] } });
		return matches;
	}

	override renderSuggestion(match: FuzzyMatch<AlbumChoice>, el: HTMLElement): void {
		if ("create" in match.item) el.setText(`Create new album: ${match.item.create}`);
		else super.renderSuggestion(match, el);
	}

	onChooseItem(choice: AlbumChoice): void {
		void this.options.onChoose(choice);
	}
}
