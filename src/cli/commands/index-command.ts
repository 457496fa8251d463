/** `photo-archivist index <vault> [--json]`: index the vault's photo folders and write the notes. */
import type { IndexSummary } from "../../core/engine-types";
import { listenForInterrupt } from "../interrupt";
import { indexProgressText, progressLine } from "../progress-line";
import { openVault } from "../vault";

export function formatSummary(s: IndexSummary): string {
	const lines = [
		`${s.photos} photos: ${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ` +
			`${s.moved} moved, ${s.missing} missing, ${s.failed.length} failed${s.cancelled ? " (cancelled)" : ""}`,
	];
	for (const f of s.failed) lines.push(`  failed: ${f.path}: ${f.reason}`);
	return lines.join("\n");
}

export async function indexCommand(vaultPath: string, json: boolean, configDir?: string): Promise<number> {
	const vault = await openVault(vaultPath, configDir);
	const progress = progressLine();
	const interrupt = listenForInterrupt();
	try {
		const summary = await vault.engine.indexAll({
			onProgress: (p) => progress.show(indexProgressText(p), p.done >= p.total),
			signal: interrupt.signal,
		});
		progress.done();
		process.stdout.write(json ? JSON.stringify(summary, null, 2) + "\n" : formatSummary(summary) + "\n");
		if (!json) process.stdout.write(`Notes are in ${vault.root}/${vault.settings.notesFolder}\n`);
		return summary.cancelled ? interrupt.exitCode : 0;
	} finally {
		interrupt.dispose();
	}
}
