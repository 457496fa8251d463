/** `photo-archivist index <vault> [--json]`: index the vault's photo folders and write the notes. */
import type { IndexSummary } from "../../core/engine-types";
import { openVault } from "../vault";
import { progressLine } from "../progress-line";

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
	const controller = new AbortController();
	const onSignal = (): void => controller.abort();
	process.once("SIGINT", onSignal);
	try {
		const summary = await vault.engine.indexAll({ onProgress: progress.update, signal: controller.signal });
		progress.done();
		process.stdout.write(json ? JSON.stringify(summary, null, 2) + "\n" : formatSummary(summary) + "\n");
		if (!json) process.stdout.write(`Notes are in ${vault.root}/${vault.settings.notesFolder}\n`);
		return summary.cancelled ? 130 : 0;
	} finally {
		process.off("SIGINT", onSignal);
	}
}
