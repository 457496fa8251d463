/** FileStore over the Obsidian vault: listings from Obsidian's in-memory tree, bytes through the Vault API or, on desktop, Node. */
import { normalizePath, type TFile, type Vault } from "obsidian";
import { describeError, PhotoArchivistError } from "../../core/model/errors";
import type { ByteRange, FileEntry, FileStore } from "../../core/ports/file-store";
import { loadDesktopFs, type DesktopFs } from "./desktop-fs";
import { filesUnder } from "./vault-folders";
import { WholeFileCache } from "./whole-file-cache";

export interface VaultFileStoreDeps {
	vault: Pick<Vault, "getFileByPath" | "getFolderByPath" | "readBinary" | "adapter">;
	/**
	 * The desktop fast path. Left out: loaded on first use when the platform has it. Null: never used (mobile
	 * behaviour, or tests of the fallback).
	 */
	desktop?: DesktopFs | null;
}

export class VaultFileStore implements FileStore {
	private readonly vault: VaultFileStoreDeps["vault"];
	private desktop: Promise<DesktopFs | null> | undefined;
	private readonly wholeFiles = new WholeFileCache();

	constructor(deps: VaultFileStoreDeps) {
		this.vault = deps.vault;
		this.desktop = deps.desktop === undefined ? undefined : Promise.resolve(deps.desktop);
	}

	/** In memory from TFile.stat, no disk access: a rescan of a large unchanged library costs almost nothing. */
	async list(folder: string): Promise<FileEntry[]> {
		return filesUnder(this.vault, folder).map(entryOf);
	}

	async stat(path: string): Promise<FileEntry | null> {
		const file = this.vault.getFileByPath(normalizePath(path));
		return file === null ? null : entryOf(file);
	}

	async read(path: string, range?: ByteRange): Promise<Uint8Array> {
		const file = this.fileAt(path);
		if (range !== undefined) checkRange(path, range);
		return this.guard(path, async () => {
			const desktop = range === undefined ? null : await this.desktopFs();
			if (desktop !== null && range !== undefined) return desktop.readRange(file.path, range);
			// No ranged read in the Vault API: read it all and slice. The cache spares a second whole read
			// when the metadata reader asks for several ranges and then the hash of the same file.
			const bytes = await this.wholeFiles.read(file, (f) => this.vault.readBinary(f));
			return range === undefined ? bytes.slice() : bytes.slice(range.start, range.end);
		});
	}

	async sha256(path: string): Promise<string> {
		const file = this.fileAt(path);
		return this.guard(path, async () => {
			const desktop = await this.desktopFs();
			if (desktop !== null) return desktop.sha256(file.path);
			const bytes = await this.wholeFiles.read(file, (f) => this.vault.readBinary(f));
			return toHex(await crypto.subtle.digest("SHA-256", bytes));
		});
	}

	/** Desktop: ranged reads of a few MB at a time, so an upload of any size holds one chunk. Mobile: the whole file, once. */
	async *stream(path: string, start = 0): AsyncIterable<Uint8Array> {
		const file = this.fileAt(path);
		if ((await this.desktopFs()) === null) {
			yield (await this.read(path)).subarray(start);
			return;
		}
		for (let offset = start; offset < file.stat.size; offset += STREAM_CHUNK) {
			yield await this.read(path, { start: offset, end: Math.min(offset + STREAM_CHUNK, file.stat.size) });
		}
	}

	private desktopFs(): Promise<DesktopFs | null> {
		this.desktop ??= loadDesktopFs(this.vault.adapter);
		return this.desktop;
	}

	private fileAt(path: string): TFile {
		const file = this.vault.getFileByPath(normalizePath(path));
		if (file === null) throw new PhotoArchivistError("io", `Cannot read "${path}": no such file in the vault`);
		return file;
	}

	private async guard<T>(path: string, work: () => Promise<T>): Promise<T> {
		try {
			return await work();
		} catch (error) {
			if (error instanceof PhotoArchivistError) throw error;
			throw new PhotoArchivistError("io", `Cannot read "${path}": ${describeError(error)}`, { cause: error });
		}
	}
}

const STREAM_CHUNK = 4 * 1024 * 1024;

function entryOf(file: TFile): FileEntry {
	return { path: file.path, size: file.stat.size, mtimeMs: Math.floor(file.stat.mtime) };
}

function checkRange(path: string, range: ByteRange): void {
	const valid = Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && range.start >= 0 && range.end >= range.start;
	if (!valid) throw new PhotoArchivistError("io", `Cannot read "${path}": bad byte range ${range.start}–${range.end}`);
}

function toHex(digest: ArrayBuffer): string {
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
