/** Path and folder helpers shared by the vault adapters: checked paths, a folder's subtree, missing folders created. */
import { normalizePath, TFile, TFolder, type Vault } from "obsidian";
import { PhotoArchivistError } from "../../core/model/errors";

/** Every file under `folder` ("" or "/" is the root), found through the folder's own children, never a whole-vault listing. */
export function filesUnder(vault: Pick<Vault, "getFolderByPath">, folder: string): TFile[] {
	const start = vault.getFolderByPath(normalizePath(folder));
	if (start === null) return [];
	const files: TFile[] = [];
	const pending: TFolder[] = [start];
	for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
		for (const child of current.children) {
			// Obsidian keeps dot-files out of its tree already; the check keeps the FileStore contract either way.
			if (child.name.startsWith(".")) continue;
			if (child instanceof TFile) files.push(child);
			else if (child instanceof TFolder) pending.push(child);
		}
	}
	return files;
}

/** Creates `folder` and its missing parents, one level at a time; an existing folder is fine, a file in the way is not. */
export async function ensureFolder(vault: Pick<Vault, "getAbstractFileByPath" | "createFolder">, folder: string): Promise<void> {
	const path = normalizePath(folder);
	if (path === "/") return;
	let current = "";
	for (const segment of path.split("/")) {
		current = current === "" ? segment : `${current}/${segment}`;
		const existing = vault.getAbstractFileByPath(current);
		if (existing instanceof TFolder) continue;
		if (existing !== null) throw new PhotoArchivistError("io", `Cannot create the folder "${current}": a file has that name.`);
		await vault.createFolder(current);
	}
}

/** The folder part of a vault path ("" for a top-level file). */
export function parentFolder(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "" : path.slice(0, slash);
}

/** `path` normalized the Obsidian way; "." and ".." parts are refused rather than resolved. */
export function vaultPath(path: string, what: string): string {
	const normalized = normalizePath(path);
	if (normalized.split("/").some((part) => part === "." || part === "..")) {
		throw new PhotoArchivistError("io", `"${path}" is not a vault path for a ${what}: it has "." or ".." parts.`);
	}
	return normalized;
}
