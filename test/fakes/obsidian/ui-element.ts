// An element-like stand-in for the few HTMLElement calls the plugin makes (Obsidian's helpers, no innerHTML):
// tests run in Node, without a DOM.
/// <reference path="../../../node_modules/obsidian/obsidian.d.ts" />

type Listener = (event: { type: string; target: FakeElement }) => unknown;

export class FakeElement {
	readonly children: FakeElement[] = [];
	parent: FakeElement | null = null;
	readonly classes = new Set<string>();
	readonly attrs = new Map<string, string>();
	/** Set on a Setting's row element, so tests can find settings by name. */
	setting?: unknown;
	removed = false;
	private ownText = "";
	private readonly listeners = new Map<string, Set<Listener>>();

	constructor(readonly tag = "div") {}

	get textContent(): string {
		return this.ownText + this.children.map((child) => child.textContent).join("");
	}

	createEl(tag: string, options?: DomElementInfo | string, callback?: (el: FakeElement) => void): FakeElement {
		const child = new FakeElement(tag);
		const info: DomElementInfo = typeof options === "string" ? { cls: options } : (options ?? {});
		if (info.text !== undefined) child.setText(typeof info.text === "string" ? info.text : "");
		const classes = info.cls === undefined ? [] : Array.isArray(info.cls) ? info.cls : info.cls.split(" ");
		child.addClass(...classes.filter((c: string) => c !== ""));
		for (const [name, value] of Object.entries(info.attr ?? {})) if (value !== null) child.setAttr(name, String(value));
		child.parent = this;
		this.children.push(child);
		callback?.(child);
		return child;
	}

	createDiv(options?: DomElementInfo | string, callback?: (el: FakeElement) => void): FakeElement {
		return this.createEl("div", options, callback);
	}

	createSpan(options?: DomElementInfo | string, callback?: (el: FakeElement) => void): FakeElement {
		return this.createEl("span", options, callback);
	}

	setText(text: string): void {
		this.children.length = 0;
		this.ownText = text;
	}

	getText(): string {
		return this.textContent;
	}

	empty(): void {
		this.children.length = 0;
		this.ownText = "";
	}

	addClass(...classes: string[]): void {
		for (const c of classes) this.classes.add(c);
	}

	removeClass(...classes: string[]): void {
		for (const c of classes) this.classes.delete(c);
	}

	toggleClass(classes: string | string[], value: boolean): void {
		for (const c of Array.isArray(classes) ? classes : [classes]) {
			if (value) this.classes.add(c);
			else this.classes.delete(c);
		}
	}

	hasClass(cls: string): boolean {
		return this.classes.has(cls);
	}

	setAttr(name: string, value: string | number | boolean | null): void {
		if (value === null) this.attrs.delete(name);
		else this.attrs.set(name, String(value));
	}

	getAttr(name: string): string | null {
		return this.attrs.get(name) ?? null;
	}

	addEventListener(type: string, listener: Listener): void {
		const set = this.listeners.get(type) ?? new Set<Listener>();
		set.add(listener);
		this.listeners.set(type, set);
	}

	removeEventListener(type: string, listener: Listener): void {
		this.listeners.get(type)?.delete(listener);
	}

	onClickEvent(listener: Listener): void {
		this.addEventListener("click", listener);
	}

	listenerCount(type: string): number {
		return this.listeners.get(type)?.size ?? 0;
	}

	/** For tests: the user clicks (or taps) the element. */
	click(): void {
		for (const listener of [...(this.listeners.get("click") ?? [])]) listener({ type: "click", target: this });
	}

	remove(): void {
		this.removed = true;
		if (this.parent === null) return;
		const siblings = this.parent.children;
		siblings.splice(siblings.indexOf(this), 1);
		this.parent = null;
	}

	/** Every element below this one, depth first. */
	descendants(): FakeElement[] {
		return this.children.flatMap((child) => [child, ...child.descendants()]);
	}
}
