/** The end of an export in plain words, the same in the plugin's notice and the CLI's output. */
import type { ExportSummary } from "./export-types";

/** "850 kB", "12 MB", "4.61 GB": decimal units, as file managers show them. */
export function sizeText(bytes: number): string {
	if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
	if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
	return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

/**
 * One line per fact, then one per photo resized or left out with its reason. `where` names the saved
 * archives as the user reads them (one, or each part of a split export, listed under the first line).
 */
export function exportSummaryLines(s: ExportSummary, where: readonly string[]): string[] {
	const what = `Exported ${plural(s.photos, "photo")} of "${s.album}" (${sizeText(s.bytes)})`;
	const lines = where.length === 1
		? [`${what} to ${where[0] ?? ""}.`]
		: [`${what} in ${where.length} ZIP archives, each complete on its own:`, ...where.map((path) => `  ${path}`)];
	if (s.locationRemoved > 0) lines.push(`Location removed from ${plural(s.locationRemoved, "copy", "copies")}.`);
	if (s.resized > 0) lines.push(`${plural(s.resized, "resized copy", "resized copies")}.`);
	if (s.notResized.length > 0) lines.push(`${plural(s.notResized.length, "photo")} exported as the original:`);
	for (const issue of s.notResized) lines.push(`  ${issue.path}: ${issue.reason}`);
	if (s.leftOut.length > 0) lines.push(`${plural(s.leftOut.length, "photo")} left out:`);
	for (const issue of s.leftOut) lines.push(`  ${issue.path}: ${issue.reason}`);
	return lines;
}
