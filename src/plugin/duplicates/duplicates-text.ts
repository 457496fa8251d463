/** The words of duplicate search in notices: progress, how a search ended, what "keep this one" did. */
import type { DuplicateMember, DuplicateProgress, DuplicateReport, KeepResult } from "../../core/duplicates/duplicate-types";
import { formatBytes } from "../backup/backup-units";

const PHASES: Record<DuplicateProgress["phase"], string> = {
	hashing: "Comparing pictures",
	grouping: "Grouping look-alikes",
	report: "Writing the report",
};

function plural(n: number, one: string, many: string): string {
	return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

export function duplicateProgressText(p: DuplicateProgress): string {
	const label = PHASES[p.phase];
	if (p.total <= 0 || p.phase === "report") return `${label}…`;
	return `${label}: ${p.done.toLocaleString()} of ${p.total.toLocaleString()} (${Math.floor((p.done / p.total) * 100)}%)`;
}

/** Calls `show` when the phase changes or another whole percent is done: 50,000 photos are not 50,000 redraws. */
export function throttledDuplicateProgress(show: (text: string) => void): (p: DuplicateProgress) => void {
	let last = "";
	return (p) => {
		const key = `${p.phase}:${p.total > 0 ? Math.floor((p.done / p.total) * 100) : -1}`;
		if (key === last) return;
		last = key;
		show(duplicateProgressText(p));
	};
}

export function findSummaryText(report: DuplicateReport): string {
	if (report.cancelled) return "Duplicate search cancelled. The pictures compared so far are remembered for the next search.";
	const notCompared = report.photos - report.compared;
	const lines: string[] = [];
	if (report.groups.length === 0) {
		lines.push(`No duplicates among ${plural(report.photos, "photo", "photos")}.`);
	} else {
		const identical = report.groups.filter((g) => g.kind === "identical").length;
		lines.push(
			`Found ${plural(report.groups.length, "group", "groups")} of duplicates (${identical.toLocaleString()} of identical copies, ` +
				`${(report.groups.length - identical).toLocaleString()} of look-alikes) among ${plural(report.photos, "photo", "photos")}.`,
		);
	}
	if (notCompared > 0) lines.push(`${plural(notCompared, "photo was", "photos were")} checked for identical copies only (videos, blank pictures, formats this device cannot decode).`);
	if (report.failed.length > 0) lines.push(`${plural(report.failed.length, "file", "files")} could not be decoded; the report note lists the groups found.`);
	if (report.note !== null) lines.push(`The report is in ${report.note}.`);
	return lines.join("\n");
}

export function memberFacts(m: DuplicateMember): string {
	const facts = [formatBytes(m.size)];
	if (m.taken !== null) facts.push(m.takenFromFile ? `file date ${m.taken}` : `taken ${m.taken}`);
	if (m.width !== null && m.height !== null) facts.push(`${m.width} × ${m.height}`);
	facts.push(plural(m.metadataFields, "metadata field", "metadata fields"));
	if (m.distance !== null && m.distance > 0) facts.push(`${m.distance} of 64 bits apart`);
	return facts.join(", ");
}

export function keepResultText(result: KeepResult): string {
	const lines = [
		`Kept ${result.kept}. ${plural(result.trashed.length, "copy", "copies")} moved to ${result.trash}, with ${result.trashed.length === 1 ? "its note" : "their notes"}; ` +
			"tags, albums and text were merged into the kept note.",
	];
	for (const f of result.failed.slice(0, 5)) lines.push(`• ${f.path}: ${f.reason}`);
	if (result.failed.length > 5) lines.push(`…and ${(result.failed.length - 5).toLocaleString()} more not moved.`);
	return lines.join("\n");
}
