/**
 * "Free up space", like a phone's optimized storage: the dry run lists the originals that may go (and why
 * the others stay); acting moves exactly those to the trash, each checked again first, and marks their
 * notes "offloaded" so neither the index nor the user mistakes them for lost photos.
 */
import type { BackupLedger } from "../backup/backup-ledger";
import { describeError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import type { FileStore } from "../ports/file-store";
import type { Trash } from "../ports/file-writer";
import { judgeOffload } from "./free-space-rule";
import type { FreeSpaceItem, FreeSpacePlan, FreeSpacePolicy, FreeSpaceResult, RestoreRunOptions } from "./restore-types";

/** Notes marked (and the index saved) every so many removals, so an interrupted run leaves few unmarked. */
const MARK_EVERY = 25;

export interface FreeSpaceDeps {
	ledger: BackupLedger;
	files: FileStore;
	trash?: Trash;
	now: () => Date;
	records: () => Promise<Iterable<PhotoRecord>>;
	current: (path: string) => PhotoRecord | undefined;
	/** Marks these photos offloaded in the index and their notes, and saves the index. */
	markOffloaded: (paths: readonly string[]) => Promise<void>;
}

export async function planFreeSpace(deps: FreeSpaceDeps, policy: FreeSpacePolicy, paths?: readonly string[]): Promise<FreeSpacePlan> {
	await deps.ledger.load();
	const now = deps.now();
	const wanted = paths === undefined ? null : new Set(paths);
	const plan: FreeSpacePlan = { policy, at: now.toISOString(), items: [], bytes: 0, kept: [], trash: deps.trash?.description ?? "nowhere" };
	for (const record of await deps.records()) {
		if (record.missingSince !== undefined || (wanted !== null && !wanted.has(record.path))) continue;
		const judgement = await judgeOffload(deps.ledger, record, policy, now);
		if (!judgement.ok) plan.kept.push({ path: record.path, reason: judgement.reason });
		else {
			plan.items.push({ path: record.path, size: record.size, sha256: record.sha256, targets: judgement.targets });
			plan.bytes += record.size;
		}
	}
	plan.items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return plan;
}

/** Why `item` may no longer go, or null when it still may. */
async function recheck(deps: FreeSpaceDeps, item: FreeSpaceItem, policy: FreeSpacePolicy): Promise<string | null> {
	const record = deps.current(item.path);
	if (record === undefined || record.missingSince !== undefined) return "the original is no longer in the vault";
	if (record.sha256 !== item.sha256) return "the photo changed since the dry run";
	const judgement = await judgeOffload(deps.ledger, record, policy, deps.now());
	if (!judgement.ok) return judgement.reason;
	const entry = await deps.files.stat(item.path);
	if (entry === null) return "the original is no longer in the vault";
	// The copies were checked against the indexed content: a file edited since might differ from them.
	if (entry.size !== record.size || entry.mtimeMs !== record.mtimeMs) return "the file changed since it was indexed: index it and back it up first";
	return null;
}

export async function freeSpace(deps: FreeSpaceDeps, plan: FreeSpacePlan, options: RestoreRunOptions = {}): Promise<FreeSpaceResult> {
	const result: FreeSpaceResult = { removed: [], bytes: 0, skipped: [], failed: [], cancelled: false };
	const trash = deps.trash;
	if (trash === undefined) {
		result.failed = plan.items.map((i) => ({ path: i.path, reason: "originals cannot be moved to a trash here" }));
		return result;
	}
	await deps.ledger.load();
	// Loads the index when this engine has not yet, so `current` sees it.
	await deps.records();
	let unmarked: string[] = [];
	const mark = async (): Promise<void> => {
		const paths = unmarked;
		unmarked = [];
		if (paths.length > 0) await deps.markOffloaded(paths);
	};
	let done = 0;
	options.onProgress?.({ done, total: plan.items.length, bytesDone: 0 });
	try {
		for (const item of plan.items) {
			if (options.signal?.aborted) break;
			const refused = await recheck(deps, item, plan.policy);
			if (refused !== null) result.skipped.push({ path: item.path, reason: refused });
			else {
				try {
					await trash.trash(item.path);
					result.removed.push(item);
					result.bytes += item.size;
					unmarked.push(item.path);
				} catch (error) {
					result.failed.push({ path: item.path, reason: `could not be moved to ${trash.description}: ${describeError(error)}` });
				}
			}
			options.onProgress?.({ done: ++done, total: plan.items.length, bytesDone: result.bytes, path: item.path });
			if (unmarked.length >= MARK_EVERY) await mark();
		}
	} finally {
		await mark();
	}
	result.cancelled = options.signal?.aborted ?? false;
	return result;
}
