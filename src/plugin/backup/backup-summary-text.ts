/** The end of a backup run in plain words: per target "up to date", or what failed and why. */
import type { BackupFailure, BackupSummary, TargetRunResult } from "../../core/backup/backup-types";
import { formatBytes } from "./backup-units";

function plural(n: number, one: string, many: string): string {
	return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** Whether the run left something for the user to act on. */
export function needsAttention(summary: BackupSummary): boolean {
	return summary.targets.some((t) => t.stopped !== undefined || t.failed.length > 0 || t.conflicts.length > 0);
}

/**
 * What the run left to act on, one entry per problem (a stopped target, a failed photo, a conflict) with
 * its reason and without counts. Parallel uploads fail in a different order each run, and the counts move
 * as new photos land: neither makes a problem new.
 */
export function attentionItems(summary: BackupSummary): Set<string> {
	const items = new Set<string>();
	for (const t of summary.targets) {
		if (t.stopped !== undefined) items.add(JSON.stringify([t.targetId, "stopped", t.stopped]));
		for (const f of t.failed) items.add(JSON.stringify([t.targetId, "failed", f.path, f.reason]));
		for (const c of t.conflicts) items.add(JSON.stringify([t.targetId, "conflict", c.path, c.remotePath]));
	}
	return items;
}

function countsText(result: TargetRunResult): string {
	const parts = [`${plural(result.uploaded, "photo", "photos")} uploaded`];
	if (result.bytes > 0) parts[0] += ` (${formatBytes(result.bytes)})`;
	parts.push(`${result.skipped.toLocaleString()} already there`);
	if (result.failed.length > 0) parts.push(`${result.failed.length.toLocaleString()} failed`);
	return parts.join(", ");
}

/** One line per target: the verdict first, then the counts. */
export function targetLine(result: TargetRunResult): string {
	if (result.stopped !== undefined) return `${result.name}: stopped. ${result.stopped}`;
	const conflicts =
		result.conflicts.length > 0
			? ` ${plural(result.conflicts.length, "photo differs", "photos differ")} from a file already there: both were kept.`
			: "";
	if (result.upToDate) return `${result.name}: up to date (${countsText(result)}).${conflicts}`;
	return `${result.name}: ${countsText(result)}.${conflicts}`;
}

export function failureLine(failure: BackupFailure): string {
	return `${failure.path}: ${failure.reason}`;
}

export function summaryHead(summary: BackupSummary): string {
	if (summary.cancelled) return "Backup cancelled; what was uploaded is kept, and the next backup goes on from there.";
	return needsAttention(summary) ? "Backup finished, with problems." : "Backup finished.";
}

/** The short version for a Notice: the verdict of each target and the first failures. */
export function backupSummaryText(summary: BackupSummary, shownFailures = 3): string {
	const lines = [summaryHead(summary), ...summary.targets.map(targetLine)];
	const failures = summary.targets.flatMap((t) => t.failed.map((f) => ({ ...f, path: `${t.name}: ${f.path}` })));
	for (const failure of failures.slice(0, shownFailures)) lines.push(`• ${failureLine(failure)}`);
	if (failures.length > shownFailures) lines.push(`…and ${plural(failures.length - shownFailures, "other", "others")}.`);
	return lines.join("\n");
}

export const NO_TARGETS_TEXT = "No backup target is set up yet. Add one under Settings → Photo Archivist → Backup targets.";
