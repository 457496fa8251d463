/** `photo-archivist status <vault>`: the 3-2-1 status of the library and each target, as the status view shows it. */
import type { LibraryStatus, TargetStatus } from "../../core/status/library-status";
import {
	backedUpText, freeSpaceText, lastRunText, lastVerificationText, pendingText, riskReason, statusHeadline, threeTwoOneLine,
} from "../../core/status/status-text";
import { openVault } from "../vault";

export interface StatusCommandOptions {
	vault: string;
	json: boolean;
	configDir?: string;
	/** Ask each enabled target for its free space (default true); at most this long in all. */
	freeSpaceTimeoutMs?: number;
}

/** Enough to act on in a terminal; --json has them all. */
const LISTED = 20;

function targetBlock(t: TargetStatus): string {
	const where = `${t.medium}, ${t.offsite ? "offsite" : "onsite"}${t.enabled ? "" : ", disabled"}`;
	const rows: [string, string][] = [
		["backed up", backedUpText(t)],
		["pending", pendingText(t)],
		["failed", String(t.failed)],
		["last run", lastRunText(t.lastRun)],
		["last verification", lastVerificationText(t.lastVerification)],
		["free space", freeSpaceText(t)],
	];
	return [`${t.name} [${t.id}] (${where})`, ...rows.map(([k, v]) => `  ${`${k}:`.padEnd(19)}${v}`)].join("\n");
}

export function formatStatus(status: LibraryStatus): string {
	const lines = [
		statusHeadline(status),
		`${threeTwoOneLine(status)}; ${status.onlyOneCopy.toLocaleString("en-US")} with only one copy` +
			(status.missingOriginals > 0 ? `; ${status.missingOriginals.toLocaleString("en-US")} originals gone from the vault` : ""),
	];
	for (const target of status.targets) lines.push("", targetBlock(target));
	if (status.folders.length > 0) {
		lines.push("", "Folders at risk:");
		for (const f of status.folders.slice(0, LISTED)) lines.push(`  ${f.folder === "" ? "(vault root)" : f.folder}: ${f.atRisk} of ${f.photos} photos`);
		if (status.folders.length > LISTED) lines.push(`  … and ${status.folders.length - LISTED} more folders (--json lists them all)`);
	}
	if (status.atRisk.length > 0) {
		lines.push("", `Photos at risk (${status.atRisk.length.toLocaleString("en-US")}):`);
		for (const p of status.atRisk.slice(0, LISTED)) lines.push(`  ${p.path}: ${riskReason(p)} (note: ${p.note})`);
		if (status.atRisk.length > LISTED) lines.push(`  … and ${(status.atRisk.length - LISTED).toLocaleString("en-US")} more (--json lists them all)`);
	}
	return lines.join("\n");
}

/** Exit status 0 whenever the status could be read (whether all is well is in the output); 2 for a wrong vault. */
export async function statusCommand(o: StatusCommandOptions): Promise<number> {
	const vault = await openVault(o.vault, o.configDir);
	if (vault.backupSettings.targets.some((t) => t.enabled)) {
		// A server that does not answer must not hold the status up: free space is a nicety, recorded when known.
		await vault.engine.status.refreshFreeSpace({ signal: AbortSignal.timeout(o.freeSpaceTimeoutMs ?? 15_000) });
	}
	const status = await vault.engine.status.compute();
	process.stdout.write((o.json ? JSON.stringify(status, null, 2) : formatStatus(status)) + "\n");
	return 0;
}
