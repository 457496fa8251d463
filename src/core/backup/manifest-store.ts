/**
 * One target's manifest in the plugin's data folder (backup-manifest-<target id>.jsonl): loaded once, changed
 * as uploads land, saved in batches (every 50 changes or 10 seconds, and at the end of a run) so an
 * interrupted run keeps what landed without rewriting a large file after every photo.
 */
import { describeError } from "../model/errors";
import type { DataStore } from "../ports/data-store";
import type { Log } from "../ports/log";
import { SerialQueue } from "../util/serial-queue";
import type { Pause } from "../util/time-slices";
import { loadManifest, Manifest, serializeManifest, type ManifestEntry } from "./manifest";

export const SAVE_EVERY = 50;
export const SAVE_INTERVAL_MS = 10_000;

/** A plain name beside the index: the DataStore port promises plain names, not sub-folders, on every host. */
export function manifestFileName(targetId: string): string {
	return `backup-manifest-${targetId}.jsonl`;
}

export interface ManifestStoreDeps {
	data: DataStore;
	targetId: string;
	now: () => Date;
	log: Log;
	/** Awaited between slices of a long load (see loadManifest). */
	pause?: Pause;
	/** Lets loaded entries share equal strings already in memory (see loadManifest). */
	share?: () => (entry: ManifestEntry) => boolean;
}

export class ManifestStore {
	manifest = new Manifest();
	private unsaved = 0;
	private lastSave: number;
	/** Changes not yet in the copy on the target. */
	private remoteStale = false;
	private readonly saves = new SerialQueue();

	constructor(private readonly deps: ManifestStoreDeps) {
		this.lastSave = deps.now().getTime();
	}

	get targetId(): string {
		return this.deps.targetId;
	}

	/** Reads the saved manifest. False when there is none, or it is damaged (logged): seed it from the target's copy. */
	async load(): Promise<boolean> {
		const name = manifestFileName(this.deps.targetId);
		// Where a UI waits, as bytes decoded a slice at a time, never as one 15 MB string; where nothing waits (the
		// CLI), as the host's own text, decoded in one go (several times faster in Node than piece by piece).
		const text = this.deps.pause !== undefined ? await this.deps.data.readBytes(name) : await this.deps.data.read(name);
		if (text === null) return false;
		try {
			this.manifest = await loadManifest(text, { pause: this.deps.pause, share: this.deps.share });
			return true;
		} catch (error) {
			this.deps.log.warn(`Backup manifest of "${this.deps.targetId}" could not be read, rebuilding it from the target's copy: ${describeError(error)}`);
			return false;
		}
	}

	/**
	 * Adds what the target's own manifest copy knows and we do not (uploads from another device, or from
	 * before the data folder was lost). Returns how many. The copy on the target already has them, so
	 * this alone does not make it stale.
	 */
	seed(entries: readonly ManifestEntry[]): number {
		let added = 0;
		for (const entry of entries) {
			if (this.manifest.at(entry.remotePath) !== undefined) continue;
			this.manifest.put(entry);
			added++;
		}
		this.unsaved += added;
		return added;
	}

	/** Records a copy that landed; saves when the batch is full or old enough. */
	async record(entry: ManifestEntry): Promise<void> {
		this.manifest.put(entry);
		this.unsaved++;
		this.remoteStale = true;
		if (this.unsaved >= SAVE_EVERY || this.deps.now().getTime() - this.lastSave >= SAVE_INTERVAL_MS) await this.save();
	}

	/** Saves now if anything is unsaved. */
	async flush(): Promise<void> {
		if (this.unsaved > 0) await this.save();
	}

	serialize(): string {
		return serializeManifest(this.manifest.entries(), this.deps.targetId);
	}

	get remoteNeedsUpdate(): boolean {
		return this.remoteStale;
	}

	remoteUpdated(): void {
		this.remoteStale = false;
	}

	private save(): Promise<void> {
		this.unsaved = 0;
		this.lastSave = this.deps.now().getTime();
		// Serialized at the moment the save runs, so a queued save writes everything recorded before it.
		return this.saves.run(() => this.deps.data.write(manifestFileName(this.deps.targetId), this.serialize())).catch((error: unknown) => {
			// The whole manifest is written each time: the next save (at the latest, the one at the end) retries this one.
			this.unsaved++;
			throw error;
		});
	}
}
