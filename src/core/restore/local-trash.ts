/**
 * A trash over the local file system for the command line: originals go to the vault's ".trash" folder,
 * the one Obsidian itself uses for "Move to Obsidian trash", keeping their paths, so they can be put back
 * by hand or from Obsidian. Never a hard delete; a name already in the trash gets " (2)", " (3)"…
 */
import type { Trash } from "../ports/file-writer";
import type { LocalFs } from "../ports/local-fs";

export const VAULT_TRASH_FOLDER = ".trash";

function withNumber(path: string, n: number): string {
	const slash = path.lastIndexOf("/");
	const dot = path.lastIndexOf(".");
	return dot > slash + 1 ? `${path.slice(0, dot)} (${n})${path.slice(dot)}` : `${path} (${n})`;
}

export function localVaultTrash(fs: LocalFs, vaultRoot: string): Trash {
	return {
		description: `the vault's ${VAULT_TRASH_FOLDER} folder`,
		async trash(path) {
			const from = fs.resolve(vaultRoot, path);
			const slash = path.lastIndexOf("/");
			await fs.mkdirs(fs.resolve(vaultRoot, slash < 0 ? VAULT_TRASH_FOLDER : `${VAULT_TRASH_FOLDER}/${path.slice(0, slash)}`));
			for (let n = 1; ; n++) {
				const to = fs.resolve(vaultRoot, `${VAULT_TRASH_FOLDER}/${n === 1 ? path : withNumber(path, n)}`);
				try {
					await fs.renameNoReplace(from, to);
					return;
				} catch (error) {
					if ((error as { code?: unknown }).code !== "EEXIST" || n >= 1000) throw error;
				}
			}
		},
	};
}
