/**
 * The library's backup status, computed from the index, the targets' manifests and their recorded state,
 * without a request to any server: per target what is backed up, pending and failed; for the library how
 * many photos meet 3-2-1, which have only one copy, which folders are at risk, and whether all is up to date.
 */
import type { Manifest } from "../backup/manifest";
import type { PhotoRecord } from "../model/photo-record";
import type { TargetConfig } from "../model/target-config";
import { photoSafety, type PhotoSafety } from "./photo-safety";
import type { LastRun, LastVerification, TargetState } from "./target-state";

export interface TargetStatus {
	id: string;
	name: string;
	medium: string;
	offsite: boolean;
	enabled: boolean;
	/** Photos of the library whose content the target holds, and the bytes of that content (each content once). */
	photos: number;
	bytes: number;
	/** Photos in the vault whose content the target does not hold yet, and their bytes. */
	pending: number;
	pendingBytes: number;
	/** Files that failed in the last run (see lastRun.reason). */
	failed: number;
	lastRun?: LastRun;
	lastVerification?: LastVerification;
	/** Free bytes the target last reported, and when; absent when it never did. */
	freeSpace?: { available: number; at: string };
}

export interface AtRiskPhoto extends PhotoSafety {
	path: string;
	note: string;
	/** The original is gone from the vault (only the backups hold it). */
	missing: boolean;
}

export interface FolderRisk {
	/** Vault folder ("" for the vault's root). */
	folder: string;
	photos: number;
	atRisk: number;
}

export interface LibraryStatus {
	/** ISO time the status was computed. */
	computedAt: string;
	/** Photos in the index, originals gone from the vault included. */
	photos: number;
	bytes: number;
	missingOriginals: number;
	meeting321: number;
	/** Photos whose only copy is one place: the vault's original with no backup, or a backup of a gone original. */
	onlyOneCopy: number;
	/** Photos with no copy anywhere: the original is gone and no enabled target holds it. */
	noCopy: number;
	/** Photos not meeting 3-2-1: fewest copies first, then by path. */
	atRisk: AtRiskPhoto[];
	/** Folders holding at least one photo at risk: most at risk first. */
	folders: FolderRisk[];
	/** Every target, enabled or not, in the settings' order. */
	targets: TargetStatus[];
	enabledTargets: number;
	/** At least one enabled target, nothing pending on any, and their last runs ended without a failure. */
	upToDate: boolean;
	/** Up to date and every photo meets 3-2-1: all is well. */
	allSafe: boolean;
}

export interface StatusInput {
	records: Iterable<PhotoRecord>;
	targets: readonly TargetConfig[];
	/** The manifest of a configured target; undefined when it has none yet. */
	manifest: (targetId: string) => Manifest | undefined;
	states: ReadonlyMap<string, TargetState>;
	now: Date;
}

function folderOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "" : path.slice(0, slash);
}

function byRisk(a: AtRiskPhoto, b: AtRiskPhoto): number {
	if (a.copies !== b.copies) return a.copies - b.copies;
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

export function computeLibraryStatus(input: StatusInput): LibraryStatus {
	const configs = input.targets;
	const manifests = configs.map((c) => input.manifest(c.id));
	const targets = configs.map((c) => emptyTargetStatus(c, input.states.get(c.id) ?? {}));
	const countedContent = configs.map(() => new Set<string>());
	const folders = new Map<string, FolderRisk>();
	const atRisk: AtRiskPhoto[] = [];
	let photos = 0, bytes = 0, missingOriginals = 0, meeting321 = 0, onlyOneCopy = 0, noCopy = 0;

	for (const record of input.records) {
		photos++;
		bytes += record.size;
		const present = record.missingSince === undefined;
		if (!present) missingOriginals++;
		const holders: TargetConfig[] = [];
		configs.forEach((config, i) => {
			const status = targets[i] as TargetStatus;
			if ((manifests[i]?.holding(record.sha256).length ?? 0) > 0) {
				status.photos++;
				const seen = countedContent[i] as Set<string>;
				if (!seen.has(record.sha256)) {
					seen.add(record.sha256);
					status.bytes += record.size;
				}
				if (config.enabled) holders.push(config);
			} else if (present) {
				status.pending++;
				status.pendingBytes += record.size;
			}
		});
		const safety = photoSafety(holders, present);
		const folder = folderOf(record.path);
		const risk = folders.get(folder) ?? { folder, photos: 0, atRisk: 0 };
		folders.set(folder, risk);
		risk.photos++;
		if (safety.copies === 1) onlyOneCopy++;
		if (safety.copies === 0) noCopy++;
		if (safety.meets321) {
			meeting321++;
			continue;
		}
		risk.atRisk++;
		atRisk.push({ path: record.path, note: record.note, missing: !present, ...safety });
	}

	const enabled = targets.filter((t) => t.enabled);
	const upToDate = enabled.length > 0 && enabled.every((t) =>
		t.pending === 0 && (t.lastRun === undefined || t.lastRun.outcome === "up-to-date" || t.lastRun.outcome === "cancelled"));
	return {
		computedAt: input.now.toISOString(),
		photos, bytes, missingOriginals, meeting321, onlyOneCopy, noCopy,
		atRisk: atRisk.sort(byRisk),
		folders: [...folders.values()].filter((f) => f.atRisk > 0)
			.sort((a, b) => b.atRisk - a.atRisk || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0)),
		targets,
		enabledTargets: enabled.length,
		upToDate,
		allSafe: upToDate && atRisk.length === 0,
	};
}
