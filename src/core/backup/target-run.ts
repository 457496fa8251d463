/** What the upload of one photo works with on one target during a run, shared by the run and each upload. */
import type { PhotoRecord } from "../model/photo-record";
import type { TargetConfig } from "../model/target-config";
import type { FileStore } from "../ports/file-store";
import type { Log } from "../ports/log";
import type { Target } from "../ports/target";
import type { TargetRunResult } from "./backup-types";
import type { ManifestEntry } from "./manifest";
import type { ManifestStore } from "./manifest-store";
import type { RemoteNames } from "./plan-backup";

export interface TargetRun {
	config: TargetConfig;
	target: Target;
	store: ManifestStore;
	names: RemoteNames;
	files: FileStore;
	/** Aborts on cancel and when the target is stopped. */
	signal: AbortSignal;
	now: () => Date;
	log: Log;
	/** Reads the photo again (it changed on disk); the fresh record, or undefined when it is gone or unreadable. */
	reindex: (path: string) => Promise<PhotoRecord | undefined>;
	/** A copy of `record` is on the target now: bring the notes of the photos with its content up to date. */
	landed: (record: PhotoRecord) => Promise<void>;
	result: TargetRunResult;
}

export function emptyResult(config: TargetConfig): TargetRunResult {
	return { targetId: config.id, name: config.name, uploaded: 0, skipped: 0, bytes: 0, failed: [], conflicts: [], upToDate: false };
}

/** Records a copy in the manifest, then updates the notes; a note that cannot be written does not undo the backup. */
export async function recordCopy(run: TargetRun, record: PhotoRecord, remote: { path: string; etag?: string }): Promise<void> {
	const entry: ManifestEntry = {
		remotePath: remote.path,
		sha256: record.sha256,
		size: record.size,
		uploadedAt: run.now().toISOString(),
		localPath: record.path,
	};
	if (remote.etag !== undefined) entry.etag = remote.etag;
	try {
		await run.store.record(entry);
	} catch (error) {
		// The entry is in memory and goes out with the next save; only this batch's save failed.
		run.log.warn(`Backup manifest of "${run.config.name}" could not be saved`, error);
	}
	try {
		await run.landed(record);
	} catch (error) {
		run.log.warn(`The note of ${record.path} could not be updated after its backup to "${run.config.name}"`, error);
	}
}
