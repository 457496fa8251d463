/**
 * Restored originals into the vault: on desktop through the file system (streamed through a temporary file
 * and a rename that never replaces, so a video costs little memory); elsewhere through the Vault API, which
 * takes a whole file at once (a phone restores what it could back up, files its memory can hold).
 */
import { FileSystemAdapter, normalizePath, type Vault } from "obsidian";
import { FileExistsError, type FileWriter } from "../../core/ports/file-writer";
import type { LocalFs } from "../../core/ports/local-fs";
import { localFolderDestination } from "../../core/restore/local-folder";

async function collect(body: AsyncIterable<Uint8Array>): Promise<ArrayBuffer> {
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of body) {
		chunks.push(chunk);
		size += chunk.length;
	}
	const bytes = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.length;
	}
	return bytes.buffer;
}

async function createParents(vault: Vault, path: string): Promise<void> {
	const parts = path.split("/").slice(0, -1);
	for (let i = 1; i <= parts.length; i++) {
		const folder = parts.slice(0, i).join("/");
		if (vault.getAbstractFileByPath(folder) === null) await vault.createFolder(folder);
	}
}

export function obsidianVaultWriter(vault: Vault, localFs: (() => Promise<LocalFs | null>) | null): FileWriter {
	let desktop: Promise<FileWriter | null> | null = null;
	const fileSystem = (): Promise<FileWriter | null> => {
		desktop ??= (async () => {
			const adapter = vault.adapter;
			if (localFs === null || !(adapter instanceof FileSystemAdapter)) return null;
			const fs = await localFs();
			return fs === null ? null : localFolderDestination(fs, adapter.getBasePath()).writer;
		})();
		return desktop;
	};
	return {
		async writeNew(path, body) {
			const streamed = await fileSystem();
			if (streamed !== null) return streamed.writeNew(path, body);
			const target = normalizePath(path);
			if (vault.getAbstractFileByPath(target) !== null) throw new FileExistsError(path);
			// Every byte is checked before the file is created: a damaged copy throws here and leaves nothing.
			const bytes = await collect(body);
			await createParents(vault, target);
			if (vault.getAbstractFileByPath(target) !== null) throw new FileExistsError(path);
			await vault.createBinary(target, bytes);
		},
	};
}
