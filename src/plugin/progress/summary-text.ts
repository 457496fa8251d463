/** The end-of-run summary in plain words: every count, and the first failures with their reasons. */
import type { IndexFailure, IndexSummary } from "../../core/engine-types";

export const REPORT_COMMAND_NAME = "Show last index report";

function plural(n: number, one: string, many: string): string {
	return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

export function countsText(summary: IndexSummary): string {
	const n = (value: number): string => value.toLocaleString();
	return (
		`Indexed ${plural(summary.indexed, "file", "files")}: ${n(summary.created)} new, ${n(summary.updated)} updated, ` +
		`${n(summary.moved)} moved, ${n(summary.unchanged)} unchanged, ${n(summary.missing)} missing, ${n(summary.failed.length)} failed.`
	);
}

export function failureLine(failure: IndexFailure): string {
	return `${failure.path}: ${failure.reason}`;
}

/** The first `shown` failures, and where to find the rest. */
export function failuresText(failed: readonly IndexFailure[], shown: number): string {
	if (failed.length === 0) return "";
	const lines = failed.slice(0, shown).map((f) => `• ${failureLine(f)}`);
	if (failed.length > shown) {
		lines.push(`…and ${plural(failed.length - shown, "other", "others")}: run “${REPORT_COMMAND_NAME}” to see them all.`);
	}
	return lines.join("\n");
}

export function summaryText(summary: IndexSummary, shownFailures = 3): string {
	const head = summary.cancelled ? "Indexing cancelled; what was done is kept." : "Indexing finished.";
	const lines = [head, `${plural(summary.photos, "photo", "photos")} in the index.`, countsText(summary)];
	const failures = failuresText(summary.failed, shownFailures);
	if (failures !== "") lines.push(failures);
	return lines.join("\n");
}
