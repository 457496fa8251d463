/**
 * Restores one file to a destination from the copies that hold its content, trying the next copy when one
 * is unreachable or damaged. The destination is never overwritten: identical content is skipped, a
 * different file is left alone and reported.
 */
import { describeError } from "../model/errors";
import { FileExistsError } from "../ports/file-writer";
import type { CopyFinder, CopySource } from "./copy-sources";
import type { RestoreDestination, RestoredFile } from "./restore-types";
import { unsafePathReason } from "./safe-path";
import { verifiedDownload } from "./verified-download";

export type RestoreOutcome =
	| { kind: "restored"; file: RestoredFile }
	| { kind: "identical" }
	| { kind: "conflict"; reason: string }
	| { kind: "failed"; reason: string };

export interface RestoreFileRequest {
	destination: RestoreDestination;
	path: string;
	sha256: string;
	size: number;
	copies: readonly CopySource[];
	finder: CopyFinder;
	signal?: AbortSignal;
	onBytes?: (bytes: number) => void;
}

async function existing(r: RestoreFileRequest): Promise<RestoreOutcome | null> {
	const found = await r.destination.stat(r.path);
	if (found === null) return null;
	if (found.size === r.size && (await r.destination.sha256(r.path)) === r.sha256) return { kind: "identical" };
	return { kind: "conflict", reason: `a different file is already at ${r.path} in ${r.destination.label}; it was left alone` };
}

export async function restoreFile(r: RestoreFileRequest): Promise<RestoreOutcome> {
	const unsafe = unsafePathReason(r.path);
	if (unsafe !== null) return { kind: "failed", reason: `refused to write "${r.path}": ${unsafe}` };
	const there = await existing(r);
	if (there !== null) return there;
	if (r.copies.length === 0) return { kind: "failed", reason: "no backup target holds a copy of this photo" };
	const problems: string[] = [];
	for (const copy of r.copies) {
		if (r.signal?.aborted) return { kind: "failed", reason: "cancelled" };
		try {
			const target = await r.finder.target(copy.config);
			await r.destination.writer.writeNew(r.path, verifiedDownload(target, copy.entry, r.signal, r.onBytes));
			return {
				kind: "restored",
				file: { path: r.path, target: copy.config.name, size: r.size, verifiedCopy: copy.entry.verifiedAt !== undefined },
			};
		} catch (error) {
			if (error instanceof FileExistsError) return (await existing(r)) ?? { kind: "failed", reason: describeError(error) };
			problems.push(`${copy.config.name}: ${describeError(error)}`);
		}
	}
	return { kind: "failed", reason: `no copy could be restored (${problems.join("; ")})` };
}
