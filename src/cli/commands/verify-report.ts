/** What `photo-archivist verify` prints at the end (text or JSON), and the exit status a scheduler sees. */
import type { TargetVerifyResult, VerifySummary } from "../../core/verify/verify-types";
import { faultText } from "../../core/verify/copy-fault";
import { formatBytes } from "../format-units";

/** Every copy there (and, when thorough, every copy read matched its hash). */
export const EXIT_OK = 0;
/** A copy missing or damaged, a copy or folder that could not be checked, or a target that could not be verified. */
export const EXIT_PROBLEM = 1;

export function verifyExitCode(summary: VerifySummary): number {
	return summary.targets.every((t) => t.ok) ? EXIT_OK : EXIT_PROBLEM;
}

export function verifyJson(summary: VerifySummary): Record<string, unknown> {
	return {
		targets: summary.targets.map(({ targetId, ...rest }) => ({ id: targetId, ...rest })),
		ok: summary.targets.every((t) => t.ok),
		problems: summary.targets.reduce((n, t) => n + t.problems.length, 0),
		cancelled: summary.cancelled,
	};
}

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function headline(t: TargetVerifyResult): string {
	if (t.stopped !== undefined) return `${t.name}: could not be verified: ${t.stopped}`;
	const listed = `${plural(t.copies, "copy", "copies")} in ${plural(t.folders, "folder")}, ${t.present.toLocaleString("en-US")} in place with the right size`;
	const requests = `${plural(t.requests, "request")}`;
	const sample = t.samplePercent !== undefined ? ` (${t.samplePercent}% sample)` : "";
	const read = t.deep ? `; ${t.read.toLocaleString("en-US")} read back${sample}, ${t.verified.toLocaleString("en-US")} identical to the original (${formatBytes(t.bytesRead)})` : "";
	const state = t.ok ? "OK" : t.problems.length > 0 ? plural(t.problems.length, "problem") : "not everything could be checked";
	return `${t.name}: ${state} — ${listed}${read}; ${requests}`;
}

export function formatVerifySummary(summary: VerifySummary): string {
	const lines: string[] = [];
	for (const t of summary.targets) {
		lines.push(headline(t));
		for (const p of t.problems) {
			const what = faultText(p.fault, t.name);
			const next = p.requeued ? "the next backup uploads it again" : "its original is no longer in the vault either: restore it from another target";
			lines.push(`  ${what}: ${p.remotePath} (${p.detail}) — ${next}`);
		}
		for (const f of t.failed) lines.push(`  not checked: ${f.path}: ${f.reason}`);
		for (const r of t.replaced) lines.push(`  kept: ${r.remotePath} (${faultText(r.fault, t.name)}), replaced by ${r.replacedBy}; delete it yourself if you wish`);
		for (const e of t.extra) lines.push(`  extra: ${e.remotePath} (${formatBytes(e.size)}) is not one of our copies; left alone`);
	}
	if (summary.targets.length === 0) lines.push("No target to verify.");
	if (summary.cancelled) lines.push("Cancelled: what was checked is recorded.");
	return lines.join("\n");
}
