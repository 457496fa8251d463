// The fake's desktop DataAdapter (FileSystemAdapter): direct disk access under the vault root, like Obsidian's.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type {
	DataAdapter,
	DataWriteOptions,
	FileSystemAdapter as RealFileSystemAdapter,
	ListedFiles,
	Stat,
} from "../../../node_modules/obsidian/obsidian";

/** What the adapter tells the vault, standing in for Obsidian's file watcher. */
export interface DiskWatcher {
	countWrite(path: string): void;
	/** The disk changed at `path`: bring the tree in line and fire the events Obsidian would. */
	reconcile(path: string): void;
}

type AdapterPart = DataAdapter &
	Pick<RealFileSystemAdapter, "getBasePath" | "getFullPath" | "getFilePath">;

export class FileSystemAdapter implements AdapterPart {
	constructor(
		private readonly basePath: string,
		private readonly watcher: DiskWatcher,
	) {}

	getName(): string {
		return nodePath.basename(this.basePath);
	}

	getBasePath(): string {
		return this.basePath;
	}

	getFullPath(normalizedPath: string): string {
		return normalizedPath === "/" ? this.basePath : nodePath.join(this.basePath, normalizedPath);
	}

	getFilePath(normalizedPath: string): string {
		return `file://${this.getFullPath(normalizedPath)}`;
	}

	getResourcePath(normalizedPath: string): string {
		return `app://local/${this.getFullPath(normalizedPath)}`;
	}

	async exists(normalizedPath: string): Promise<boolean> {
		return fs.existsSync(this.getFullPath(normalizedPath));
	}

	async stat(normalizedPath: string): Promise<Stat | null> {
		const full = this.getFullPath(normalizedPath);
		if (!fs.existsSync(full)) return null;
		const s = fs.statSync(full);
		return { type: s.isDirectory() ? "folder" : "file", ctime: s.birthtimeMs || s.ctimeMs, mtime: s.mtimeMs, size: s.size };
	}

	async list(normalizedPath: string): Promise<ListedFiles> {
		const prefix = normalizedPath === "/" || normalizedPath === "" ? "" : `${normalizedPath}/`;
		const result: ListedFiles = { files: [], folders: [] };
		for (const entry of fs.readdirSync(this.getFullPath(normalizedPath), { withFileTypes: true })) {
			(entry.isDirectory() ? result.folders : result.files).push(prefix + entry.name);
		}
		return result;
	}

	async read(normalizedPath: string): Promise<string> {
		return fs.readFileSync(this.getFullPath(normalizedPath), "utf8");
	}

	async readBinary(normalizedPath: string): Promise<ArrayBuffer> {
		return toArrayBuffer(fs.readFileSync(this.getFullPath(normalizedPath)));
	}

	async write(normalizedPath: string, data: string, options?: DataWriteOptions): Promise<void> {
		this.writeFile(normalizedPath, data, options);
	}

	async writeBinary(normalizedPath: string, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
		this.writeFile(normalizedPath, new Uint8Array(data), options);
	}

	async append(normalizedPath: string, data: string, options?: DataWriteOptions): Promise<void> {
		this.writeFile(normalizedPath, (await this.read(normalizedPath)) + data, options);
	}

	async appendBinary(normalizedPath: string, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
		const old = fs.readFileSync(this.getFullPath(normalizedPath));
		this.writeFile(normalizedPath, Buffer.concat([old, new Uint8Array(data)]), options);
	}

	async process(normalizedPath: string, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
		const text = fn(await this.read(normalizedPath));
		this.writeFile(normalizedPath, text, options);
		return text;
	}

	async mkdir(normalizedPath: string): Promise<void> {
		fs.mkdirSync(this.getFullPath(normalizedPath), { recursive: true });
		this.watcher.reconcile(normalizedPath);
	}

	async trashSystem(): Promise<boolean> {
		// The fake has no system trash; Obsidian then falls back to the vault's .trash folder.
		return false;
	}

	async trashLocal(normalizedPath: string): Promise<void> {
		const trash = nodePath.join(this.basePath, ".trash");
		fs.mkdirSync(trash, { recursive: true });
		fs.renameSync(this.getFullPath(normalizedPath), uniqueIn(trash, nodePath.basename(normalizedPath)));
		this.watcher.reconcile(normalizedPath);
	}

	async rmdir(normalizedPath: string, recursive: boolean): Promise<void> {
		fs.rmSync(this.getFullPath(normalizedPath), { recursive });
		this.watcher.reconcile(normalizedPath);
	}

	async remove(normalizedPath: string): Promise<void> {
		fs.unlinkSync(this.getFullPath(normalizedPath));
		this.watcher.reconcile(normalizedPath);
	}

	async rename(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		if (fs.existsSync(this.getFullPath(normalizedNewPath))) throw new Error("Destination file already exists!");
		fs.renameSync(this.getFullPath(normalizedPath), this.getFullPath(normalizedNewPath));
		this.watcher.reconcile(normalizedPath);
		this.watcher.reconcile(normalizedNewPath);
	}

	async copy(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		fs.copyFileSync(this.getFullPath(normalizedPath), this.getFullPath(normalizedNewPath), fs.constants.COPYFILE_EXCL);
		this.watcher.countWrite(normalizedNewPath);
		this.watcher.reconcile(normalizedNewPath);
	}

	private writeFile(normalizedPath: string, data: string | Uint8Array, options?: DataWriteOptions): void {
		writeToDisk(this.getFullPath(normalizedPath), data, options);
		this.watcher.countWrite(normalizedPath);
		this.watcher.reconcile(normalizedPath);
	}
}

/** One disk write; the parent folder must exist (no silent mkdir), as a strict stand-in for Obsidian. */
export function writeToDisk(full: string, data: string | Uint8Array, options?: DataWriteOptions): void {
	fs.writeFileSync(full, data);
	if (options?.mtime !== undefined) {
		const mtime = new Date(options.mtime);
		fs.utimesSync(full, mtime, mtime);
	}
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
	const copy = new ArrayBuffer(bytes.byteLength);
	new Uint8Array(copy).set(bytes);
	return copy;
}

function uniqueIn(folder: string, name: string): string {
	let candidate = nodePath.join(folder, name);
	for (let n = 1; fs.existsSync(candidate); n++) candidate = nodePath.join(folder, `${name} ${n}`);
	return candidate;
}
