/** Loads the photo corpus and fills a temporary vault with N distinct, still valid copies of its files. */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_EXTENSIONS } from "../src/core/settings";
import { canVary, varyPhoto } from "./vary-photo";

export interface CorpusFile {
	name: string;
	extension: string;
	bytes: Uint8Array;
}

export interface MadeVault {
	photosFolder: string;
	files: number;
	folders: number;
	bytes: number;
}

/** Folders of this many photos: a vault of a few hundred folders, as years × events tend to give. */
const PER_FOLDER = 40;

export class CorpusMissingError extends Error {}

export function extensionOf(name: string): string {
	const dot = name.lastIndexOf(".");
	return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** Every file of the corpus the index would take (by extension), broken ones included: a real vault has them too. */
export async function loadCorpus(folder: string): Promise<CorpusFile[]> {
	let names: string[];
	try {
		names = (await readdir(folder)).sort();
	} catch {
		throw new CorpusMissingError(
			`photo corpus not found at ${folder} (set PHOTO_ARCHIVIST_CORPUS to the folder of sample photos)`,
		);
	}
	const files: CorpusFile[] = [];
	for (const name of names) {
		const extension = extensionOf(name);
		if (!DEFAULT_EXTENSIONS.includes(extension) || !canVary(extension)) continue;
		files.push({ name, extension, bytes: await readFile(join(folder, name)) });
	}
	if (files.length === 0) throw new CorpusMissingError(`no photos in the corpus folder ${folder}`);
	return files;
}

/** The tag that makes copy `i` unique; also written into the file, so a copy can be traced back. */
export function variantTag(i: number): string {
	return `photo-archivist bench copy ${i}`;
}

/** Writes `n` copies round-robin over the corpus into `<vault>/Photos/set-NNN/`, a few at a time. */
export async function makeVault(corpus: readonly CorpusFile[], vault: string, n: number): Promise<MadeVault> {
	const photosFolder = join(vault, "Photos");
	const folders = Math.ceil(n / PER_FOLDER);
	const width = String(folders).length;
	for (let f = 0; f < folders; f++) {
		await mkdir(join(photosFolder, `set-${String(f + 1).padStart(width, "0")}`), { recursive: true });
	}
	let next = 0;
	let bytes = 0;
	const writer = async (): Promise<void> => {
		while (next < n) {
			const i = next++;
			const source = corpus[i % corpus.length] as CorpusFile;
			const folder = `set-${String(Math.floor(i / PER_FOLDER) + 1).padStart(width, "0")}`;
			const copy = varyPhoto(source.bytes, source.extension, variantTag(i));
			bytes += copy.length;
			await writeFile(join(photosFolder, folder, `${String(i).padStart(6, "0")}-${source.name}`), copy);
		}
	};
	await Promise.all(Array.from({ length: 4 }, writer));
	return { photosFolder, files: n, folders, bytes };
}
