/**
 * The upload of one photo to one target: checks the original is still what the index says, puts it (the
 * target writes to a temporary name and moves it into place), adopts an identical file already there,
 * keeps both when the server holds other content under the name, and uploads again a photo that changed
 * while it was being sent. Target errors are thrown to the run, which decides between file and target.
 */
import type { PhotoRecord } from "../model/photo-record";
import { TargetError } from "../model/target-error";
import type { FileEntry } from "../ports/file-store";
import type { RemoteFile } from "../ports/target";
import type { FileProgress } from "./backup-progress";
import { hashRemote } from "./remote-hash";
import { conflictPath, numberedPath } from "./remote-path";
import { recordCopy, type TargetRun } from "./target-run";

/** Names tried for our copy when the server holds other content at the path: "x (conflict 3fa9c2d1).jpg", then numbered. */
const CONFLICT_NAMES = 10;

/** How many times a photo that changes while it uploads is sent again in one run. */
const CHANGED_RETRIES = 1;

export class FileFailure extends Error {}

function moved(entry: FileEntry | null, record: PhotoRecord): boolean {
	return entry === null || entry.size !== record.size || entry.mtimeMs !== record.mtimeMs;
}

/** The photo as it is now: the record, or a fresh one when the file changed since it was indexed. */
async function current(run: TargetRun, record: PhotoRecord): Promise<PhotoRecord> {
	const entry = await run.files.stat(record.path);
	if (entry === null) throw new FileFailure("the file is no longer in the vault");
	if (!moved(entry, record)) return record;
	const fresh = await run.reindex(record.path);
	if (fresh === undefined || fresh.missingSince !== undefined) throw new FileFailure("the file changed and could not be read again");
	return fresh;
}

type Stored = { kind: "uploaded" | "adopted"; remote: RemoteFile } | { kind: "different" };
type Kept = { kind: "uploaded" | "adopted"; remote: RemoteFile; path: string };

/** Puts `record` at `path`; if something is there already, tells whether it is our content. */
async function putOrAdopt(run: TargetRun, record: PhotoRecord, path: string, progress: FileProgress): Promise<Stored> {
	const body = { size: record.size, open: (start?: number) => run.files.stream(record.path, start) };
	try {
		return { kind: "uploaded", remote: await run.target.put(path, body, { signal: run.signal, onBytes: (n) => progress.sent(n) }) };
	} catch (error) {
		if (!(error instanceof TargetError) || error.code !== "exists") throw error;
	}
	const remote = await run.target.stat(path, run.signal);
	if (remote === null) throw new TargetError("transient", `the server says ${path} exists, but it cannot be found there`);
	if (remote.size === record.size && (await hashRemote(run.target, path, remote.size, run.signal)) === record.sha256) {
		return { kind: "adopted", remote };
	}
	return { kind: "different" };
}

/** Stores `record` at `path` or, when other content is there, beside it under a conflict name (both kept, reported). */
async function store(run: TargetRun, record: PhotoRecord, path: string, progress: FileProgress): Promise<Kept> {
	const candidates = [path, conflictPath(path, record.sha256)];
	// Names are tried in order; a later run that finds its own earlier copy under one of them adopts it.
	for (let n = 2; candidates.length < CONFLICT_NAMES; n++) candidates.push(numberedPath(conflictPath(path, record.sha256), n));
	for (const candidate of candidates) {
		if (candidate !== path && run.names.isTaken(candidate)) continue;
		run.names.claim(candidate);
		const stored = await putOrAdopt(run, record, candidate, progress);
		if (stored.kind === "different") continue;
		if (candidate !== path) run.result.conflicts.push({ path: record.path, remotePath: path, keptAs: candidate });
		return { ...stored, path: candidate };
	}
	throw new FileFailure(`${path} and ${CONFLICT_NAMES - 1} other names for it are taken by other files on the target`);
}

type Attempt = Kept | { kind: "changed"; written?: string };

/** Stores the photo, then tells whether the file moved meanwhile (`written`: the copy just made of it, if any). */
async function attempt(run: TargetRun, record: PhotoRecord, path: string, progress: FileProgress): Promise<Attempt> {
	let stored: Kept;
	try {
		stored = await store(run, record, path, progress);
	} catch (error) {
		// A file that grows while it is sent fails the target's size check: that is a change, not a failure.
		if (run.signal.aborted || (error instanceof TargetError && error.stopsTarget)) throw error;
		if (!moved(await run.files.stat(record.path), record)) throw error;
		return { kind: "changed" };
	}
	if (stored.kind === "adopted" || !moved(await run.files.stat(record.path), record)) return stored;
	return { kind: "changed", written: stored.path };
}

/**
 * Uploads one photo planned for `remotePath` (`changedFrom`: where an older version of it is). The file
 * is checked again after the upload: if it moved meanwhile, what was sent may mix two versions, so that
 * copy is removed (it is ours, just written, in no manifest) and the new version is uploaded, once.
 */
export async function uploadPhoto(
	run: TargetRun,
	planned: PhotoRecord,
	remotePath: string,
	progress: FileProgress,
	changedFrom?: string,
): Promise<void> {
	let record = await current(run, planned);
	let path = record === planned ? remotePath : reallocate(run, record, remotePath, changedFrom);
	for (let tries = 0; ; tries++) {
		if (run.store.manifest.holding(record.sha256).length > 0) {
			run.result.skipped++;
			return;
		}
		const outcome = await attempt(run, record, path, progress);
		if (outcome.kind !== "changed") {
			await recordCopy(run, record, { path: outcome.path, etag: outcome.remote.etag });
			count(run, record, outcome.kind);
			return;
		}
		const fresh = await run.reindex(record.path);
		if (outcome.written !== undefined && fresh !== undefined && fresh.sha256 === record.sha256) {
			// Touched, not changed: what was sent is the photo's content.
			await recordCopy(run, fresh, { path: outcome.written });
			count(run, record, "uploaded");
			return;
		}
		if (outcome.written !== undefined) await run.target.remove(outcome.written, run.signal);
		if (fresh === undefined || fresh.missingSince !== undefined) throw new FileFailure("the file changed while it was uploaded and could not be read again");
		if (tries >= CHANGED_RETRIES) throw new FileFailure("the file kept changing while it was uploaded: it will be backed up on the next run");
		record = fresh;
		path = reallocate(run, record, path, changedFrom);
	}
}

/** A new place for a new version of the photo: `path` is given back first (nothing of ours is left there). */
function reallocate(run: TargetRun, record: PhotoRecord, path: string, changedFrom: string | undefined): string {
	run.names.release(path);
	return run.names.allocate(record, run.config.layout, changedFrom);
}

function count(run: TargetRun, record: PhotoRecord, kind: "uploaded" | "adopted"): void {
	if (kind === "adopted") {
		run.result.skipped++;
		return;
	}
	run.result.uploaded++;
	run.result.bytes += record.size;
}
