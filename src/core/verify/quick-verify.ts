/**
 * The quick check of one target: lists each folder the manifest's copies live in (depth 1, a few folders at
 * a time; never Depth: infinity, never a request per file) and compares every expected file's presence and
 * size. Files in those folders that no manifest entry names are reported as extra, never touched.
 */
import type { ManifestEntry } from "../backup/manifest";
import { TARGET_META_FOLDER } from "../backup/remote-path";
import { describeError } from "../model/errors";
import { TargetError } from "../model/target-error";
import type { RemoteFile, Target } from "../ports/target";
import { isTemporaryName } from "../targets/remote-path";
import { runPool } from "../util/run-pool";
import type { ExtraFile } from "./verify-types";

/** Folders listed at once: enough to hide round trips, few enough not to crowd a NAS. */
export const LIST_CONCURRENCY = 4;

export type ListedCopy =
	| { entry: ManifestEntry; state: "present" }
	| { entry: ManifestEntry; state: "missing" | "wrong-size"; detail: string };

export interface QuickCheck {
	/** The copies whose folder was listed. */
	copies: ListedCopy[];
	extra: ExtraFile[];
	/** Folders that could not be listed (their copies are not in `copies`). */
	failed: Array<{ path: string; reason: string }>;
	folders: number;
	/** Set when the target refused us as a whole (wrong password, TLS): nothing after it was asked. */
	stopped?: string;
}

export interface QuickCheckOptions {
	/** Whether a remote path is one of ours (asked after the listing, so copies landing meanwhile are not extra). */
	known: (remotePath: string) => boolean;
	signal?: AbortSignal;
	onFolder?: (done: number, total: number, folder: string) => void;
}

export function folderOf(remotePath: string): string {
	const slash = remotePath.lastIndexOf("/");
	return slash < 0 ? "" : remotePath.slice(0, slash);
}

function isOurs(file: RemoteFile): boolean {
	const name = file.path.slice(file.path.lastIndexOf("/") + 1);
	return file.path.startsWith(`${TARGET_META_FOLDER}/`) || isTemporaryName(name);
}

function bytes(n: number): string {
	return `${n.toLocaleString("en-US")} bytes`;
}

export async function quickCheck(target: Target, entries: readonly ManifestEntry[], options: QuickCheckOptions): Promise<QuickCheck> {
	const byFolder = new Map<string, ManifestEntry[]>();
	for (const entry of entries) {
		const folder = folderOf(entry.remotePath);
		const list = byFolder.get(folder);
		if (list === undefined) byFolder.set(folder, [entry]);
		else list.push(entry);
	}
	const folders = [...byFolder.keys()].sort();
	const listings = new Map<string, RemoteFile[]>();
	const result: QuickCheck = { copies: [], extra: [], failed: [], folders: 0 };
	const stop = new AbortController();
	const abort = (): void => stop.abort();
	options.signal?.addEventListener("abort", abort);
	if (options.signal?.aborted) stop.abort();
	try {
		await runPool(folders, LIST_CONCURRENCY, async (folder) => {
			try {
				const listing = await target.list(folder, stop.signal);
				listings.set(folder, listing.files);
			} catch (error) {
				if (stop.signal.aborted) return;
				if (error instanceof TargetError && error.stopsTarget) {
					result.stopped = error.message;
					stop.abort();
					return;
				}
				result.failed.push({ path: folder === "" ? "/" : folder, reason: `could not be listed: ${describeError(error)}` });
			} finally {
				result.folders++;
				options.onFolder?.(result.folders, folders.length, folder);
			}
		}, stop.signal);
	} finally {
		options.signal?.removeEventListener("abort", abort);
	}
	for (const folder of folders) {
		const files = listings.get(folder);
		if (files === undefined) continue;
		const found = new Map(files.map((f) => [f.path, f]));
		for (const entry of byFolder.get(folder) ?? []) {
			const file = found.get(entry.remotePath);
			if (file === undefined) result.copies.push({ entry, state: "missing", detail: "not on the server" });
			else if (file.size !== entry.size) {
				result.copies.push({ entry, state: "wrong-size", detail: `${bytes(file.size)} instead of ${bytes(entry.size)}` });
			} else result.copies.push({ entry, state: "present" });
		}
		for (const file of files) {
			if (!isOurs(file) && !options.known(file.path)) result.extra.push({ remotePath: file.path, size: file.size });
		}
	}
	result.extra.sort((a, b) => (a.remotePath < b.remotePath ? -1 : a.remotePath > b.remotePath ? 1 : 0));
	return result;
}
