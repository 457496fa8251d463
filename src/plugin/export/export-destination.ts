/**
 * Where exported archives go: the vault's export folder (through the Vault API, streamed through the file
 * system on desktop) or a folder on this computer (desktop). The names are the album's, made safe: "Trip.zip",
 * or "Trip (part 1 of 3).zip"… when split, with " (2)", " (3)"… on the whole set when a name is taken: an
 * export never replaces a file.
 */
import { normalizePath, type Vault } from "obsidian";
import { freeArchiveSet } from "../../core/export/archive-set";
import { type ExportDestination, ExportRefusedError } from "../../core/export/export-types";
import type { LocalFs } from "../../core/ports/local-fs";
import { localFolderDestination } from "../../core/restore/local-folder";
import { obsidianVaultWriter } from "../restore/vault-writer";

export interface NamedDestination extends ExportDestination {
	/** Where an archive of this destination is, as the user reads it: its vault path or its absolute path. */
	label(path: string): string;
}

export function vaultArchive(vault: Vault, localFs: (() => Promise<LocalFs | null>) | null, folder: string, title: string): NamedDestination {
	const inFolder = (name: string): string => normalizePath(`${folder}/${name}`);
	return {
		writer: obsidianVaultWriter(vault, localFs),
		// The adapter asks the storage itself: an archive written a moment ago through the file system may not be in the vault's cache yet.
		paths: async (parts) => (await freeArchiveSet(title, parts, (name) => vault.adapter.exists(inFolder(name)))).map(inFolder),
		remove: (path) => vault.adapter.remove(normalizePath(path)),
		label: (path) => path,
	};
}

export function computerArchive(fs: LocalFs, folder: string, title: string): NamedDestination {
	if (!fs.isAbsolute(folder)) throw new ExportRefusedError(`"${folder}" is not a full path: give the whole path of a folder on this computer`);
	return {
		writer: localFolderDestination(fs, folder).writer,
		paths: (parts) => freeArchiveSet(title, parts, async (name) => (await fs.stat(fs.resolve(folder, name))) !== null),
		remove: (path) => fs.unlink(fs.resolve(folder, path)),
		label: (path) => fs.resolve(folder, path),
	};
}
