/**
 * Where a photo's bytes can be had: every target's copies of a content, best first (most recently verified
 * by hash, then any copy), with each target opened once per run. A target whose manifest was never seeded
 * here (a new device) is asked for its own manifest copy, read-only, so a fresh install can still restore.
 */
import type { BackupLedger } from "../backup/backup-ledger";
import type { OpenTarget } from "../backup/backup-types";
import type { ManifestEntry } from "../backup/manifest";
import { readRemoteManifest } from "../backup/remote-manifest";
import { describeError } from "../model/errors";
import type { TargetConfig } from "../model/target-config";
import type { Log } from "../ports/log";
import type { Target } from "../ports/target";

export interface CopySource {
	config: TargetConfig;
	entry: ManifestEntry;
}

export interface CopyFinderDeps {
	ledger: BackupLedger;
	openTarget?: OpenTarget;
	log: Log;
	/** Only this target's copies. */
	targetId?: string;
	signal?: AbortSignal;
}

const verifiedTime = (entry: ManifestEntry): number => (entry.verifiedAt === undefined ? -1 : Date.parse(entry.verifiedAt) || -1);

export class CopyFinder {
	private readonly opened = new Map<string, Promise<Target>>();
	private readonly remote = new Map<string, Promise<ManifestEntry[]>>();

	constructor(private readonly deps: CopyFinderDeps) {}

	private configs(): TargetConfig[] {
		const all = this.deps.ledger.settings.targets;
		return this.deps.targetId === undefined ? all : all.filter((t) => t.id === this.deps.targetId);
	}

	/** The target, opened once; a failure to open is thrown to every caller. */
	target(config: TargetConfig): Promise<Target> {
		let target = this.opened.get(config.id);
		if (target === undefined) {
			const open = this.deps.openTarget;
			target = open ? open(config) : Promise.reject(new Error("backup targets cannot be reached here"));
			target.catch(() => undefined);
			this.opened.set(config.id, target);
		}
		return target;
	}

	/** Every copy of this content with this size, most recently verified first, unverified ones last. */
	async copiesOf(sha256: string, size: number): Promise<CopySource[]> {
		await this.deps.ledger.load();
		const found: CopySource[] = [];
		for (const config of this.configs()) {
			const store = await this.deps.ledger.store(config.id);
			let entries = store?.manifest.holding(sha256) ?? [];
			if (entries.length === 0 && this.deps.ledger.needsSeed(config.id)) {
				entries = (await this.remoteEntries(config)).filter((e) => e.sha256 === sha256);
			}
			for (const entry of entries) if (entry.size === size) found.push({ config, entry });
		}
		return found.sort((a, b) => verifiedTime(b.entry) - verifiedTime(a.entry) || Number(b.config.enabled) - Number(a.config.enabled));
	}

	private remoteEntries(config: TargetConfig): Promise<ManifestEntry[]> {
		let entries = this.remote.get(config.id);
		if (entries === undefined) {
			entries = (async () => {
				try {
					return (await readRemoteManifest(await this.target(config), this.deps.signal, this.deps.log)) ?? [];
				} catch (error) {
					this.deps.log.warn(`The list of what is on "${config.name}" could not be read: ${describeError(error)}`);
					return [];
				}
			})();
			this.remote.set(config.id, entries);
		}
		return entries;
	}
}
