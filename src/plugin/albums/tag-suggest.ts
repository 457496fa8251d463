/** Suggests tags already in the vault while a tag field is typed in; picking one completes the word being typed. */
import { AbstractInputSuggest, type App, type TextComponent } from "obsidian";

const SHOWN = 30;

export class TagSuggest extends AbstractInputSuggest<string> {
	constructor(
		app: App,
		private readonly text: TextComponent,
		private readonly tags: () => readonly string[],
		private readonly changed: (value: string) => void,
	) {
		super(app, text.inputEl);
	}

	protected getSuggestions(query: string): string[] {
		const typing = (query.split(/[\s,]+/).pop() ?? "").replace(/^#/, "").toLowerCase();
		return this.tags().filter((tag) => tag.toLowerCase().includes(typing)).slice(0, SHOWN);
	}

	renderSuggestion(tag: string, el: HTMLElement): void {
		el.setText(`#${tag}`);
	}

	override selectSuggestion(tag: string): void {
		const current = this.text.getValue();
		const start = Math.max(current.lastIndexOf(","), current.lastIndexOf(" ")) + 1;
		const value = `${current.slice(0, start)}${start > 0 && current.charAt(start - 1) === "," ? " " : ""}${tag}, `.replace(/^\s+/, "");
		this.text.setValue(value);
		this.changed(value);
		this.close();
	}
}
