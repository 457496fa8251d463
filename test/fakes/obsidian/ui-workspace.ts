// The fake Workspace (layout readiness held until the test says so, the active file, leaves that open files)
// and the in-memory SecretStorage.
import type {
	SecretStorage as RealSecretStorage,
	TFile as RealTFile,
	Workspace as RealWorkspace,
	WorkspaceLeaf as RealWorkspaceLeaf,
} from "../../../node_modules/obsidian/obsidian";
import { Events } from "./vault";

/** What a leaf holds of a view: the fake ItemView (ui.ts) opens and closes through these. */
export interface LeafView {
	getViewType(): string;
	open(): Promise<void>;
	close(): Promise<void>;
}

export class WorkspaceLeaf implements Pick<RealWorkspaceLeaf, "openFile"> {
	view: LeafView | null = null;

	constructor(private readonly workspace: Workspace) {}

	/** Makes the view registered for `type` and opens it, as Obsidian does (closing the leaf's previous view). */
	async setViewState(state: { type: string; active?: boolean }): Promise<void> {
		const creator = this.workspace.viewCreators.get(state.type);
		if (!creator) throw new Error(`No view registered for "${state.type}"`);
		await this.view?.close();
		this.view = creator(this);
		if (!this.workspace.leaves.includes(this)) this.workspace.leaves.push(this);
		await this.view.open();
	}

	async detach(): Promise<void> {
		const index = this.workspace.leaves.indexOf(this);
		if (index >= 0) this.workspace.leaves.splice(index, 1);
		await this.view?.close();
		this.view = null;
	}

	async openFile(file: RealTFile): Promise<void> {
		this.workspace.opened.push(file.path);
		this.workspace.setActiveFile(file);
	}
}

export class Workspace extends Events implements Pick<RealWorkspace, "layoutReady" | "onLayoutReady" | "getActiveFile"> {
	layoutReady = false;
	/** Paths opened in a leaf (or by a link), in order. */
	readonly opened: string[] = [];
	/** Leaves holding a view, and the creators plugins registered by view type. */
	readonly leaves: WorkspaceLeaf[] = [];
	readonly viewCreators = new Map<string, (leaf: WorkspaceLeaf) => LeafView>();
	/** Leaves revealed, in order. */
	readonly revealed: WorkspaceLeaf[] = [];
	private readonly waiting: (() => unknown)[] = [];
	private activeFile: RealTFile | null = null;

	/** Like Obsidian: queued until the layout is ready, run at once afterwards. */
	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.waiting.push(callback);
	}

	/** For tests: Obsidian has finished loading the vault and the layout. */
	triggerLayoutReady(): void {
		this.layoutReady = true;
		for (const callback of this.waiting.splice(0)) callback();
	}

	getActiveFile(): RealTFile | null {
		return this.activeFile;
	}

	/** For tests: the file the user has open. */
	setActiveFile(file: RealTFile | null): void {
		this.activeFile = file;
	}

	getLeaf(): WorkspaceLeaf {
		return new WorkspaceLeaf(this);
	}

	getRightLeaf(): WorkspaceLeaf {
		return new WorkspaceLeaf(this);
	}

	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((leaf) => leaf.view?.getViewType() === type);
	}

	revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		this.revealed.push(leaf);
		return Promise.resolve();
	}

	/** Records the link's target as opened (the fake resolves no links). */
	openLinkText(linktext: string): Promise<void> {
		this.opened.push(linktext);
		return Promise.resolve();
	}
}

export class SecretStorage extends Events implements Pick<RealSecretStorage, "setSecret" | "getSecret" | "listSecrets"> {
	private readonly secrets = new Map<string, string>();

	setSecret(id: string, secret: string): void {
		this.secrets.set(id, secret);
	}

	getSecret(id: string): string | null {
		return this.secrets.get(id) ?? null;
	}

	listSecrets(): string[] {
		return [...this.secrets.keys()];
	}
}
