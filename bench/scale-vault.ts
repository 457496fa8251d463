/**
 * The large libraries of `npm run bench:scale`: N distinct photos from the corpus in a few thousand folders
 * (years × events), with a realistic but small mix of sizes, built once per N in os.tmpdir() and reused
 * while its marker says it is complete.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readMetadata } from "../src/core/metadata/read-metadata";
import type { CorpusFile } from "./make-vault";
import { variantTag } from "./make-vault";
import { varyPhoto } from "./vary-photo";

export interface ScaleVault {
	root: string;
	n: number;
	folders: number;
	bytes: number;
	/** Found complete in the cache rather than made by this run. */
	reused: boolean;
}

/** Photos per event folder: 100,000 photos make 4,000 folders, over 20 years of 200 events. */
const PER_FOLDER = 25;
const EVENTS_PER_YEAR = 200;
/** Bumped whenever the way a vault is made changes, so an older cache is rebuilt rather than measured. */
const FORMAT = 1;
const MARKER = ".photo-archivist-scale.json";
const MB = 1_000_000;

export function scaleRoot(n: number): string {
	return join(tmpdir(), `photo-archivist-scale-${n}`);
}

/** Where photo `i` goes, vault-relative: Photos/<year>/<event>/<i>-<name>. */
export function photoFolderOf(i: number): string {
	const event = Math.floor(i / PER_FOLDER);
	const year = 2000 + Math.floor(event / EVENTS_PER_YEAR);
	return `Photos/${year}/event-${String(event).padStart(5, "0")}`;
}

/** The corpus files every index reads (a file the engine rejects would be read again by every rescan). */
async function readable(corpus: readonly CorpusFile[]): Promise<CorpusFile[]> {
	const kept: CorpusFile[] = [];
	for (const file of corpus) {
		const bytes = varyPhoto(file.bytes, file.extension, variantTag(0));
		const source = { size: bytes.length, read: async (r: { start: number; end: number }) => bytes.subarray(r.start, r.end) };
		try {
			await readMetadata(source, file.name, Date.now());
			kept.push(file);
		} catch {
			// Left out of the mix: see above.
		}
	}
	return kept;
}

/**
 * A phone library is mostly photos of a few MB with some videos; scaled down so 100,000 of them fit in a
 * few GB: one in 500 is a large file (1–4 MB), one in 50 a medium one (0.1–1 MB), the rest small ones.
 */
function sizeClasses(corpus: readonly CorpusFile[]): (i: number) => CorpusFile {
	const big = corpus.filter((f) => f.bytes.length >= MB);
	const medium = corpus.filter((f) => f.bytes.length >= MB / 10 && f.bytes.length < MB);
	const small = corpus.filter((f) => f.bytes.length < MB / 10);
	const pick = (list: readonly CorpusFile[], k: number): CorpusFile => (list[k % list.length] ?? (small[k % small.length] as CorpusFile));
	if (small.length === 0) throw new Error("the corpus has no file under 100 KB to make a large library of");
	return (i) => {
		if (i % 500 === 499 && big.length > 0) return pick(big, Math.floor(i / 500));
		if (i % 50 === 49 && medium.length > 0) return pick(medium, Math.floor(i / 50));
		return pick(small, i);
	};
}

interface Marker {
	format: number;
	n: number;
	folders: number;
	bytes: number;
}

async function readMarker(root: string, n: number): Promise<Marker | null> {
	try {
		const marker = JSON.parse(await readFile(join(root, MARKER), "utf8")) as Marker;
		return marker.format === FORMAT && marker.n === n ? marker : null;
	} catch {
		return null;
	}
}

/** The cached vault of `n` photos, made now when absent or incomplete (an interrupted build is started again). */
export async function ensureScaleVault(corpus: readonly CorpusFile[], n: number, progress: (text: string) => void): Promise<ScaleVault> {
	const root = scaleRoot(n);
	const marker = await readMarker(root, n);
	if (marker !== null) return { root, n, folders: marker.folders, bytes: marker.bytes, reused: true };
	await rm(root, { recursive: true, force: true });
	const sourceOf = sizeClasses(await readable(corpus));
	const folders = new Set<string>();
	for (let i = 0; i < n; i++) folders.add(photoFolderOf(i));
	for (const folder of folders) await mkdir(join(root, folder), { recursive: true });
	let next = 0;
	let bytes = 0;
	const writer = async (): Promise<void> => {
		while (next < n) {
			const i = next++;
			const source = sourceOf(i);
			const copy = varyPhoto(source.bytes, source.extension, variantTag(i));
			bytes += copy.length;
			await writeFile(join(root, photoFolderOf(i), `${String(i).padStart(6, "0")}-${source.name}`), copy);
			if (i > 0 && i % 10_000 === 0) progress(`  ${i.toLocaleString("en-US")} of ${n.toLocaleString("en-US")} photos written`);
		}
	};
	await Promise.all(Array.from({ length: 4 }, writer));
	const made: Marker = { format: FORMAT, n, folders: folders.size, bytes };
	await writeFile(join(root, MARKER), JSON.stringify(made));
	return { root, n, folders: folders.size, bytes, reused: false };
}
