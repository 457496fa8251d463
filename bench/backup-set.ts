/** The files every contestant backs up, and the check that a contestant's copy on the server's disk holds them all. */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

export interface SetFile {
	/** Path under the vault's Photos folder, "/"-separated: the same path under each contestant's remote folder. */
	relative: string;
	absolute: string;
	bytes: number;
}

/** Every file under `photosFolder`, sorted by path. */
export async function listSet(photosFolder: string): Promise<SetFile[]> {
	const files: SetFile[] = [];
	const walk = async (folder: string, prefix: string): Promise<void> => {
		for (const entry of await readdir(folder, { withFileTypes: true })) {
			const absolute = join(folder, entry.name);
			const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
			if (entry.isDirectory()) await walk(absolute, relative);
			else if (entry.isFile()) files.push({ relative, absolute, bytes: (await stat(absolute)).size });
		}
	};
	await walk(photosFolder, "");
	return files.sort((a, b) => a.relative.localeCompare(b.relative));
}

/**
 * What is wrong with the copy under `remotePhotos` (the server's own folder on disk): files missing or of
 * another size, one line each (at most `limit`, then a count). Empty when every file is there in full.
 */
export async function checkCopy(files: readonly SetFile[], remotePhotos: string, limit = 5): Promise<string[]> {
	const problems: string[] = [];
	for (const file of files) {
		const copy = await stat(join(remotePhotos, ...file.relative.split("/"))).catch(() => null);
		if (copy === null) problems.push(`${file.relative}: missing`);
		else if (copy.size !== file.bytes) problems.push(`${file.relative}: ${copy.size} bytes instead of ${file.bytes}`);
	}
	return problems.length > limit ? [...problems.slice(0, limit), `… ${problems.length - limit} more`] : problems;
}
