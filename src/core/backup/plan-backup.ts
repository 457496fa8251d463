/**
 * What a backup run will do on one target, decided from the index and the target's manifest alone: no I/O,
 * no request to the server. The decision table, per photo (in path order):
 *
 * | the photo                                      | decision         | remote path                         |
 * | ---------------------------------------------- | ---------------- | ----------------------------------- |
 * | original missing from the vault                | skip-missing     | none: never uploaded, nothing removed |
 * | its content (SHA-256) is in the manifest        | skip-present     | where that content already is       |
 * | same content as a photo uploaded earlier in the plan | skip-duplicate | that photo's                     |
 * | larger than the platform's limit (mobile)      | too-large        | none                                |
 * | an older version of it is in the manifest       | upload-changed   | layout path, or beside the old copy |
 * | anything else                                  | upload-new       | layout path, or a numbered name     |
 *
 * Nothing on a target is ever replaced or removed by a plan: a layout path that the manifest (or an
 * earlier decision) already holds with other content gives a new name — for a new version of the same
 * photo its short hash ("IMG_1.3fa9c2d1.JPG", so versions sort together and name their content), for a
 * different photo with the same name ("IMG_1 (2).JPG", the way file managers name copies).
 *
 * A copy a verification marked faulty (ManifestEntry.fault) does not hold its content: the photo is
 * uploaded again, back at the same path when the copy was missing, under a new name beside a damaged one.
 */
import type { PhotoRecord } from "../model/photo-record";
import type { RemoteLayout, TargetConfig } from "../model/target-config";
import type { Manifest, ManifestEntry } from "./manifest";
import { numberedPath, remotePathFor, versionedPath } from "./remote-path";

export type UploadDecision =
	| { action: "upload-new"; record: PhotoRecord; remotePath: string }
	/** `previous`: where the manifest holds an older version of this photo (kept as it is). */
	| { action: "upload-changed"; record: PhotoRecord; remotePath: string; previous: string };

export type BackupDecision =
	| UploadDecision
	| { action: "skip-present"; record: PhotoRecord; remotePath: string }
	/** `sameAs`: the vault path of the photo with this content that the plan uploads. */
	| { action: "skip-duplicate"; record: PhotoRecord; sameAs: string }
	| { action: "skip-missing"; record: PhotoRecord }
	| { action: "too-large"; record: PhotoRecord; limit: number };

export type BackupAction = BackupDecision["action"];

export interface BackupPlan {
	/** The decision for every photo, in path order: kept only when PlanOptions.explain asks for it. */
	decisions: BackupDecision[];
	uploads: UploadDecision[];
	bytesToUpload: number;
	/** Photos whose content the target holds already, or that share the content of one uploaded by this plan. */
	skipped: number;
	tooLarge: Array<{ record: PhotoRecord; limit: number }>;
}

export interface PlanOptions {
	/** Photos larger than this are not uploaded (mobile); default no limit. */
	maxFileBytes?: number;
	/**
	 * Keep the decision for every photo (tests, an explanation for the user). A run needs only the uploads and
	 * the counts, and 100,000 photos on three targets need not become 300,000 decisions.
	 */
	explain?: boolean;
}

/** Remote paths no upload may take: those the manifest holds and those claimed by earlier decisions. */
export class RemoteNames {
	private readonly claimed = new Set<string>();

	constructor(private readonly manifest: Manifest) {}

	isTaken(path: string): boolean {
		// A copy a verification found missing leaves its path free: the photo's re-upload goes back there.
		const held = this.manifest.at(path);
		return this.claimed.has(path) || (held !== undefined && held.fault !== "missing");
	}

	/** Claims the path `record` is uploaded to: its layout path when free, else the rule of the table above. */
	allocate(record: PhotoRecord, layout: RemoteLayout, changedFrom?: string): string {
		const wanted = remotePathFor(record, layout);
		const base = changedFrom !== undefined && this.isTaken(wanted) ? versionedPath(wanted, record.sha256) : wanted;
		let path = base;
		for (let n = 2; this.isTaken(path); n++) path = numberedPath(base, n);
		this.claimed.add(path);
		return path;
	}

	claim(path: string): void {
		this.claimed.add(path);
	}

	/** Gives back a claimed path that ended up holding nothing of ours. */
	release(path: string): void {
		this.claimed.delete(path);
	}
}

function byPath(a: PhotoRecord, b: PhotoRecord): number {
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The records in path order. The index is kept sorted on disk, so this is usually one pass that finds nothing to do. */
function inPathOrder(records: Iterable<PhotoRecord>): readonly PhotoRecord[] {
	const list = Array.isArray(records) ? (records as readonly PhotoRecord[]) : [...records];
	for (let i = 1; i < list.length; i++) {
		if ((list[i - 1] as PhotoRecord).path > (list[i] as PhotoRecord).path) return [...list].sort(byPath);
	}
	return list;
}

/** Where the manifest holds an earlier upload from each vault path (the latest one when there are several). */
function previousCopies(manifest: Manifest): Map<string, string> {
	const latest = new Map<string, ManifestEntry>();
	for (const entry of manifest.entries()) {
		const known = latest.get(entry.localPath);
		if (!known || entry.uploadedAt >= known.uploadedAt) latest.set(entry.localPath, entry);
	}
	const paths = new Map<string, string>();
	for (const [local, entry] of latest) paths.set(local, entry.remotePath);
	return paths;
}

export function planBackup(
	records: Iterable<PhotoRecord>,
	manifest: Manifest,
	config: Pick<TargetConfig, "layout">,
	options: PlanOptions = {},
): BackupPlan {
	const layout = config.layout;
	const names = new RemoteNames(manifest);
	// Built on the first upload only: a run with nothing new (the common one) never walks the manifest.
	let previous: Map<string, string> | undefined;
	const uploadedBy = new Map<string, string>();
	const plan: BackupPlan = { decisions: [], uploads: [], bytesToUpload: 0, skipped: 0, tooLarge: [] };
	const explain = options.explain === true;
	const holder = manifest.holderWalk();
	for (const record of inPathOrder(records)) {
		if (record.missingSince !== undefined) {
			if (explain) plan.decisions.push({ action: "skip-missing", record });
			continue;
		}
		const present = holder(record.path, record.sha256);
		const twin = present === undefined ? uploadedBy.get(record.sha256) : undefined;
		if (present !== undefined || twin !== undefined) {
			plan.skipped++;
			if (!explain) continue;
			if (present !== undefined) plan.decisions.push({ action: "skip-present", record, remotePath: present.remotePath });
			else plan.decisions.push({ action: "skip-duplicate", record, sameAs: twin as string });
		} else if (options.maxFileBytes !== undefined && record.size > options.maxFileBytes) {
			plan.tooLarge.push({ record, limit: options.maxFileBytes });
			if (explain) plan.decisions.push({ action: "too-large", record, limit: options.maxFileBytes });
		} else {
			previous ??= previousCopies(manifest);
			const old = previous.get(record.path);
			const upload: UploadDecision = old === undefined
				? { action: "upload-new", record, remotePath: names.allocate(record, layout) }
				: { action: "upload-changed", record, remotePath: names.allocate(record, layout, old), previous: old };
			uploadedBy.set(record.sha256, record.path);
			if (explain) plan.decisions.push(upload);
			plan.uploads.push(upload);
			plan.bytesToUpload += record.size;
		}
	}
	return plan;
}
