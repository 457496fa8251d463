// The fake's suggesters: SuggestModal, FuzzySuggestModal (a plain case-insensitive match stands in for
// Obsidian's fuzzy search) and AbstractInputSuggest. Tests type a query and choose a suggestion.
import type {
	App as RealApp,
	FuzzyMatch,
	FuzzySuggestModal as RealFuzzySuggestModal,
} from "../../../node_modules/obsidian/obsidian";
import { FakeElement } from "./ui-element";
import { Modal } from "./ui";

type KeyEvent = MouseEvent | KeyboardEvent;
const NO_EVENT = {} as KeyEvent;

export abstract class SuggestModal<T> extends Modal {
	limit = 100;
	emptyStateText = "No results found.";
	placeholder = "";
	readonly inputEl = new FakeElement("input");
	readonly resultContainerEl = new FakeElement("div");

	constructor(app: RealApp) {
		super(app);
	}

	setPlaceholder(placeholder: string): void {
		this.placeholder = placeholder;
	}

	setInstructions(): void {}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: KeyEvent): void;

	/** For tests: what the list shows for `query`, as rendered text. */
	async shown(query: string): Promise<string[]> {
		const items = await this.getSuggestions(query);
		return items.slice(0, this.limit).map((item) => {
			const el = new FakeElement("div");
			this.renderSuggestion(item, el as unknown as HTMLElement);
			return el.textContent;
		});
	}

	/** For tests: the user types `query` and picks the suggestion at `index`; the modal closes first, as Obsidian's does. */
	async choose(query: string, index = 0): Promise<void> {
		const item = (await this.getSuggestions(query))[index];
		if (item === undefined) throw new Error(`no suggestion ${index} for "${query}"`);
		this.close();
		this.onChooseSuggestion(item, NO_EVENT);
	}
}

type FuzzyPart = Pick<RealFuzzySuggestModal<unknown>, "getSuggestions" | "renderSuggestion" | "onChooseSuggestion">;

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> implements FuzzyPart {
	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: KeyEvent): void;

	getSuggestions(query: string): FuzzyMatch<T>[] {
		const q = query.trim().toLowerCase();
		return this.getItems()
			.filter((item) => this.getItemText(item).toLowerCase().includes(q))
			.map((item) => ({ item, match: { score: 0, matches: [] } }));
	}

	renderSuggestion(item: FuzzyMatch<T>, el: HTMLElement): void {
		(el as unknown as FakeElement).setText(this.getItemText(item.item));
	}

	onChooseSuggestion(item: FuzzyMatch<T>, evt: KeyEvent): void {
		this.onChooseItem(item.item, evt);
	}
}

export abstract class AbstractInputSuggest<T> {
	limit = 100;
	private selected: ((value: T, evt: KeyEvent) => unknown) | null = null;
	/** Every suggester made, newest last, so tests can reach the one a modal attached. */
	static readonly made: AbstractInputSuggest<unknown>[] = [];

	constructor(
		readonly app: RealApp,
		readonly textInputEl: HTMLInputElement | HTMLDivElement,
	) {
		AbstractInputSuggest.made.push(this as AbstractInputSuggest<unknown>);
	}

	setValue(value: string): void {
		(this.textInputEl as unknown as FakeElement).setAttr("value", value);
	}

	getValue(): string {
		return (this.textInputEl as unknown as FakeElement).getAttr("value") ?? "";
	}

	onSelect(callback: (value: T, evt: KeyEvent) => unknown): this {
		this.selected = callback;
		return this;
	}

	selectSuggestion(value: T, evt: KeyEvent): void {
		this.selected?.(value, evt);
	}

	close(): void {}

	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;

	/** For tests: what the popover offers for `query`. */
	suggestionsFor(query: string): T[] | Promise<T[]> {
		return this.getSuggestions(query);
	}
}
