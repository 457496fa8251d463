/**
 * "Restore missing originals": every photo whose original is gone from the vault (marked missing by the
 * index, or simply not there any more) is downloaded from the best copy, checked, written back at its
 * vault path, and re-indexed, so its note loses the missing mark.
 */
import type { PhotoRecord } from "../model/photo-record";
import type { FileStore } from "../ports/file-store";
import type { CopyFinder } from "./copy-sources";
import { restoreFile } from "./restore-file";
import { RestoreTally } from "./restore-tally";
import type { RestoreDestination, RestoreMissingOptions, RestoreSummary } from "./restore-types";

export interface RestoreMissingDeps {
	files: FileStore;
	vault: RestoreDestination;
	finder: CopyFinder;
	records: () => Promise<Iterable<PhotoRecord>>;
	/** Re-reads these photos so the index and their notes see them present again. */
	reindex: (paths: readonly string[]) => Promise<void>;
}

async function isGone(files: FileStore, record: PhotoRecord): Promise<boolean> {
	return record.missingSince !== undefined || (await files.stat(record.path)) === null;
}

/** The photos to bring back, and the named paths that are not indexed photos. */
async function candidates(deps: RestoreMissingDeps, options: RestoreMissingOptions): Promise<{ records: PhotoRecord[]; unknown: string[] }> {
	const all = new Map<string, PhotoRecord>();
	for (const record of await deps.records()) all.set(record.path, record);
	if (options.paths !== undefined) {
		const records: PhotoRecord[] = [];
		const unknown: string[] = [];
		for (const path of new Set(options.paths)) {
			const record = all.get(path);
			if (record === undefined) unknown.push(path);
			else records.push(record);
		}
		return { records, unknown };
	}
	const records: PhotoRecord[] = [];
	for (const record of all.values()) {
		// An original removed on purpose by "Free up space" stays away unless asked for.
		if (record.offloadedAt !== undefined && options.includeOffloaded !== true) continue;
		if (await isGone(deps.files, record)) records.push(record);
	}
	return { records, unknown: [] };
}

export async function restoreMissing(deps: RestoreMissingDeps, options: RestoreMissingOptions = {}): Promise<RestoreSummary> {
	const { records, unknown } = await candidates(deps, options);
	const tally = new RestoreTally(records.length, options);
	for (const path of unknown) tally.summary.failed.push({ path, reason: "not a photo of the index" });
	const back: string[] = [];
	try {
		for (const record of records) {
			if (options.signal?.aborted) break;
			const outcome = await restoreFile({
				destination: deps.vault,
				path: record.path,
				sha256: record.sha256,
				size: record.size,
				copies: await deps.finder.copiesOf(record.sha256, record.size),
				finder: deps.finder,
				signal: options.signal,
				onBytes: tally.bytes,
			});
			if (outcome.kind === "restored" || (outcome.kind === "identical" && record.missingSince !== undefined)) back.push(record.path);
			tally.add(record.path, outcome);
		}
	} finally {
		// Also after a cancel: what landed is in the vault and must not stay marked missing.
		if (back.length > 0) await deps.reindex(back);
	}
	return tally.finish();
}
