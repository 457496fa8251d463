// The fake's file tree nodes (TAbstractFile, TFile, TFolder), structurally the real classes.
import type {
	FileStats,
	TAbstractFile as RealTAbstractFile,
	TFile as RealTFile,
	TFolder as RealTFolder,
	Vault as RealVault,
} from "../../../node_modules/obsidian/obsidian";

export abstract class TAbstractFile implements RealTAbstractFile {
	parent: TFolder | null = null;
	name = "";

	constructor(
		readonly vault: RealVault,
		public path: string,
	) {
		this.setPath(path);
	}

	/** Moves the node: path and name change, the object stays the same (as in Obsidian). */
	setPath(path: string): void {
		this.path = path;
		this.name = path === "/" ? "" : path.slice(path.lastIndexOf("/") + 1);
	}
}

export class TFile extends TAbstractFile implements RealTFile {
	basename = "";
	extension = "";

	constructor(
		vault: RealVault,
		path: string,
		public stat: FileStats,
	) {
		super(vault, path);
		this.setPath(path);
	}

	override setPath(path: string): void {
		super.setPath(path);
		const dot = this.name.lastIndexOf(".");
		this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
		this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
	}
}

export class TFolder extends TAbstractFile implements RealTFolder {
	children: TAbstractFile[] = [];

	isRoot(): boolean {
		return this.path === "/";
	}
}

/** Parent path in Obsidian's form: "/" for a top-level entry. */
export function parentPath(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash <= 0 ? "/" : path.slice(0, slash);
}

/** Obsidian leaves out of its tree every entry whose name (or a folder's on the way) starts with ".". */
export function isHiddenPath(path: string): boolean {
	return path.split("/").some((segment) => segment.startsWith("."));
}
