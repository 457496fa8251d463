// The fake settings UI: SettingTab/PluginSettingTab, a chainable Setting, and controls whose callbacks tests can fire.
import type {
	App as RealApp,
	Plugin as RealPlugin,
	SettingDefinitionItem,
	SettingTab as RealSettingTab,
} from "../../../node_modules/obsidian/obsidian";
import { FakeElement } from "./ui-element";

abstract class ValueComponent<T> {
	disabled = false;
	private handler: ((value: T) => unknown) | null = null;

	constructor(protected value: T) {}

	setValue(value: T): this {
		this.value = value;
		return this;
	}

	getValue(): T {
		return this.value;
	}

	onChange(callback: (value: T) => unknown): this {
		this.handler = callback;
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}

	/** For tests: the user changes the value; returns what the plugin's callback returned. */
	change(value: T): unknown {
		this.value = value;
		return this.handler?.(value);
	}
}

export class TextComponent extends ValueComponent<string> {
	placeholder = "";
	readonly inputEl: FakeElement;

	constructor(containerEl: FakeElement, tag = "input") {
		super("");
		this.inputEl = containerEl.createEl(tag);
	}

	setPlaceholder(placeholder: string): this {
		this.placeholder = placeholder;
		return this;
	}
}

export class TextAreaComponent extends TextComponent {
	constructor(containerEl: FakeElement) {
		super(containerEl, "textarea");
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	tooltip = "";

	constructor() {
		super(false);
	}

	setTooltip(tooltip: string): this {
		this.tooltip = tooltip;
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> {
	readonly options = new Map<string, string>();

	constructor() {
		super("");
	}

	addOption(value: string, display: string): this {
		this.options.set(value, display);
		return this;
	}

	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}
}

export class ButtonComponent {
	text = "";
	cta = false;
	warning = false;
	disabled = false;
	readonly buttonEl: FakeElement;
	private handler: (() => unknown) | null = null;

	constructor(containerEl: FakeElement) {
		this.buttonEl = containerEl.createEl("button");
	}

	setButtonText(text: string): this {
		this.text = text;
		this.buttonEl.setText(text);
		return this;
	}

	setCta(): this {
		this.cta = true;
		return this;
	}

	setWarning(): this {
		this.warning = true;
		return this;
	}

	setIcon(icon: string): this {
		this.buttonEl.setAttr("data-icon", icon);
		return this;
	}

	setTooltip(tooltip: string): this {
		this.buttonEl.setAttr("aria-label", tooltip);
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}

	onClick(callback: () => unknown): this {
		this.handler = callback;
		return this;
	}

	/** For tests: the user clicks the button. */
	click(): unknown {
		return this.disabled ? undefined : this.handler?.();
	}
}

/** The keychain picker (Obsidian 1.11.4+): its value is the NAME of a secret in app.secretStorage, never the secret. */
export class SecretComponent extends ValueComponent<string> {
	readonly containerEl: FakeElement;

	constructor(
		readonly app: RealApp,
		containerEl: FakeElement,
	) {
		super("");
		this.containerEl = containerEl.createDiv({ cls: "secret-component" });
	}
}

export type FakeControl = TextComponent | ToggleComponent | DropdownComponent | ButtonComponent | SecretComponent;

/** The real Setting's chainable methods return `this`, which a Pick of them cannot express for another class. */
export class Setting {
	name = "";
	desc = "";
	heading = false;
	disabled = false;
	readonly components: FakeControl[] = [];
	readonly settingEl: FakeElement;
	readonly nameEl: FakeElement;
	readonly descEl: FakeElement;
	readonly controlEl: FakeElement;

	constructor(containerEl: FakeElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.settingEl.setting = this;
		const info = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = info.createDiv({ cls: "setting-item-name" });
		this.descEl = info.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
	}

	setName(name: string): this {
		this.name = name;
		this.nameEl.setText(name);
		return this;
	}

	setDesc(desc: string): this {
		this.desc = desc;
		this.descEl.setText(desc);
		return this;
	}

	setHeading(): this {
		this.heading = true;
		this.settingEl.addClass("setting-item-heading");
		return this;
	}

	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}

	setTooltip(tooltip: string): this {
		this.settingEl.setAttr("aria-label", tooltip);
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}

	addText(cb: (component: TextComponent) => unknown): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}

	addTextArea(cb: (component: TextAreaComponent) => unknown): this {
		return this.add(new TextAreaComponent(this.controlEl), cb);
	}

	addToggle(cb: (component: ToggleComponent) => unknown): this {
		return this.add(new ToggleComponent(), cb);
	}

	addDropdown(cb: (component: DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(), cb);
	}

	addButton(cb: (component: ButtonComponent) => unknown): this {
		return this.add(new ButtonComponent(this.controlEl), cb);
	}

	addComponent<C extends FakeControl>(cb: (el: FakeElement) => C): this {
		this.components.push(cb(this.controlEl));
		return this;
	}

	/** For tests: the one control of this row, of the expected kind. */
	control<C extends FakeControl>(kind: abstract new (...args: never[]) => C): C {
		const found = this.components.find((c): c is C => c instanceof kind);
		if (!found) throw new Error(`Setting "${this.name}" has no ${kind.name}`);
		return found;
	}

	/** For tests: the button of this row whose text is `text`. */
	button(text: string): ButtonComponent {
		const found = this.components.find((c): c is ButtonComponent => c instanceof ButtonComponent && c.text === text);
		if (!found) throw new Error(`Setting "${this.name}" has no button "${text}"`);
		return found;
	}

	private add<C extends FakeControl>(component: C, cb: (component: C) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}
}

type SettingTabPart = Pick<RealSettingTab, "getSettingDefinitions" | "update" | "display" | "hide">;

export class SettingTab implements SettingTabPart {
	readonly containerEl = new FakeElement();
	settingItems: SettingDefinitionItem[] = [];

	constructor(public app: RealApp) {}

	getSettingDefinitions(): SettingDefinitionItem[] {
		return [];
	}

	update(): void {
		this.settingItems = this.getSettingDefinitions();
	}

	display(): void {}

	hide(): void {
		this.containerEl.empty();
	}
}

export class PluginSettingTab extends SettingTab {
	constructor(
		app: RealApp,
		readonly plugin: RealPlugin,
	) {
		super(app);
	}
}

/** For tests: the settings drawn in `container`, in order (headings included). */
export function settingsIn(container: FakeElement): Setting[] {
	return container.descendants().flatMap((el) => (el.setting instanceof Setting ? [el.setting] : []));
}

export function findSetting(container: FakeElement, name: string): Setting {
	const found = settingsIn(container).find((s) => s.name === name);
	if (!found) throw new Error(`No setting named "${name}" among: ${settingsIn(container).map((s) => s.name).join(", ")}`);
	return found;
}
