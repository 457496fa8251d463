// The fake vault's in-memory tree, kept in line with the real folder on disk; fires the vault events.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { FileStats, Vault as RealVault } from "../../../node_modules/obsidian/obsidian";
import { isHiddenPath, parentPath, TAbstractFile, TFile, TFolder } from "./vault-files";

export type TreeEventName = "create" | "modify" | "delete" | "rename";
export type Emit = (name: TreeEventName, file: TAbstractFile, oldPath?: string) => void;

export class FileTree {
	readonly root: TFolder;
	private readonly nodes = new Map<string, TAbstractFile>();

	constructor(
		private readonly basePath: string,
		private readonly vault: RealVault,
		private readonly emit: Emit,
	) {
		this.root = new TFolder(vault, "/");
		this.nodes.set("/", this.root);
		// Obsidian fires `create` for every file at load; tests register later, so the fake stays quiet here.
		this.addChildren(this.root, false);
	}

	get(path: string): TAbstractFile | null {
		return this.nodes.get(path) ?? null;
	}

	all(): TAbstractFile[] {
		return [...this.nodes.values()].filter((node) => node !== this.root);
	}

	full(path: string): string {
		return path === "/" ? this.basePath : nodePath.join(this.basePath, path);
	}

	/** Adds what is on disk at `path` (and missing parents, and a folder's contents), firing `create` for each. */
	add(path: string, fire = true): TAbstractFile {
		const existing = this.nodes.get(path);
		if (existing) return existing;
		const parent = this.add(parentPath(path), fire);
		if (!(parent instanceof TFolder)) throw new Error(`Not a folder: ${parent.path}`);
		// Adding a new parent folder adds its contents from disk, this path among them.
		const addedWithParent = this.nodes.get(path);
		if (addedWithParent) return addedWithParent;
		const isFolder = fs.statSync(this.full(path)).isDirectory();
		const node = isFolder ? new TFolder(this.vault, path) : new TFile(this.vault, path, this.statOf(path));
		node.parent = parent;
		parent.children.push(node);
		this.nodes.set(path, node);
		if (fire) this.emit("create", node);
		if (node instanceof TFolder) this.addChildren(node, fire);
		return node;
	}

	remove(node: TAbstractFile): void {
		if (node instanceof TFolder) for (const child of [...node.children]) this.remove(child);
		this.detach(node);
		this.nodes.delete(node.path);
		this.emit("delete", node);
	}

	move(node: TAbstractFile, newPath: string): void {
		const parent = this.nodes.get(parentPath(newPath));
		if (!(parent instanceof TFolder)) throw new Error(`ENOENT: no folder "${parentPath(newPath)}" to move into`);
		this.detach(node);
		node.parent = parent;
		parent.children.push(node);
		this.repath(node, newPath);
	}

	/** The file's bytes changed on disk: take its new size and times, fire `modify`. */
	modified(file: TFile): void {
		file.stat = this.statOf(file.path);
		this.emit("modify", file);
	}

	/** Something happened on disk at `path` outside the vault API (adapter write, another app). */
	reconcile(path: string): void {
		if (path === "/" || isHiddenPath(path)) return;
		let node = this.nodes.get(path);
		const onDisk = fs.existsSync(this.full(path));
		if (node && (!onDisk || node instanceof TFolder !== fs.statSync(this.full(path)).isDirectory())) {
			this.remove(node);
			node = undefined;
		}
		if (!onDisk) return;
		if (!node) this.add(path);
		else if (node instanceof TFile) this.modified(node);
	}

	/** Brings the whole tree in line with the disk: create, modify (size or mtime differ), delete. */
	sync(): void {
		for (const node of this.all()) {
			if (this.nodes.has(node.path) && !fs.existsSync(this.full(node.path))) this.remove(node);
		}
		this.syncFolder("/");
	}

	private syncFolder(path: string): void {
		for (const entry of fs.readdirSync(this.full(path), { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const child = path === "/" ? entry.name : `${path}/${entry.name}`;
			const node = this.nodes.get(child);
			if (!node || node instanceof TFolder !== entry.isDirectory()) {
				if (node) this.remove(node);
				this.add(child);
			} else if (node instanceof TFolder) {
				this.syncFolder(child);
			} else if (node instanceof TFile) {
				const stat = this.statOf(child);
				if (stat.size !== node.stat.size || stat.mtime !== node.stat.mtime) this.modified(node);
			}
		}
	}

	private addChildren(folder: TFolder, fire: boolean): void {
		for (const entry of fs.readdirSync(this.full(folder.path), { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			this.add(folder.isRoot() ? entry.name : `${folder.path}/${entry.name}`, fire);
		}
	}

	private repath(node: TAbstractFile, newPath: string): void {
		const oldPath = node.path;
		this.nodes.delete(oldPath);
		node.setPath(newPath);
		this.nodes.set(newPath, node);
		this.emit("rename", node, oldPath);
		if (node instanceof TFolder) for (const child of node.children) this.repath(child, `${newPath}/${child.name}`);
	}

	private detach(node: TAbstractFile): void {
		if (node.parent) node.parent.children = node.parent.children.filter((c) => c !== node);
		node.parent = null;
	}

	private statOf(path: string): FileStats {
		const s = fs.statSync(this.full(path));
		return { ctime: s.birthtimeMs || s.ctimeMs, mtime: s.mtimeMs, size: s.size };
	}
}
