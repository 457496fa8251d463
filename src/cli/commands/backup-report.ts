/** What `photo-archivist backup` prints at the end (text or JSON), and the exit status a scheduler sees. */
import type { BackupSummary, TargetRunResult } from "../../core/backup/backup-types";
import type { IndexSummary } from "../../core/engine-types";
import { formatBytes } from "../format-units";

/** Everything backed up (conflicts included: both copies are kept, and listed). */
export const EXIT_OK = 0;
/** A file failed or a target was stopped (wrong password, server full, TLS): the job shows as failed. */
export const EXIT_FAILED = 1;

export function backupExitCode(summary: BackupSummary): number {
	const failed = summary.targets.some((t) => t.stopped !== undefined || t.failed.length > 0);
	return failed ? EXIT_FAILED : EXIT_OK;
}

export function backupJson(summary: BackupSummary, index?: IndexSummary): Record<string, unknown> {
	const sum = (pick: (t: TargetRunResult) => number): number => summary.targets.reduce((n, t) => n + pick(t), 0);
	return {
		...(index ? { index } : {}),
		targets: summary.targets.map((t) => ({
			id: t.targetId,
			name: t.name,
			uploaded: t.uploaded,
			skipped: t.skipped,
			failed: t.failed,
			bytes: t.bytes,
			conflicts: t.conflicts,
			...(t.stopped !== undefined ? { stopped: t.stopped } : {}),
			upToDate: t.upToDate,
		})),
		cancelled: summary.cancelled,
		uploaded: sum((t) => t.uploaded),
		skipped: sum((t) => t.skipped),
		failed: sum((t) => t.failed.length),
		bytes: sum((t) => t.bytes),
	};
}

/** `credentials` says, for a stopped target, whose password was tried and where it came from. */
export function formatBackupSummary(summary: BackupSummary, credentials: (targetId: string) => string | null = () => null): string {
	const lines: string[] = [];
	for (const t of summary.targets) {
		const counts = `${t.uploaded} uploaded (${formatBytes(t.bytes)}), ${t.skipped} already there`;
		if (t.stopped !== undefined) {
			lines.push(`${t.name}: stopped: ${t.stopped}`);
			const used = credentials(t.targetId);
			if (used !== null) lines.push(`  (${used})`);
			if (t.uploaded + t.skipped > 0) lines.push(`  before that: ${counts}`);
		} else if (t.upToDate) lines.push(`${t.name}: Up to date — ${counts}`);
		else lines.push(`${t.name}: ${t.failed.length} failed — ${counts}`);
		for (const f of t.failed) lines.push(`  failed: ${f.path}: ${f.reason}`);
		for (const c of t.conflicts) {
			lines.push(`  conflict: ${c.path}: another file was already at ${c.remotePath}; both kept, this photo as ${c.keptAs}`);
		}
	}
	if (summary.cancelled) lines.push("Cancelled: the next run goes on where this one stopped.");
	return lines.join("\n");
}
