/** `photo-archivist restore <vault>`: put missing originals back from the targets, or rebuild a library into a folder. */
import { resolve } from "node:path";
import { createNodeLocalFs } from "../../adapters/node/node-local-fs";
import { localFolderDestination } from "../../core/restore/local-folder";
import type { RestoreSummary } from "../../core/restore/restore-types";
import { unknownTarget } from "../backup-config";
import { formatBytes } from "../format-units";
import { listenForInterrupt } from "../interrupt";
import { progressLine } from "../progress-line";
import { UsageError } from "../usage-error";
import { openVault } from "../vault";

export interface RestoreCommandOptions {
	vault: string;
	target?: string;
	/** "missing" (the default) puts originals back into the vault; "all" rebuilds the target's library in `into`. */
	mode: "missing" | "all";
	into?: string;
	includeOffloaded: boolean;
	json: boolean;
	configDir?: string;
}

export function formatRestoreSummary(s: RestoreSummary, where: string): string {
	const lines: string[] = [];
	const unverified = s.restored.filter((f) => !f.verifiedCopy).length;
	if (s.restored.length + s.identical.length + s.conflicts.length + s.failed.length === 0) lines.push("Nothing to restore.");
	if (s.restored.length > 0) {
		lines.push(`Restored ${s.restored.length} file${s.restored.length === 1 ? "" : "s"} (${formatBytes(s.bytes)}) into ${where}, each checked by SHA-256.`);
	}
	if (unverified > 0) lines.push(`${unverified} came from copies never verified by hash before (their SHA-256 matched on download).`);
	if (s.identical.length > 0) lines.push(`${s.identical.length} already there with the same content.`);
	if (s.olderVersions > 0) lines.push(`${s.olderVersions} older version${s.olderVersions === 1 ? "" : "s"} of edited photos left on the target (the newest was restored).`);
	for (const c of s.conflicts) lines.push(`kept  ${c.path}: ${c.reason}`);
	for (const f of s.failed) lines.push(`failed  ${f.path}: ${f.reason}`);
	if (s.cancelled) lines.push("Cancelled; what was restored is kept.");
	return lines.join("\n");
}

export async function restoreCommand(o: RestoreCommandOptions): Promise<number> {
	const vault = await openVault(o.vault, o.configDir);
	const known = vault.backupSettings.targets;
	if (known.length === 0) throw new UsageError("this vault has no backup targets to restore from");
	if (o.target !== undefined && !known.some((t) => t.id === o.target)) throw new UsageError(unknownTarget(o.target, known.map((t) => t.id)));
	const progress = progressLine();
	const interrupt = listenForInterrupt();
	try {
		const onProgress = (p: { done: number; total: number; bytesDone: number }): void =>
			progress.show(`restoring ${p.done}/${p.total} · ${formatBytes(p.bytesDone)}`, p.done >= p.total);
		let summary: RestoreSummary;
		let where: string;
		if (o.mode === "all") {
			if (o.into === undefined) throw new UsageError("restore --all needs --into DIR, the folder to rebuild the library in");
			const targetId = o.target ?? (known.length === 1 ? known[0]?.id : undefined);
			if (targetId === undefined) throw new UsageError(`restore --all needs --target ID (known: ${known.map((t) => t.id).join(", ")})`);
			where = resolve(o.into);
			summary = await vault.engine.restore.restoreAll({
				targetId, into: localFolderDestination(createNodeLocalFs(), where), signal: interrupt.signal, onProgress,
			});
		} else {
			where = vault.root;
			summary = await vault.engine.restore.restoreMissing({
				...(o.target !== undefined ? { targetId: o.target } : {}),
				includeOffloaded: o.includeOffloaded, signal: interrupt.signal, onProgress,
			});
		}
		progress.done();
		process.stdout.write((o.json ? JSON.stringify({ into: where, ...summary }, null, 2) : formatRestoreSummary(summary, where)) + "\n");
		if (summary.cancelled) return interrupt.exitCode;
		return summary.failed.length > 0 || summary.conflicts.length > 0 ? 1 : 0;
	} finally {
		interrupt.dispose();
	}
}
