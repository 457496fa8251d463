/**
 * `photo-archivist duplicates <vault> [--json] [--no-index] [--keep PHOTO]`: identical copies and look-alikes,
 * printed and written to the report note; with --keep, that photo stays and the rest of its group goes to
 * the vault's .trash folder after their notes are merged into its note.
 */
import { basename } from "node:path";
import { normalizeDuplicateSettings } from "../../core/duplicates/duplicate-settings";
import type { DuplicateGroup, DuplicateProgress, DuplicateReport, KeepResult } from "../../core/duplicates/duplicate-types";
import { formatBytes } from "../format-units";
import { listenForInterrupt } from "../interrupt";
import { readPluginData } from "../plugin-data-file";
import { progressLine } from "../progress-line";
import { UsageError } from "../usage-error";
import { openVault } from "../vault";

export interface DuplicatesCommandOptions {
	vault: string;
	json: boolean;
	/** Index first (default true): cheap when nothing changed, and the search sees the vault as it is now. */
	index: boolean;
	/** Keep this photo and move the other members of its group to the trash. */
	keep?: string;
	configDir?: string;
}

function progressText(p: DuplicateProgress): string {
	return `${p.phase === "hashing" ? "hashing previews" : p.phase} ${p.done}/${p.total}${p.path ? `  ${p.path}` : ""}`;
}

function groupText(group: DuplicateGroup, n: number): string {
	const lines = [`${n}. ${group.kind === "identical" ? "identical copies" : "look-alikes"} (${group.members.length})`];
	const first = group.members[0];
	for (const m of group.members) {
		const taken = m.taken === null ? "no date" : m.takenFromFile ? `${m.taken} (file date)` : m.taken;
		const facts = [formatBytes(m.size), taken, m.width !== null && m.height !== null ? `${m.width}x${m.height}` : "", `${m.metadataFields} metadata fields`];
		if (group.kind === "similar" && m !== first && m.distance !== null) facts.push(m.sha256 === first?.sha256 ? "identical" : `${m.distance}/64 bits apart`);
		lines.push(`   ${m.mostMetadata ? "*" : " "} ${m.path}  (${facts.filter((f) => f !== "").join(", ")})`);
	}
	return lines.join("\n");
}

export function formatDuplicateReport(report: DuplicateReport): string {
	const skipped = report.notCompared.map((c) => `${c.count} ${c.reason}`).join(", ");
	const lines = [
		`${report.photos} photos, ${report.compared} compared by picture${skipped ? ` (not compared: ${skipped})` : ""}, ` +
			`${report.hashed} hashed this run; threshold ${report.threshold}/64${report.cancelled ? " (cancelled)" : ""}`,
	];
	lines.push(report.groups.length === 0 ? "No duplicates found." : `${report.groups.length} groups (* = most metadata):`);
	report.groups.forEach((group, i) => lines.push(groupText(group, i + 1)));
	for (const f of report.failed) lines.push(`  not decoded: ${f.path}: ${f.reason}`);
	if (report.note !== null) lines.push(`Report note: ${report.note}`);
	return lines.join("\n");
}

function keepText(result: KeepResult): string {
	const lines = [`Kept ${result.kept}; moved ${result.trashed.length} to ${result.trash}, their notes merged into its note.`];
	for (const path of result.trashed) lines.push(`  trashed: ${path}`);
	for (const f of result.failed) lines.push(`  not moved: ${f.path}: ${f.reason}`);
	return lines.join("\n");
}

/** Exit status 0 when the search (or the keep) ran; 130 when cancelled; 1 when a copy could not be moved. */
export async function duplicatesCommand(o: DuplicatesCommandOptions): Promise<number> {
	const vault = await openVault(o.vault, o.configDir);
	const { threshold } = normalizeDuplicateSettings((await readPluginData(vault.dataFolder)).duplicates);
	const progress = progressLine();
	const interrupt = listenForInterrupt();
	try {
		if (o.index) await vault.engine.indexAll({ signal: interrupt.signal });
		if (interrupt.signal.aborted) return interrupt.exitCode;
		if (o.keep !== undefined) {
			// Hashes any photo not compared yet (cached ones cost nothing), so the group is the one a search would show.
			await vault.engine.duplicates.find({ threshold, signal: interrupt.signal, writeNote: false });
			if (interrupt.signal.aborted) return interrupt.exitCode;
			const group = await vault.engine.duplicates.groupOf(o.keep, { threshold });
			if (group === null) throw new UsageError(`${o.keep} has no duplicates (run duplicates without --keep to list them)`);
			const result = await vault.engine.duplicates.keep(o.keep, group.members.map((m) => m.path).filter((p) => p !== o.keep));
			process.stdout.write((o.json ? JSON.stringify(result, null, 2) : keepText(result)) + "\n");
			return result.failed.length > 0 ? 1 : 0;
		}
		const report = await vault.engine.duplicates.find({
			threshold,
			signal: interrupt.signal,
			vaultName: basename(vault.root),
			onProgress: (p) => progress.show(progressText(p), p.done >= p.total),
		});
		progress.done();
		process.stdout.write((o.json ? JSON.stringify(report, null, 2) : formatDuplicateReport(report)) + "\n");
		return report.cancelled ? interrupt.exitCode : 0;
	} finally {
		interrupt.dispose();
	}
}
