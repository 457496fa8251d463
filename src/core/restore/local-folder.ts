/**
 * A restore destination over the local file system (the CLI, and Obsidian on desktop): a temporary file
 * beside the final name, synced, then renamed without replacing anything, so memory stays bounded and no
 * half-written photo ever carries a final name.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { FileExistsError } from "../ports/file-writer";
import type { LocalFs } from "../ports/local-fs";
import type { RestoreDestination } from "./restore-types";

const HASH_CHUNK = 4 * 1024 * 1024;
const TEMPORARY_SUFFIX = ".pa-restore";

function parentOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "" : path.slice(0, slash);
}

function temporaryOf(path: string): string {
	const parent = parentOf(path);
	const name = path.slice(parent === "" ? 0 : parent.length + 1);
	// Hidden, so neither the index nor Obsidian picks it up while it is being written.
	return parent === "" ? `.${name}${TEMPORARY_SUFFIX}` : `${parent}/.${name}${TEMPORARY_SUFFIX}`;
}

export function localFolderDestination(fs: LocalFs, root: string, label = root): RestoreDestination {
	const full = (path: string): string => fs.resolve(root, path);
	return {
		label,
		async stat(path) {
			const found = await fs.stat(full(path));
			return found === null ? null : { size: found.kind === "file" ? found.size : -1 };
		},
		async sha256(path) {
			const file = full(path);
			const found = await fs.stat(file);
			const hash = sha256.create();
			for (let start = 0; start < (found?.size ?? 0); start += HASH_CHUNK) hash.update(await fs.read(file, start, start + HASH_CHUNK));
			return bytesToHex(hash.digest());
		},
		writer: {
			async writeNew(path, body) {
				const final = full(path);
				if ((await fs.stat(final)) !== null) throw new FileExistsError(path);
				const parent = parentOf(path);
				await fs.mkdirs(fs.resolve(root, parent));
				const temporary = full(temporaryOf(path));
				const writer = await fs.openWriter(temporary);
				try {
					try {
						for await (const chunk of body) await writer.write(chunk);
						await writer.sync();
					} finally {
						await writer.close();
					}
					await fs.renameNoReplace(temporary, final);
				} catch (error) {
					await fs.unlink(temporary);
					if ((error as { code?: unknown }).code === "EEXIST") throw new FileExistsError(path);
					throw error;
				}
			},
		},
	};
}
