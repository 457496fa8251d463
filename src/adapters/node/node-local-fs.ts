/** LocalFs over node:fs for folder targets (desktop and CLI): fsync'd writes, renames that never replace. */
import { constants } from "node:fs";
import { link, mkdir, open, readdir, rename, stat, statfs, unlink } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { readFully } from "../shared/read-fully";
import type { LocalEntry, LocalFs, LocalStat, LocalWriter } from "../../core/ports/local-fs";

/** Codes of a file system that has no hard links (FAT, exFAT, some network shares). */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"]);

export function createNodeLocalFs(): LocalFs {
	return {
		isAbsolute: (path) => isAbsolute(path),
		resolve: (root, relative) => (relative === "" ? resolve(root) : join(resolve(root), ...relative.split("/"))),
		stat: statOrNull,
		async readdir(path) {
			try {
				const entries = await readdir(path, { withFileTypes: true });
				return entries.map((d): LocalEntry => ({ name: d.name, kind: d.isFile() ? "file" : d.isDirectory() ? "folder" : "other" }));
			} catch (error) {
				if (isMissing(error)) return null;
				throw error;
			}
		},
		async mkdirs(path) {
			await mkdir(path, { recursive: true });
		},
		async openWriter(path): Promise<LocalWriter> {
			const handle = await open(path, "w");
			return {
				async write(chunk) {
					let written = 0;
					while (written < chunk.byteLength) written += (await handle.write(chunk, written)).bytesWritten;
				},
				sync: () => handle.sync(),
				close: () => handle.close(),
			};
		},
		renameNoReplace,
		async unlink(path) {
			try {
				await unlink(path);
			} catch (error) {
				if (!isMissing(error)) throw error;
			}
		},
		async read(path, start, end) {
			const handle = await open(path, "r");
			try {
				return await readFully(handle, start, end - start);
			} finally {
				await handle.close();
			}
		},
		async freeBytes(path) {
			try {
				const s = await statfs(path);
				return { available: s.bavail * s.bsize, total: s.blocks * s.bsize };
			} catch (error) {
				if (isMissing(error)) throw error;
				return null;
			}
		},
	};
}

async function statOrNull(path: string): Promise<LocalStat | null> {
	try {
		const s = await stat(path);
		return { kind: s.isFile() ? "file" : s.isDirectory() ? "folder" : "other", size: s.size, mtimeMs: s.mtimeMs };
	} catch (error) {
		if (isMissing(error)) return null;
		throw error;
	}
}

/**
 * link() fails with EEXIST when the name is taken, atomically, so nothing can slip in between a check and
 * the move. Where the file system has no hard links, a check then rename() is the best Node offers
 * (it has no RENAME_NOREPLACE): a file created at `to` in that instant by another program would be replaced.
 */
async function renameNoReplace(from: string, to: string): Promise<void> {
	try {
		await link(from, to);
		await unlink(from);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? "";
		if (!NO_LINKS.has(code)) throw error;
		if ((await statOrNull(to)) !== null) throw Object.assign(new Error(`${to} already exists`), { code: "EEXIST" });
		await rename(from, to);
	}
	await syncFolder(dirname(to));
}

/** Makes a rename durable on Linux and macOS; Windows cannot open a folder for syncing, and needs not. */
async function syncFolder(path: string): Promise<void> {
	let handle;
	try {
		handle = await open(path, constants.O_RDONLY);
		await handle.sync();
	} catch {
		// Best effort by design: the bytes themselves were already synced before the rename.
	} finally {
		await handle?.close();
	}
}

function isMissing(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException | null)?.code;
	return code === "ENOENT" || code === "ENOTDIR";
}
