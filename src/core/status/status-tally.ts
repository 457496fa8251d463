/** The status of a library counted photo by photo: per target, per folder, and the photos at risk in their order. */
import type { ManifestEntry } from "../backup/manifest";
import type { PhotoRecord } from "../model/photo-record";
import type { TargetConfig } from "../model/target-config";
import type { AtRiskPhoto, FolderRisk, LibraryStatus, StatusInput, TargetStatus } from "./library-status";
import { photoSafety, type PhotoSafety } from "./photo-safety";
import type { TargetState } from "./target-state";

function byPathOnly(a: AtRiskPhoto, b: AtRiskPhoto): number {
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function emptyTargetStatus(config: TargetConfig, state: TargetState): TargetStatus {
	const status: TargetStatus = {
		id: config.id, name: config.name, medium: config.medium, offsite: config.offsite, enabled: config.enabled,
		photos: 0, bytes: 0, pending: 0, pendingBytes: 0, failed: state.lastRun?.failed ?? 0,
	};
	if (state.lastRun) status.lastRun = state.lastRun;
	if (state.lastVerification) status.lastVerification = state.lastVerification;
	if (state.freeSpace) status.freeSpace = state.freeSpace;
	return status;
}

/**
 * A photo's safety depends only on which enabled targets hold it and whether its original is there: a
 * handful of combinations for a whole library, each worked out once instead of once per photo.
 */
class SafetyTable {
	private readonly known = new Map<number, PhotoSafety>();

	constructor(private readonly configs: readonly TargetConfig[]) {}

	/** `holders`: bit i set when enabled target i holds the photo's content. */
	of(holders: number, present: boolean): PhotoSafety {
		const key = holders * 2 + (present ? 1 : 0);
		let safety = this.known.get(key);
		if (safety === undefined) {
			safety = photoSafety(this.configs.filter((_, i) => (holders & (1 << i)) !== 0), present);
			this.known.set(key, safety);
		}
		return safety;
	}
}

/** The folder of each photo, with a shortcut for the next photo of the same folder (records come folder by folder). */
class FolderTally {
	readonly byFolder = new Map<string, FolderRisk>();
	private last: FolderRisk | undefined;

	of(path: string): FolderRisk {
		const slash = path.lastIndexOf("/");
		const last = this.last;
		if (last !== undefined && (slash < 0 ? last.folder === "" : slash === last.folder.length && path.startsWith(last.folder))) return last;
		const folder = slash < 0 ? "" : path.slice(0, slash);
		let risk = this.byFolder.get(folder);
		if (risk === undefined) {
			risk = { folder, photos: 0, atRisk: 0 };
			this.byFolder.set(folder, risk);
		}
		this.last = risk;
		return risk;
	}
}

/**
 * One pass over the records, fed one record at a time (so a caller can pause between slices), with nothing
 * allocated per photo except for photos at risk. At-risk photos are gathered by copy count; records that come
 * in path order (the index's own order) need no sort at all.
 */
export class StatusTally {
	private readonly configs: readonly TargetConfig[];
	/** Per target, its manifest's holder of each photo's content, walked in step with the records (see Manifest.holderWalk). */
	private readonly holders: (((path: string, sha256: string) => ManifestEntry | undefined) | undefined)[];
	private readonly targets: TargetStatus[];
	/** A bit per target: up to 30 of them (far beyond any real setup); past that each photo is worked out on its own. */
	private readonly safeties: SafetyTable | null;
	private readonly folders = new FolderTally();
	private readonly contentSeen = new Set<string>();
	private readonly atRiskByCopies: AtRiskPhoto[][] = [];
	private inPathOrder = true;
	private previousPath = "";
	private photos = 0;
	private bytes = 0;
	private missingOriginals = 0;
	private meeting321 = 0;
	private onlyOneCopy = 0;
	private noCopy = 0;
	private atRiskCount = 0;

	constructor(private readonly input: Omit<StatusInput, "records">) {
		this.configs = input.targets;
		this.holders = this.configs.map((c) => input.manifest(c.id)?.holderWalk());
		this.targets = this.configs.map((c) => emptyTargetStatus(c, input.states.get(c.id) ?? {}));
		this.safeties = this.configs.length <= 30 ? new SafetyTable(this.configs) : null;
	}

	add(record: PhotoRecord): void {
		this.photos++;
		this.bytes += record.size;
		const present = record.missingSince === undefined;
		if (!present) this.missingOriginals++;
		// A content held by a target counts toward its bytes once, however many photos share it.
		const newContent = !this.contentSeen.has(record.sha256);
		if (newContent) this.contentSeen.add(record.sha256);
		let holders = 0;
		// Past 30 targets, which held it is kept per photo for photoSafety below.
		const held: boolean[] | null = this.safeties === null ? [] : null;
		for (let i = 0; i < this.configs.length; i++) {
			const status = this.targets[i] as TargetStatus;
			const holds = this.holders[i]?.(record.path, record.sha256) !== undefined;
			held?.push(holds);
			if (holds) {
				status.photos++;
				if (newContent) status.bytes += record.size;
				if ((this.configs[i] as TargetConfig).enabled) holders |= this.safeties === null ? 0 : 1 << i;
			} else if (present) {
				status.pending++;
				status.pendingBytes += record.size;
			}
		}
		const safety = this.safeties !== null ? this.safeties.of(holders, present)
			: photoSafety(this.configs.filter((c, i) => c.enabled && held?.[i] === true), present);
		const risk = this.folders.of(record.path);
		risk.photos++;
		if (safety.copies === 1) this.onlyOneCopy++;
		if (safety.copies === 0) this.noCopy++;
		if (safety.meets321) {
			this.meeting321++;
			return;
		}
		risk.atRisk++;
		this.atRiskCount++;
		if (record.path < this.previousPath) this.inPathOrder = false;
		this.previousPath = record.path;
		const bucket = this.atRiskByCopies[safety.copies] ?? (this.atRiskByCopies[safety.copies] = []);
		bucket.push({ path: record.path, note: record.note, missing: !present, ...safety, media: [...safety.media] });
	}

	finish(): LibraryStatus {
		// Fewest copies first, then by path.
		const atRisk: AtRiskPhoto[] = [];
		for (const bucket of this.atRiskByCopies) {
			if (bucket === undefined) continue;
			if (!this.inPathOrder) bucket.sort(byPathOnly);
			for (const photo of bucket) atRisk.push(photo);
		}
		const targets = this.targets;
		const enabled = targets.filter((t) => t.enabled);
		const upToDate = enabled.length > 0 && enabled.every((t) =>
			t.pending === 0 && (t.lastRun === undefined || t.lastRun.outcome === "up-to-date" || t.lastRun.outcome === "cancelled"));
		return {
			computedAt: this.input.now.toISOString(),
			photos: this.photos, bytes: this.bytes, missingOriginals: this.missingOriginals, meeting321: this.meeting321,
			onlyOneCopy: this.onlyOneCopy, noCopy: this.noCopy,
			atRisk,
			folders: [...this.folders.byFolder.values()].filter((f) => f.atRisk > 0)
				.sort((a, b) => b.atRisk - a.atRisk || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0)),
			targets,
			enabledTargets: enabled.length,
			upToDate,
			allSafe: upToDate && this.atRiskCount === 0,
		};
	}
}
