/**
 * Every target's manifest, loaded once on first use, answering what a photo's note shows of its backups:
 * a row per copy (target, remote path, when uploaded, when verified) and the `backup` / `backup_targets`
 * properties. Looked up by content: a moved or duplicated photo shows the copies of its bytes.
 */
import type { PhotoRecord } from "../model/photo-record";
import type { DataStore } from "../ports/data-store";
import type { Log } from "../ports/log";
import type { BackupRow } from "../notes/generated-section";
import type { PhotoNoteOptions } from "../notes/photo-note";
import type { TargetConfig } from "../model/target-config";
import { photoSafety } from "../status/photo-safety";
import type { BackupSettings } from "./backup-types";
import type { ManifestEntry } from "./manifest";
import { ManifestStore } from "./manifest-store";
import { faultRow, isFaulty } from "../verify/copy-fault";

export interface BackupLedgerDeps {
	data: DataStore;
	settings: BackupSettings;
	now: () => Date;
	log: Log;
	/** Awaited between slices while a large manifest loads, so a UI host stays responsive. */
	pause?: () => Promise<void>;
	/** Lets loaded entries share strings already in memory (the index's paths and hashes). */
	share?: () => (entry: ManifestEntry) => boolean;
}

export class BackupLedger {
	private readonly stores = new Map<string, ManifestStore>();
	/** Per target: whether the manifest is complete (saved one found, or seeded from the target's copy). */
	private readonly found = new Map<string, boolean>();
	private loading: Promise<void> | null = null;

	constructor(private readonly deps: BackupLedgerDeps) {}

	get settings(): BackupSettings {
		return this.deps.settings;
	}

	/** Loads every configured target's manifest, once; a missing or damaged one starts empty. */
	load(): Promise<void> {
		this.loading ??= (async () => {
			for (const config of this.deps.settings.targets) {
				const store = new ManifestStore({
					data: this.deps.data, targetId: config.id, now: this.deps.now, log: this.deps.log, pause: this.deps.pause, share: this.deps.share,
				});
				try {
					this.found.set(config.id, await store.load());
				} catch (error) {
					this.deps.log.warn(`Backup manifest of "${config.name}" could not be read`, error);
					this.found.set(config.id, false);
				}
				this.stores.set(config.id, store);
			}
		})();
		return this.loading;
	}

	/** The manifest of a configured target (after `load`). */
	async store(targetId: string): Promise<ManifestStore | undefined> {
		await this.load();
		return this.stores.get(targetId);
	}

	/** Whether the target's manifest still has to be seeded from the target's copy (none was in the data folder). */
	needsSeed(targetId: string): boolean {
		return !(this.found.get(targetId) ?? false);
	}

	/** The target's copy was read (or found absent): later runs plan from the manifest alone. */
	seeded(targetId: string): void {
		this.found.set(targetId, true);
	}

	/** What the note of `record` shows of its backups (synchronous: call after `load`). */
	noteBackupInfo(record: PhotoRecord): PhotoNoteOptions {
		const backups: BackupRow[] = [];
		const holding: string[] = [];
		const holders: TargetConfig[] = [];
		let enabled = 0;
		for (const config of this.deps.settings.targets) {
			if (config.enabled) enabled++;
			const manifest = this.stores.get(config.id)?.manifest;
			const copy = manifest?.holding(record.sha256)[0];
			if (!copy) {
				// No sound copy there: show the faulty one, if a verification found one, so the note says what is wrong.
				const faulty = manifest?.copies(record.sha256).find(isFaulty);
				if (faulty) backups.push(faultRow(config.name, faulty));
				continue;
			}
			if (config.enabled) {
				holding.push(config.name);
				holders.push(config);
			}
			const row: BackupRow = { target: config.name, status: "Backed up", remotePath: copy.remotePath, uploaded: copy.uploadedAt };
			if (copy.verifiedAt !== undefined) row.verified = copy.verifiedAt;
			backups.push(row);
		}
		// Without an enabled target the two properties stay out of the note: nothing is being backed up.
		const backupStatus = enabled === 0 ? null : {
			count: `${holding.length}/${enabled}`, targets: holding, safety: photoSafety(holders, record.missingSince === undefined),
		};
		return { backups, backupStatus };
	}
}
