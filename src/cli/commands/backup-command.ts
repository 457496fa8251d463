/** `photo-archivist backup <vault>`: bring the index up to date, then back the originals up to the targets. */
import type { IndexSummary } from "../../core/engine-types";
import { checkTargetSelection } from "../backup-config";
import { listenForInterrupt } from "../interrupt";
import { credentialsText } from "../target-password";
import { backupProgressText, indexProgressText, progressLine } from "../progress-line";
import { openVault } from "../vault";
import { formatSummary } from "./index-command";
import { backupExitCode, backupJson, formatBackupSummary } from "./backup-report";

export interface BackupCommandOptions {
	vault: string;
	/** Only these target ids; default every enabled target. */
	targets?: string[];
	json: boolean;
	/** Index first (the default), so a scheduled run backs up what is in the vault now. */
	index: boolean;
	configDir?: string;
}

export async function backupCommand(o: BackupCommandOptions): Promise<number> {
	const vault = await openVault(o.vault, o.configDir);
	checkTargetSelection(vault.root, vault.backupSettings.targets, o.targets);
	const progress = progressLine();
	const interrupt = listenForInterrupt();
	try {
		let index: IndexSummary | undefined;
		if (o.index) {
			index = await vault.engine.indexAll({
				signal: interrupt.signal,
				onProgress: (p) => progress.show(`indexing: ${indexProgressText(p)}`, p.done >= p.total),
			});
			progress.done();
			if (!o.json) process.stdout.write(`Index: ${formatSummary(index)}\n`);
			if (index.cancelled) {
				if (o.json) process.stdout.write(JSON.stringify(backupJson({ targets: [], cancelled: true }, index), null, 2) + "\n");
				return interrupt.exitCode;
			}
		}
		const summary = await vault.engine.backup.backup({
			...(o.targets ? { targetIds: o.targets } : {}),
			signal: interrupt.signal,
			onProgress: (p) => progress.show(backupProgressText(p), p.filesDone >= p.filesTotal),
		});
		progress.done();
		const credentials = (id: string): string | null => {
			const target = vault.backupSettings.targets.find((t) => t.id === id);
			return target ? credentialsText(target) : null;
		};
		process.stdout.write((o.json ? JSON.stringify(backupJson(summary, index), null, 2) : formatBackupSummary(summary, credentials)) + "\n");
		return summary.cancelled ? interrupt.exitCode : backupExitCode(summary);
	} finally {
		interrupt.dispose();
	}
}
