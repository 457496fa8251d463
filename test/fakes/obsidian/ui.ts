// The fake's UI half: Component/Plugin lifecycle, commands, status bar, Notice, Modal, and the App assembly.
// Typed against the real API; state that tests inspect is public.
import type {
	App as RealApp,
	Command,
	Component as RealComponent,
	EventRef,
	Notice as RealNotice,
	ObsidianProtocolData,
	ObsidianProtocolHandler,
	Plugin as RealPlugin,
	PluginManifest,
} from "../../../node_modules/obsidian/obsidian";
import { createFakeVault, normalizePath, type FakeVaultHost } from "./vault";
import { FakeElement } from "./ui-element";
import type { PluginSettingTab } from "./ui-settings";
import { SecretStorage, Workspace } from "./ui-workspace";

export { FakeElement } from "./ui-element";
export { debounce, Platform, requireApiVersion, setApiVersion, setPlatform } from "./ui-platform";
export { httpRequestUrl, requestUrl, setRequestUrl, type RecordedRequest, type RequestUrlHandler } from "./ui-request";
export * from "./ui-settings";
export { SecretStorage, Workspace, WorkspaceLeaf } from "./ui-workspace";
import type { WorkspaceLeaf as FakeLeaf } from "./ui-workspace";

interface Emitter {
	offref(ref: EventRef): void;
}

/** Every event source of the fake apps: an EventRef does not say where it came from. */
const emitters = new Set<Emitter>();

type ComponentPart = Pick<RealComponent, "load" | "onload" | "unload" | "onunload" | "register" | "registerEvent" | "registerInterval">;

export class Component implements ComponentPart {
	loaded = false;
	private cleanups: (() => unknown)[] = [];
	private readonly children: Component[] = [];

	load(): void {
		if (this.loaded) return;
		this.loaded = true;
		void this.onload();
		for (const child of this.children) child.load();
	}

	onload(): void | Promise<void> {}

	/** Runs every registered cleanup, latest first, then onunload(), as Obsidian does. */
	unload(): void {
		if (!this.loaded) return;
		this.loaded = false;
		for (const child of this.children.splice(0)) child.unload();
		for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(child: T): T {
		this.children.push(child);
		if (this.loaded) child.load();
		return child;
	}

	register(cleanup: () => unknown): void {
		this.cleanups.push(cleanup);
	}

	registerEvent(ref: EventRef): void {
		this.register(() => {
			for (const emitter of emitters) emitter.offref(ref);
		});
	}

	registerDomEvent(el: FakeElement, type: string, callback: () => unknown): void {
		el.addEventListener(type, callback);
		this.register(() => el.removeEventListener(type, callback));
	}

	registerInterval(id: number): number {
		this.register(() => clearInterval(id));
		return id;
	}

	/** Cleanups still registered: zero after unload. */
	get registeredCount(): number {
		return this.cleanups.length;
	}
}

export class Plugin extends Component implements Pick<RealPlugin, "addCommand" | "removeCommand" | "loadData" | "saveData"> {
	/** By the id the plugin gave (Obsidian prefixes it with the plugin id; the fake keeps both). */
	readonly commands = new Map<string, Command>();
	readonly settingTabs: PluginSettingTab[] = [];
	readonly statusBarItems: FakeElement[] = [];
	readonly ribbonIcons: FakeElement[] = [];
	/** obsidian:// handlers by action, removed on unload as Obsidian removes them. */
	readonly protocolHandlers = new Map<string, ObsidianProtocolHandler>();

	constructor(
		public app: RealApp,
		public manifest: PluginManifest,
	) {
		super();
	}

	addCommand(command: Command): Command {
		const full = { ...command, id: `${this.manifest.id}:${command.id}` };
		this.commands.set(command.id, full);
		this.register(() => this.commands.delete(command.id));
		return full;
	}

	removeCommand(commandId: string): void {
		this.commands.delete(commandId);
	}

	addSettingTab(tab: PluginSettingTab): void {
		this.settingTabs.push(tab);
		tab.update();
		this.register(() => this.settingTabs.splice(this.settingTabs.indexOf(tab), 1));
	}

	addStatusBarItem(): FakeElement {
		const item = statusBar.createDiv({ cls: "status-bar-item" });
		this.statusBarItems.push(item);
		this.register(() => {
			item.remove();
			this.statusBarItems.splice(this.statusBarItems.indexOf(item), 1);
		});
		return item;
	}

	/** Like Obsidian, the plugin's views are closed when it unloads. */
	registerView(type: string, creator: (leaf: FakeLeaf) => ItemView): void {
		const workspace = (this.app as unknown as FakeApp).workspace;
		workspace.viewCreators.set(type, creator);
		this.register(() => {
			workspace.viewCreators.delete(type);
			for (const leaf of workspace.getLeavesOfType(type)) void leaf.detach();
		});
	}

	addRibbonIcon(icon: string, title: string, callback: () => unknown): FakeElement {
		const item = new FakeElement("div");
		item.setAttr("aria-label", title);
		item.onClickEvent(callback);
		this.ribbonIcons.push(item);
		this.register(() => this.ribbonIcons.splice(this.ribbonIcons.indexOf(item), 1));
		return item;
	}

	registerObsidianProtocolHandler(action: string, handler: ObsidianProtocolHandler): void {
		this.protocolHandlers.set(action, handler);
		this.register(() => this.protocolHandlers.delete(action));
	}

	/** For tests: the user opens an obsidian:// URL (a link clicked in a note); false when no handler took it. */
	openObsidianUrl(url: string): boolean {
		const parsed = new URL(url);
		if (parsed.protocol !== "obsidian:") throw new Error(`not an obsidian:// URL: ${url}`);
		const action = parsed.host || parsed.pathname.replace(/^\/+/, "");
		const handler = this.protocolHandlers.get(action);
		if (!handler) return false;
		const params: ObsidianProtocolData = { action };
		for (const [key, value] of parsed.searchParams) params[key] = value;
		void handler(params);
		return true;
	}

	async loadData(): Promise<unknown> {
		const path = this.dataPath();
		if (!(await this.app.vault.adapter.exists(path))) return null;
		return JSON.parse(await this.app.vault.adapter.read(path)) as unknown;
	}

	async saveData(data: unknown): Promise<void> {
		await this.app.vault.adapter.write(this.dataPath(), JSON.stringify(data, null, "\t"));
	}

	/** `<configDir>/plugins/<id>/data.json`, or the manifest's folder when Obsidian set it. */
	dataPath(): string {
		return normalizePath(`${this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`}/data.json`);
	}

	/** For tests: runs a command as the palette would; false when its checkCallback says it does not apply. */
	runCommand(id: string): boolean {
		const command = this.commands.get(id);
		if (!command) throw new Error(`No command "${id}" (have: ${[...this.commands.keys()].join(", ")})`);
		if (command.checkCallback) {
			if (command.checkCallback(true) !== true) return false;
			command.checkCallback(false);
			return true;
		}
		void command.callback?.();
		return true;
	}

	/** For tests: whether the command palette would list the command now. */
	isAvailable(id: string): boolean {
		const command = this.commands.get(id);
		if (!command) return false;
		return command.checkCallback ? command.checkCallback(true) === true : true;
	}
}

/** The status bar every plugin's items go in. */
export const statusBar = new FakeElement("div");

export class Notice implements Pick<RealNotice, "hide"> {
	/** Every Notice shown, oldest first (cleared by `clearNotices`). */
	static readonly shown: Notice[] = [];
	hidden = false;
	/** Each message the Notice has shown, the first one included. */
	readonly messages: string[];
	readonly noticeEl = new FakeElement("div");
	readonly containerEl = new FakeElement("div");
	/** The element a click on the Notice lands on. */
	readonly messageEl = this.containerEl.createDiv({ cls: "notice-message" });

	constructor(
		message: string,
		readonly duration?: number,
	) {
		this.messages = [message];
		this.noticeEl.setText(message);
		this.messageEl.setText(message);
		Notice.shown.push(this);
	}

	get message(): string {
		return this.messages[this.messages.length - 1] ?? "";
	}

	setMessage(message: string): this {
		this.messages.push(message);
		this.noticeEl.setText(message);
		this.messageEl.setText(message);
		return this;
	}

	hide(): void {
		this.hidden = true;
	}
}

export function clearNotices(): void {
	Notice.shown.length = 0;
}

/** A view in a leaf: opened by setViewState, closed by detach or the plugin's unload. */
export abstract class ItemView extends Component {
	readonly containerEl = new FakeElement("div");
	readonly contentEl = this.containerEl.createDiv({ cls: "view-content" });
	icon = "";
	navigation = false;

	constructor(public leaf: FakeLeaf) {
		super();
	}

	abstract getViewType(): string;
	abstract getDisplayText(): string;

	getIcon(): string {
		return this.icon;
	}

	async open(): Promise<void> {
		this.load();
		await this.onOpen();
	}

	async close(): Promise<void> {
		await this.onClose();
		this.unload();
	}

	protected onOpen(): Promise<void> {
		return Promise.resolve();
	}

	protected onClose(): Promise<void> {
		return Promise.resolve();
	}
}

export class Modal {
	/** Modals open now. */
	static readonly open: Modal[] = [];
	readonly containerEl = new FakeElement("div");
	readonly modalEl = this.containerEl.createDiv({ cls: "modal" });
	readonly titleEl = this.modalEl.createDiv({ cls: "modal-title" });
	readonly contentEl = this.modalEl.createDiv({ cls: "modal-content" });

	constructor(public app: RealApp) {}

	open(): void {
		Modal.open.push(this);
		void this.onOpen();
	}

	close(): void {
		Modal.open.splice(Modal.open.indexOf(this), 1);
		this.onClose();
	}

	onOpen(): void | Promise<void> {}

	onClose(): void {}
}

export interface FakeApp extends FakeVaultHost {
	workspace: Workspace;
	secretStorage: SecretStorage;
}

/** An App over the folder `vaultRoot` (which must exist). */
export function createFakeApp(vaultRoot: string): FakeApp {
	const app: FakeApp = { ...createFakeVault(vaultRoot), workspace: new Workspace(), secretStorage: new SecretStorage() };
	for (const emitter of [app.vault, app.metadataCache, app.workspace, app.secretStorage]) emitters.add(emitter);
	return app;
}

/** The one cast between the fake and the real API: plugin code takes a real App. */
export function asRealApp(app: FakeApp): RealApp {
	return app as unknown as RealApp;
}

/** The fake behind a plugin built on the (aliased) Plugin class, for what only the fake records. */
export function fakeOf(plugin: RealPlugin): Plugin {
	if (!(plugin instanceof Plugin)) throw new Error("Not built on the fake Plugin: is the obsidian alias set?");
	return plugin;
}
