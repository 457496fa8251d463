/** What the restore and free-up-space commands say when they finish, in plain words. */
import type { FreeSpacePlan, FreeSpaceResult, RestoreSummary } from "../../core/restore/restore-types";
import { formatBytes } from "../backup/backup-units";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function restoreSummaryText(s: RestoreSummary, where: string): string {
	const lines: string[] = [];
	if (s.restored.length + s.identical.length + s.conflicts.length + s.failed.length === 0) lines.push("Nothing to restore.");
	if (s.restored.length > 0) lines.push(`Restored ${plural(s.restored.length, "photo")} (${formatBytes(s.bytes)}) into ${where}, each checked by SHA-256.`);
	const unverified = s.restored.filter((f) => !f.verifiedCopy).length;
	if (unverified > 0) lines.push(`${unverified} came from copies not verified before; their SHA-256 matched.`);
	if (s.identical.length > 0) lines.push(`${plural(s.identical.length, "photo")} already there.`);
	if (s.conflicts.length > 0) lines.push(`${plural(s.conflicts.length, "different file")} found in the way, left alone: ${s.conflicts.map((c) => c.path).join(", ")}.`);
	for (const f of s.failed.slice(0, 5)) lines.push(`Not restored: ${f.path}: ${f.reason}`);
	if (s.failed.length > 5) lines.push(`…and ${s.failed.length - 5} more not restored.`);
	if (s.cancelled) lines.push("Cancelled; what was restored is kept.");
	return lines.join("\n");
}

/** The confirmation of "Free up space": what goes, how much it frees, where it goes, what stays. */
export function freeSpacePlanText(plan: FreeSpacePlan): string {
	if (plan.items.length === 0) {
		return `No original can go: none has copies verified by hash within ${plan.policy.maxAgeDays} days on ${plan.policy.minCopies} targets. Run "Verify backups thoroughly" first.`;
	}
	return `${plural(plan.items.length, "original")} (${formatBytes(plan.bytes)}) have copies verified by hash within ${plan.policy.maxAgeDays} days on at least ${plan.policy.minCopies} targets, `
		+ `and can go to ${plan.trash}. Their notes stay, with your text, tags and albums, and say where each original is; `
		+ `"Restore original of current photo" brings one back. ${plural(plan.kept.length, "other original")} stay${plan.kept.length === 1 ? "s" : ""}.`;
}

export function freeSpaceResultText(r: FreeSpaceResult): string {
	const lines = [`Freed ${formatBytes(r.bytes)}: ${plural(r.removed.length, "original")} moved to the trash.`];
	for (const s of r.skipped.slice(0, 5)) lines.push(`Kept ${s.path}: ${s.reason}`);
	for (const f of r.failed.slice(0, 5)) lines.push(`Not removed: ${f.path}: ${f.reason}`);
	if (r.cancelled) lines.push("Cancelled.");
	return lines.join("\n");
}
