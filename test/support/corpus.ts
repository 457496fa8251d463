/**
 * The real-photo corpus (../shared/photos, or PHOTO_ARCHIVIST_CORPUS): where it is, and the rule for its
 * absence — tests skip with a reason on a developer's machine, and fail under CI, where skipping is not allowed.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The corpus folder, or null when it is not there. */
export function corpusDir(): string | null {
	const dir = resolve(REPO_ROOT, process.env.PHOTO_ARCHIVIST_CORPUS ?? "../shared/photos");
	return existsSync(dir) ? dir : null;
}

export const CORPUS_MISSING = "photo corpus not found: set PHOTO_ARCHIVIST_CORPUS or put it at ../shared/photos";

/**
 * The corpus folder. Where it is missing: throws under CI=true (a skipped corpus test must not pass
 * there), else returns null so the caller can skip, e.g. `describe.skipIf(requireCorpus() === null)`.
 */
export function requireCorpus(): string | null {
	const dir = corpusDir();
	if (dir !== null) return dir;
	if (process.env.CI === "true") throw new Error(`${CORPUS_MISSING} (CI=true does not allow skipping)`);
	console.warn(`skipping corpus tests: ${CORPUS_MISSING}`);
	return null;
}

/** One file's reading by ExifTool 12.57 (`exiftool -json -n`), from photos.exiftool.json next to the corpus. */
export type ExifToolRecord = Record<string, string | number | undefined> & { FileName: string };

export function exifToolReference(dir: string): ExifToolRecord[] {
	return JSON.parse(readFileSync(join(dir, "..", "photos.exiftool.json"), "utf8")) as ExifToolRecord[];
}
