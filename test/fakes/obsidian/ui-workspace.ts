// The fake Workspace (layout readiness held until the test says so, the active file, leaves that open files)
// and the in-memory SecretStorage.
import type {
	SecretStorage as RealSecretStorage,
	TFile as RealTFile,
	Workspace as RealWorkspace,
	WorkspaceLeaf as RealWorkspaceLeaf,
} from "../../../node_modules/obsidian/obsidian";
import { Events } from "./vault";

export class WorkspaceLeaf implements Pick<RealWorkspaceLeaf, "openFile"> {
	constructor(private readonly workspace: Workspace) {}

	async openFile(file: RealTFile): Promise<void> {
		this.workspace.opened.push(file.path);
		this.workspace.setActiveFile(file);
	}
}

export class Workspace extends Events implements Pick<RealWorkspace, "layoutReady" | "onLayoutReady" | "getActiveFile"> {
	layoutReady = false;
	/** Paths opened in a leaf, in order. */
	readonly opened: string[] = [];
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
