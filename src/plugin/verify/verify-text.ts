/** The words the verification commands show: progress, the closing notice, and each target's lines in the report. */
import { faultText } from "../../core/verify/copy-fault";
import type { TargetVerifyResult, VerifyProgress, VerifySummary } from "../../core/verify/verify-types";
import { formatBytes } from "../../core/notes/format-values";

export function verifyProgressText(p: VerifyProgress): string {
	if (p.phase === "listing") return `Verifying ${p.targetName}: listing folders ${p.done}/${p.total}`;
	return `Verifying ${p.targetName}: reading copies ${p.done}/${p.total} (${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)})`;
}

function count(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** "NAS: all 1,204 copies in place" / "NAS: 2 problems" / "NAS: could not be verified: …" */
export function targetVerdict(t: TargetVerifyResult): string {
	if (t.stopped !== undefined) return `${t.name}: could not be verified: ${t.stopped}`;
	const read = t.deep ? `, ${count(t.verified, "copy", "copies")} identical to the original${t.samplePercent !== undefined ? ` (${t.samplePercent}% read this time)` : ""}` : "";
	if (t.ok) return `${t.name}: all ${count(t.copies, "copy", "copies")} in place${read}`;
	const parts: string[] = [];
	if (t.problems.length > 0) parts.push(count(t.problems.length, "copy", "copies") + " missing or damaged");
	if (t.failed.length > 0) parts.push(`${count(t.failed.length, "item")} could not be checked`);
	return `${t.name}: ${parts.join(", ")}${read}`;
}

/** The closing notice: one line per target, and what happens next when something is wrong. */
export function verifySummaryText(summary: VerifySummary): string {
	if (summary.targets.length === 0) return "No backup target to verify: set one up in the settings.";
	const lines = summary.targets.map(targetVerdict);
	const requeued = summary.targets.reduce((n, t) => n + t.problems.filter((p) => p.requeued).length, 0);
	if (requeued > 0) lines.push(`${count(requeued, "photo")} will be uploaded again by the next backup.`);
	if (summary.cancelled) lines.push("Cancelled: what was checked is recorded.");
	if (summary.targets.some((t) => !t.ok || t.extra.length > 0)) lines.push("Click for the full report.");
	return lines.join("\n");
}

/** The report's list for one target: every fault, unchecked item, kept damaged copy and extra file. */
export function targetDetails(t: TargetVerifyResult): string[] {
	const lines: string[] = [];
	for (const p of t.problems) {
		const next = p.requeued ? "uploaded again by the next backup" : "the original is no longer in the vault either: restore it from another target";
		lines.push(`${p.remotePath}: ${faultText(p.fault, t.name)} (${p.detail}); ${next}.`);
	}
	for (const f of t.failed) lines.push(`${f.path}: not checked, ${f.reason}.`);
	for (const r of t.replaced) lines.push(`${r.remotePath}: ${faultText(r.fault, t.name)}, kept; a sound copy is at ${r.replacedBy}.`);
	for (const e of t.extra) lines.push(`${e.remotePath} (${formatBytes(e.size)}): not one of our copies; left alone.`);
	return lines;
}
