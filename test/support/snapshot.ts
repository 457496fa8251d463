// Every file under a folder with its bytes and mtime: comparing two snapshots proves nothing was written.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";

export type Snapshot = Map<string, { mtimeMs: number; content: string }>;

export async function snapshot(root: string): Promise<Snapshot> {
	const out: Snapshot = new Map();
	const walk = async (dir: string): Promise<void> => {
		for (const d of await readdir(dir, { withFileTypes: true })) {
			const path = join(dir, d.name);
			if (d.isDirectory()) await walk(path);
			else out.set(relative(root, path), { mtimeMs: (await stat(path)).mtimeMs, content: (await readFile(path)).toString("base64") });
		}
	};
	await walk(root);
	return out;
}
