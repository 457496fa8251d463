// A fake Obsidian Vault over a real folder on disk: the tree, the file API, the events, and write counters for tests.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { DataWriteOptions, Vault as RealVault } from "../../../node_modules/obsidian/obsidian";
import { FileSystemAdapter, toArrayBuffer, writeToDisk } from "./vault-adapter";
import { Events } from "./vault-events";
import { FileManager } from "./vault-file-manager";
import { isHiddenPath, parentPath, TAbstractFile, TFile, TFolder } from "./vault-files";
import { MetadataCache } from "./vault-metadata-cache";
import { FileTree, type TreeEventName } from "./vault-tree";

export { FileSystemAdapter } from "./vault-adapter";
export { Events } from "./vault-events";
export { FileManager } from "./vault-file-manager";
export { TAbstractFile, TFile, TFolder } from "./vault-files";
export { MetadataCache } from "./vault-metadata-cache";
export { normalizePath, parseYaml, stringifyYaml } from "./vault-yaml";

export interface VaultEvent {
	name: TreeEventName;
	path: string;
	oldPath?: string;
}

type VaultPart = Pick<
	RealVault,
	| "adapter" | "configDir" | "getName" | "getFileByPath" | "getFolderByPath" | "getAbstractFileByPath" | "getRoot"
	| "getFiles" | "getMarkdownFiles" | "getAllLoadedFiles" | "read" | "cachedRead" | "readBinary" | "create"
	| "createBinary" | "createFolder" | "modify" | "modifyBinary" | "process" | "rename" | "delete" | "trash" | "on"
>;

export class Vault extends Events implements VaultPart {
	readonly configDir = ".obsidian";
	readonly adapter: FileSystemAdapter;
	/** Every event fired, in order, for tests that assert what happened (or that nothing did). */
	readonly eventLog: VaultEvent[] = [];
	/** Calls of getFiles/getMarkdownFiles/getAllLoadedFiles: the adapters must never walk the whole vault. */
	wholeVaultListings = 0;
	private readonly writeCounts = new Map<string, number>();
	private readonly tree: FileTree;

	constructor(readonly basePath: string) {
		super();
		// The one cast of the fake: its files point back at this object, which covers only part of the real Vault.
		const self = this as unknown as RealVault;
		this.tree = new FileTree(basePath, self, (name, file, oldPath) => this.fire(name, file, oldPath));
		this.adapter = new FileSystemAdapter(basePath, {
			countWrite: (path) => this.countWrite(path),
			reconcile: (path) => this.tree.reconcile(path),
		});
	}

	getName(): string {
		return nodePath.basename(this.basePath);
	}

	getRoot(): TFolder {
		return this.tree.root;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.tree.get(path);
	}

	getFileByPath(path: string): TFile | null {
		const node = this.tree.get(path);
		return node instanceof TFile ? node : null;
	}

	getFolderByPath(path: string): TFolder | null {
		const node = this.tree.get(path);
		return node instanceof TFolder ? node : null;
	}

	getAllLoadedFiles(): TAbstractFile[] {
		this.wholeVaultListings++;
		return [this.tree.root, ...this.tree.all()];
	}

	getFiles(): TFile[] {
		this.wholeVaultListings++;
		return this.tree.all().filter((node): node is TFile => node instanceof TFile);
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((file) => file.extension === "md");
	}

	/** Every Markdown file, without counting as a listing: for the fake's own FileManager. */
	markdownFilesInternal(): TFile[] {
		return this.tree.all().filter((node): node is TFile => node instanceof TFile && node.extension === "md");
	}

	async read(file: TFile): Promise<string> {
		return fs.readFileSync(this.fullOf(file), "utf8");
	}

	async cachedRead(file: TFile): Promise<string> {
		return this.read(file);
	}

	async readBinary(file: TFile): Promise<ArrayBuffer> {
		return toArrayBuffer(fs.readFileSync(this.fullOf(file)));
	}

	async create(path: string, data: string, options?: DataWriteOptions): Promise<TFile> {
		return this.createFile(path, data, options);
	}

	async createBinary(path: string, data: ArrayBuffer, options?: DataWriteOptions): Promise<TFile> {
		return this.createFile(path, new Uint8Array(data), options);
	}

	async createFolder(path: string): Promise<TFolder> {
		if (this.tree.get(path)) throw new Error("Folder already exists.");
		fs.mkdirSync(this.tree.full(path), { recursive: true });
		return this.tree.add(path) as TFolder;
	}

	/** Writes even when `data` equals the current text, and fires `modify`, as Obsidian does. */
	async modify(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
		this.writeFile(file, data, options);
	}

	async modifyBinary(file: TFile, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
		this.writeFile(file, new Uint8Array(data), options);
	}

	/** Always writes the callback's result, changed or not, as Obsidian does. */
	async process(file: TFile, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
		const text = fn(await this.read(file));
		this.writeFile(file, text, options);
		return text;
	}

	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		const from = this.fullOf(file);
		if (newPath === file.path) return;
		if (this.tree.get(newPath) || fs.existsSync(this.tree.full(newPath))) throw new Error("Destination file already exists!");
		if (!(this.tree.get(parentPath(newPath)) instanceof TFolder)) {
			throw new Error(`ENOENT: no folder "${parentPath(newPath)}" for "${newPath}"`);
		}
		fs.renameSync(from, this.tree.full(newPath));
		this.tree.move(file, newPath);
	}

	async delete(file: TAbstractFile): Promise<void> {
		fs.rmSync(this.fullOf(file), { recursive: true });
		this.tree.remove(file);
	}

	async trash(file: TAbstractFile): Promise<void> {
		const trash = this.tree.full(".trash");
		fs.mkdirSync(trash, { recursive: true });
		fs.renameSync(this.fullOf(file), nodePath.join(trash, `${Date.now()} ${file.name}`));
		this.tree.remove(file);
	}

	// ——— For tests ———

	/** Disk writes to `path` (vault API and adapter) since the vault was opened or the counters reset. */
	writesTo(path: string): number {
		return this.writeCounts.get(path) ?? 0;
	}

	totalWrites(): number {
		return [...this.writeCounts.values()].reduce((a, b) => a + b, 0);
	}

	resetCounters(): void {
		this.writeCounts.clear();
		this.eventLog.length = 0;
		this.wholeVaultListings = 0;
	}

	/** Another app changed the folder: pick the changes up and fire create/modify/delete, like Obsidian's watcher. */
	syncFromDisk(): void {
		this.tree.sync();
	}

	/** A file written to disk by another app has been noticed: add it and fire `create`. */
	emitCreate(path: string): TAbstractFile {
		const existing = this.tree.get(path);
		if (existing) {
			this.fire("create", existing);
			return existing;
		}
		return this.tree.add(path);
	}

	private createFile(path: string, data: string | Uint8Array, options?: DataWriteOptions): TFile {
		if (this.tree.get(path) || fs.existsSync(this.tree.full(path))) throw new Error("File already exists.");
		if (isHiddenPath(path)) throw new Error(`The fake vault keeps no hidden files in its tree: "${path}"`);
		if (!(this.tree.get(parentPath(path)) instanceof TFolder)) {
			throw new Error(`ENOENT: no folder "${parentPath(path)}" for "${path}"`);
		}
		writeToDisk(this.tree.full(path), data, options);
		this.countWrite(path);
		return this.tree.add(path) as TFile;
	}

	private writeFile(file: TFile, data: string | Uint8Array, options?: DataWriteOptions): void {
		writeToDisk(this.fullOf(file), data, options);
		this.countWrite(file.path);
		this.tree.modified(file);
	}

	private fullOf(file: TAbstractFile): string {
		if (this.tree.get(file.path) !== file) throw new Error(`ENOENT: "${file.path}" is not in the vault`);
		return this.tree.full(file.path);
	}

	private countWrite(path: string): void {
		this.writeCounts.set(path, this.writesTo(path) + 1);
	}

	private fire(name: TreeEventName, file: TAbstractFile, oldPath?: string): void {
		this.eventLog.push(oldPath === undefined ? { name, path: file.path } : { name, path: file.path, oldPath });
		this.trigger(name, file, oldPath);
	}
}

export interface FakeVaultHost {
	vault: Vault;
	fileManager: FileManager;
	metadataCache: MetadataCache;
}

/** The vault-side of a fake App over the folder `basePath` (which must exist). */
export function createFakeVault(basePath: string): FakeVaultHost {
	const vault = new Vault(basePath);
	return { vault, fileManager: new FileManager(vault), metadataCache: new MetadataCache(vault) };
}

