/**
 * Lets a backup manifest's entry use the index's own strings for the photo it was uploaded from: three targets'
 * manifests of 100,000 photos would otherwise hold three more copies of every path and SHA-256 (about 40 MB).
 */
import type { ManifestEntry } from "../backup/manifest";
import type { PhotoRecord } from "../model/photo-record";
import type { PhotoIndex } from "./photo-index";

/**
 * A sharer for one manifest load. A saved manifest comes sorted by remote path and, in a mirror layout, so by
 * local path; a loaded index iterates in path order too: the two are walked in step, and the index is looked
 * up by path only when they fall out of step (another layout, photos added since), which costs a hash lookup
 * per entry instead of a string comparison. True when every string of the entry is now the index's.
 */
export function indexStringSharer(index: PhotoIndex): (entry: ManifestEntry) => boolean {
	const records = index.values();
	const next = (): PhotoRecord | undefined => {
		const step = records.next();
		return step.done === true ? undefined : step.value;
	};
	let current = next();
	return (entry) => {
		const path = entry.localPath;
		while (current !== undefined && current.path < path) current = next();
		const record = current !== undefined && current.path === path ? current : index.get(path);
		if (record === undefined) return false;
		const samePath = entry.remotePath === entry.localPath;
		entry.localPath = record.path;
		if (samePath) entry.remotePath = record.path;
		if (entry.sha256 !== record.sha256) return false;
		entry.sha256 = record.sha256;
		return samePath;
	};
}
