/** Where a photo goes on a target: its layout path, and the other names used when that one is taken. */
import { fileNameOf } from "../index/read-photo";
import type { PhotoRecord } from "../model/photo-record";
import type { RemoteLayout } from "../model/target-config";

/** Folder, on every target, of the target's own files (the manifest copy); never a photo's path. */
export const TARGET_META_FOLDER = ".photo-archivist";

/** "YYYY-MM" at the start of an ISO date, read as text. */
const YEAR_MONTH = /^(\d{4})-(\d{2})/;

/**
 * `mirror`: the vault path. `date`: "YYYY/MM/<name>" from the taken time's own digits — the camera's
 * wall-clock date, so a photo taken at 23:30 on 31 December stays in December whatever the machine's time
 * zone — or "undated/<name>" when the photo records no date. Names are not altered: the target encodes
 * what its protocol needs.
 */
export function remotePathFor(record: PhotoRecord, layout: RemoteLayout): string {
	if (layout === "mirror") return record.path;
	const name = fileNameOf(record.path);
	const match = record.meta.taken === null ? null : YEAR_MONTH.exec(record.meta.taken);
	return match ? `${match[1]}/${match[2]}/${name}` : `undated/${name}`;
}

/**
 * `insert` put before the extension of the path's file name: ("a/IMG_1.JPG", " (2)") → "a/IMG_1 (2).JPG".
 * A name without an extension (or a dot-file) takes it at the end.
 */
export function beforeExtension(path: string, insert: string): string {
	const slash = path.lastIndexOf("/");
	const dot = path.lastIndexOf(".");
	if (dot <= slash + 1) return path + insert;
	return path.slice(0, dot) + insert + path.slice(dot);
}

/** The first 8 hex digits of a SHA-256: enough to tell versions of one photo apart in a name. */
export function shortHash(sha256: string): string {
	return sha256.slice(0, 8);
}

/** The name a changed photo's new content takes beside its old copy: "IMG_1.JPG" → "IMG_1.3fa9c2d1.JPG". */
export function versionedPath(path: string, sha256: string): string {
	return beforeExtension(path, `.${shortHash(sha256)}`);
}

/** The n-th alternative for a different photo that wants a taken name: "IMG_1 (2).JPG", "IMG_1 (3).JPG"… */
export function numberedPath(path: string, n: number): string {
	return beforeExtension(path, ` (${n})`);
}

/** Where our copy goes when the server already holds other content under our name: both are kept. */
export function conflictPath(path: string, sha256: string): string {
	return beforeExtension(path, ` (conflict ${shortHash(sha256)})`);
}
