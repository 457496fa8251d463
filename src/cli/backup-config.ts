/** The backup section of data.json as the CLI reads and edits it. */
import { normalizeBackupSettings } from "../core/backup/backup-settings";
import type { BackupSettings } from "../core/backup/backup-types";
import type { TargetConfig } from "../core/model/target-config";
import { isRecord, type PluginDataObject } from "./plugin-data-file";
import { UsageError } from "./usage-error";
import { defaultPasswordEnv } from "./target-config-args";

/** The normalized settings; a target that cannot be used (bad id, unknown kind) is left out with a warning. */
export function backupSettingsOf(data: PluginDataObject): BackupSettings {
	return normalizeBackupSettings(data.backup, "cli", (problem) => process.stderr.write(`warning: ${problem}\n`));
}

/** data.json's `backup.targets` as written, without clean-up (to edit it and keep what we do not know). */
export function rawTargets(data: PluginDataObject): Record<string, unknown>[] {
	const backup = data.backup;
	if (!isRecord(backup) || !Array.isArray(backup.targets)) return [];
	return backup.targets.filter(isRecord);
}

/** Sets `backup.targets` to `targets`, keeping the other keys of `backup` (or creating it). */
export function setRawTargets(data: PluginDataObject, targets: unknown[]): void {
	data.backup = { ...(isRecord(data.backup) ? data.backup : {}), targets };
}

/** How a target gets its password, in words, for `target list` (never the password itself). */
export function passwordSource(target: TargetConfig): string {
	if (!target.username) return "none";
	if (target.passwordFile) return `file ${target.passwordFile}`;
	if (target.passwordEnv) return `environment variable ${target.passwordEnv}`;
	const fallback = `environment variable ${defaultPasswordEnv(target.id)}`;
	return target.passwordSecret ? `Obsidian's secret storage; from the command line: ${fallback}` : fallback;
}

export function unknownTarget(id: string, known: string[]): string {
	return `no target with id "${id}"${known.length > 0 ? ` (targets: ${known.join(", ")})` : " (this vault has no backup targets)"}`;
}

/** Before a run that talks to targets (backup, verify): the named ones exist, or some target is enabled. */
export function checkTargetSelection(vaultRoot: string, known: readonly TargetConfig[], named: readonly string[] | undefined): void {
	if (known.length === 0) throw new UsageError(`this vault has no backup targets: add one with \`photo-archivist target add ${vaultRoot} ...\``);
	for (const id of named ?? []) {
		if (!known.some((t) => t.id === id)) throw new UsageError(unknownTarget(id, known.map((t) => t.id)));
	}
	if (named === undefined && !known.some((t) => t.enabled)) throw new UsageError("every backup target is disabled: name one with --target ID");
}
