/**
 * Lets a backup manifest's entry use the index's own strings for the photo it was uploaded from: three targets'
 * manifests of 100,000 photos would otherwise hold three more copies of every path and SHA-256 (about 40 MB).
 */
import type { ManifestEntry } from "../backup/manifest";
import type { PhotoIndex } from "./photo-index";

export function shareIndexStrings(index: PhotoIndex, entry: ManifestEntry): void {
	const record = index.get(entry.localPath);
	if (record === undefined) return;
	const samePath = entry.remotePath === entry.localPath;
	entry.localPath = record.path;
	if (samePath) entry.remotePath = record.path;
	if (entry.sha256 === record.sha256) entry.sha256 = record.sha256;
}
