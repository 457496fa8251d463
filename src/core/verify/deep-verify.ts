/**
 * The thorough check: reads copies back from the target (in ranges, bounded memory) and compares their
 * SHA-256 with the manifest's. A few copies at a time; a target that refuses us as a whole stops the run.
 */
import type { ManifestEntry } from "../backup/manifest";
import { hashRemote } from "../backup/remote-hash";
import { isCiphertextError } from "../crypt/crypt-errors";
import { describeError } from "../model/errors";
import { TargetError } from "../model/target-error";
import type { Target } from "../ports/target";
import { runPool } from "../util/run-pool";

export type ReadOutcome =
	| { entry: ManifestEntry; state: "verified" }
	| { entry: ManifestEntry; state: "missing" | "corrupt"; detail: string }
	| { entry: ManifestEntry; state: "unchecked"; reason: string };

export interface ReadBack {
	outcomes: ReadOutcome[];
	bytesRead: number;
	stopped?: string;
}

export interface ReadBackOptions {
	concurrency: number;
	signal?: AbortSignal;
	onCopy?: (done: number, bytes: number, path: string) => void;
}

export async function readBack(target: Target, entries: readonly ManifestEntry[], options: ReadBackOptions): Promise<ReadBack> {
	const result: ReadBack = { outcomes: [], bytesRead: 0 };
	const stop = new AbortController();
	const abort = (): void => stop.abort();
	options.signal?.addEventListener("abort", abort);
	if (options.signal?.aborted) stop.abort();
	try {
		await runPool(entries, options.concurrency, async (entry) => {
			try {
				const hash = await hashRemote(target, entry.remotePath, entry.size, stop.signal);
				result.bytesRead += entry.size;
				result.outcomes.push(hash === entry.sha256
					? { entry, state: "verified" }
					: { entry, state: "corrupt", detail: hash === "" ? "shorter than it should be" : "its SHA-256 differs from the original's" });
			} catch (error) {
				if (stop.signal.aborted) return;
				if (isCiphertextError(error)) {
					// An encrypted copy whose blocks no longer authenticate is damaged, like a hash mismatch.
					result.outcomes.push({ entry, state: "corrupt", detail: describeError(error) });
				} else if (error instanceof TargetError && error.code === "not-found") {
					result.outcomes.push({ entry, state: "missing", detail: "not on the server" });
				} else if (error instanceof TargetError && error.stopsTarget) {
					result.stopped = error.message;
					stop.abort();
				} else result.outcomes.push({ entry, state: "unchecked", reason: `could not be read: ${describeError(error)}` });
			}
			options.onCopy?.(result.outcomes.length, result.bytesRead, entry.remotePath);
		}, stop.signal);
	} finally {
		options.signal?.removeEventListener("abort", abort);
	}
	return result;
}
