/**
 * Writes what a verification found into the target's manifest: the time of a matching hash (`verifiedAt`),
 * or the fault, which makes the next backup upload the photo again. A copy replaced in the manifest while
 * the check ran (a backup landed there meanwhile) is left as the backup recorded it.
 */
import type { CopyFault, ManifestEntry } from "../backup/manifest";
import type { ManifestStore } from "../backup/manifest-store";
import type { Log } from "../ports/log";

export type Finding =
	/** Hashed and found identical. */
	| { entry: ManifestEntry; verdict: "verified" }
	/** Listed with the right size (quick): says nothing of the bytes. */
	| { entry: ManifestEntry; verdict: "present" }
	| { entry: ManifestEntry; verdict: CopyFault };

function updated(current: ManifestEntry, finding: Finding, at: string): ManifestEntry | null {
	const next: ManifestEntry = { ...current };
	if (finding.verdict === "verified") {
		next.verifiedAt = at;
		delete next.fault;
		delete next.faultAt;
		return next;
	}
	if (finding.verdict === "present") {
		// A copy found missing that is back in place with its size (a NAS share remounted) is no longer missing;
		// a damaged one stays damaged until a hash says otherwise.
		if (current.fault !== "missing") return null;
		delete next.fault;
		delete next.faultAt;
		return next;
	}
	if (current.fault === finding.verdict) return null;
	next.fault = finding.verdict;
	next.faultAt = at;
	// A copy found bad is no longer one verified good: nothing may count on it (freeing space, restoring).
	delete next.verifiedAt;
	return next;
}

/** Records the findings; returns the entries changed (as they are now). Saves the manifest before returning. */
export async function recordFindings(store: ManifestStore, findings: readonly Finding[], now: () => Date, log: Log): Promise<ManifestEntry[]> {
	const changed: ManifestEntry[] = [];
	for (const finding of findings) {
		const current = store.manifest.at(finding.entry.remotePath);
		if (current === undefined || current.sha256 !== finding.entry.sha256 || current.uploadedAt !== finding.entry.uploadedAt) continue;
		const next = updated(current, finding, now().toISOString());
		if (next === null) continue;
		changed.push(next);
		try {
			await store.record(next);
		} catch (error) {
			// The entry is changed in memory; the next save (the flush below, or the next run's) writes it.
			log.warn(`Backup manifest of "${store.targetId}" could not be saved`, error);
		}
	}
	try {
		await store.flush();
	} catch (error) {
		log.warn(`Backup manifest of "${store.targetId}" could not be saved`, error);
	}
	return changed;
}
