/**
 * "Restore all from a target into a folder": rebuilds a library from what a target's manifest lists (the
 * local manifest, else the target's own copy, so a new device can do it), each photo at its vault path
 * inside the destination. The vault path rather than the remote one: a target filed by date, or holding
 * conflict names, would otherwise give back a library laid out differently from the one that was lost.
 * When a photo was edited, the target holds each version; the newest is restored.
 */
import type { BackupLedger } from "../backup/backup-ledger";
import type { ManifestEntry } from "../backup/manifest";
import { readRemoteManifest } from "../backup/remote-manifest";
import { PhotoArchivistError } from "../model/errors";
import type { Log } from "../ports/log";
import type { CopyFinder, CopySource } from "./copy-sources";
import { restoreFile } from "./restore-file";
import { RestoreTally } from "./restore-tally";
import type { RestoreAllOptions, RestoreSummary } from "./restore-types";

export interface RestoreAllDeps {
	ledger: BackupLedger;
	finder: CopyFinder;
	log: Log;
}

async function manifestEntries(deps: RestoreAllDeps, options: RestoreAllOptions): Promise<ManifestEntry[]> {
	const config = deps.ledger.settings.targets.find((t) => t.id === options.targetId);
	if (config === undefined) {
		const known = deps.ledger.settings.targets.map((t) => t.id).join(", ") || "none";
		throw new PhotoArchivistError("invalid-settings", `no backup target with id "${options.targetId}" (known: ${known})`);
	}
	const store = await deps.ledger.store(config.id);
	if (store !== undefined && !deps.ledger.needsSeed(config.id) && store.manifest.size > 0) return store.manifest.entries();
	const remote = await readRemoteManifest(await deps.finder.target(config), options.signal, deps.log);
	if (remote === null) {
		throw new PhotoArchivistError("corrupt", `"${config.name}" holds no readable list of its copies (.photo-archivist/manifest.jsonl), so there is nothing to restore from it`);
	}
	return remote;
}

/** Per vault path, the newest copy first, then the older versions. */
function byVaultPath(entries: readonly ManifestEntry[]): Map<string, ManifestEntry[]> {
	const groups = new Map<string, ManifestEntry[]>();
	for (const entry of entries) groups.set(entry.localPath, [...(groups.get(entry.localPath) ?? []), entry]);
	for (const list of groups.values()) list.sort((a, b) => (a.uploadedAt < b.uploadedAt ? 1 : a.uploadedAt > b.uploadedAt ? -1 : 0));
	return groups;
}

export async function restoreAll(deps: RestoreAllDeps, options: RestoreAllOptions): Promise<RestoreSummary> {
	const entries = await manifestEntries(deps, options);
	const config = deps.ledger.settings.targets.find((t) => t.id === options.targetId);
	const groups = byVaultPath(entries);
	const tally = new RestoreTally(groups.size, options);
	for (const [path, versions] of groups) {
		if (options.signal?.aborted || config === undefined) break;
		const newest = versions[0] as ManifestEntry;
		tally.summary.olderVersions += versions.filter((v) => v.sha256 !== newest.sha256).length;
		// Every copy of the newest content on this target, so a damaged one falls back to a twin.
		const copies: CopySource[] = entries.filter((e) => e.sha256 === newest.sha256 && e.size === newest.size)
			.sort((a, b) => (a === newest ? -1 : b === newest ? 1 : 0))
			.map((entry) => ({ config, entry }));
		const outcome = await restoreFile({
			destination: options.into,
			path,
			sha256: newest.sha256,
			size: newest.size,
			copies,
			finder: deps.finder,
			signal: options.signal,
			onBytes: tally.bytes,
		});
		tally.add(path, outcome);
	}
	return tally.finish();
}
