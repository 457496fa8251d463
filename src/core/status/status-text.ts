/** The status in plain words, the same in the view and the CLI: the headline, each target's last run and check. */
import { formatBytes, formatIsoTime } from "../notes/format-values";
import type { LibraryStatus, TargetStatus } from "./library-status";
import type { LastRun, LastVerification } from "./target-state";

export const UP_TO_DATE = "Up to date";

function plural(count: number, one: string, many = `${one}s`): string {
	return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** One line saying whether the photos are safe, and if not, the most pressing reason. */
export function statusHeadline(status: LibraryStatus): string {
	if (status.enabledTargets === 0) return "Not backed up: no backup target is set up.";
	const pending = Math.max(0, ...status.targets.filter((t) => t.enabled).map((t) => t.pending));
	const troubled = status.targets.filter((t) => t.enabled && (t.lastRun?.outcome === "failed" || t.lastRun?.outcome === "stopped"));
	if (status.allSafe) return `${UP_TO_DATE}: every photo meets 3-2-1.`;
	if (status.upToDate) return `${UP_TO_DATE}, but ${plural(status.atRisk.length, "photo")} of ${status.photos.toLocaleString("en-US")} ${status.atRisk.length === 1 ? "does" : "do"} not meet 3-2-1.`;
	if (troubled.length > 0) return `Needs attention: the last backup to ${troubled.map((t) => t.name).join(", ")} did not finish.`;
	return `Not up to date: ${plural(pending, "photo")} waiting to be backed up.`;
}

export function threeTwoOneLine(status: LibraryStatus): string {
	return `${status.meeting321.toLocaleString("en-US")} of ${plural(status.photos, "photo")} meet 3-2-1 (3 copies, 2 media, 1 offsite)`;
}

export function lastRunText(run: LastRun | undefined): string {
	if (run === undefined) return "never";
	const when = formatIsoTime(run.endedAt, false);
	switch (run.outcome) {
		case "up-to-date": return `${when}, up to date`;
		case "cancelled": return `${when}, cancelled`;
		case "stopped": return `${when}, stopped: ${run.reason ?? "unknown reason"}`;
		case "failed": return `${when}, ${plural(run.failed, "file")} failed${run.reason === undefined ? "" : ` (${run.reason})`}`;
	}
}

export function lastVerificationText(check: LastVerification | undefined): string {
	if (check === undefined) return "never";
	const kind = check.kind === "deep" ? "thorough" : "quick";
	const result = check.problems === 0 ? "all OK" : `${plural(check.problems, "problem")}`;
	return `${formatIsoTime(check.at, false)}, ${kind}, ${plural(check.checked, "copy", "copies")} checked, ${result}`;
}

export function freeSpaceText(target: TargetStatus): string {
	return target.freeSpace === undefined ? "unknown" : `${formatBytes(target.freeSpace.available)} free`;
}

export function backedUpText(target: TargetStatus): string {
	return `${plural(target.photos, "photo")}, ${formatBytes(target.bytes)}`;
}

export function pendingText(target: TargetStatus): string {
	return target.pending === 0 ? "none" : `${plural(target.pending, "photo")}, ${formatBytes(target.pendingBytes)}`;
}

/** Why a photo is at risk, in a few words: "1 copy", "no offsite copy", "one medium". */
export function riskReason(photo: { copies: number; media: readonly string[]; offsite: boolean; missing: boolean }): string {
	const reasons: string[] = [];
	if (photo.missing) reasons.push("original gone from the vault");
	if (photo.copies < 3) reasons.push(photo.copies === 0 ? "no copy left" : plural(photo.copies, "copy", "copies"));
	if (photo.media.length < 2 && photo.copies > 1) reasons.push("all on one medium");
	if (!photo.offsite) reasons.push("no offsite copy");
	return reasons.join(", ");
}
