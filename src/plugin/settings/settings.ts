/** The plugin's data.json: its shape, the migration of older layouts, and the store the shell reads and writes. */
import { normalizeBackupSettings, type BackupPlatform } from "../../core/backup/backup-settings";
import type { BackupSettings } from "../../core/backup/backup-types";
import { normalizeDuplicateSettings, type DuplicateSettings } from "../../core/duplicates/duplicate-settings";
import { normalizeExportSettings, type ExportSettings } from "../../core/export/export-settings";
import { describeError } from "../../core/model/errors";
import { normalizeOrganizeSettings, type OrganizeSettings } from "../../core/organize/organize-settings";
import { normalizeFreeSpacePolicy } from "../../core/restore/free-space-rule";
import { DEFAULT_FREE_SPACE_POLICY, type FreeSpacePolicy } from "../../core/restore/restore-types";
import { DEFAULT_INDEX_SETTINGS, normalizeIndexSettings, type IndexSettings } from "../../core/settings";

/**
 * data.json. Each feature has its own key. Never holds a secret: credentials live in Obsidian's secret
 * storage, and a backup target only names its password there (`passwordSecret`).
 */
export interface PluginData {
	index: IndexSettings;
	backup: BackupSettings;
	/** "Free up space": how many targets must hold a copy verified by hash, and within how many days. */
	freeSpace: FreeSpacePolicy;
	/** Automatic tags and albums. */
	organize: OrganizeSettings;
	/** Duplicate search: the look-alike threshold. */
	duplicates: DuplicateSettings;
	/** "Export album as ZIP": the vault folder for archives, resized copies' size, the last choices. */
	export: ExportSettings;
}

const INDEX_KEYS: readonly string[] = Object.keys(DEFAULT_INDEX_SETTINGS);

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The free-up-space section: each number a whole number ≥ 1, the default otherwise. Stricter than the core's
 * rule, which takes 0 days: verified "within 0 days" would keep every original, which nobody means.
 */
export function parseFreeSpacePolicy(raw: unknown): FreeSpacePolicy {
	const source = isRecord(raw) ? raw : {};
	const atLeastOne = (value: unknown): number | undefined => (typeof value === "number" && Number.isSafeInteger(value) && value >= 1 ? value : undefined);
	return normalizeFreeSpacePolicy({ minCopies: atLeastOne(source.minCopies), maxAgeDays: atLeastOne(source.maxAgeDays) }, DEFAULT_FREE_SPACE_POLICY);
}

/**
 * data.json as written by any version, or by hand. Version 0 kept the index settings at the top level;
 * they move under `index`. Keys this version does not know are kept (see `serializePluginData`).
 */
export function parsePluginData(raw: unknown, platform: BackupPlatform = "desktop"): PluginData {
	const backup = normalizeBackupSettings(isRecord(raw) ? raw.backup : undefined, platform, (problem) => {
		console.warn(`Photo backup settings: ${problem}`);
	});
	if (!isRecord(raw)) {
		return { index: normalizeIndexSettings({}), backup, freeSpace: parseFreeSpacePolicy(undefined), organize: normalizeOrganizeSettings(undefined), duplicates: normalizeDuplicateSettings(undefined), export: normalizeExportSettings(undefined) };
	}
	const freeSpace = parseFreeSpacePolicy(raw.freeSpace);
	const organize = normalizeOrganizeSettings(raw.organize);
	const duplicates = normalizeDuplicateSettings(raw.duplicates);
	const exportSettings = normalizeExportSettings(raw.export);
	if (isRecord(raw.index)) return { index: normalizeIndexSettings(raw.index), backup, freeSpace, organize, duplicates, export: exportSettings };
	const legacy = INDEX_KEYS.some((key) => key in raw);
	return { index: normalizeIndexSettings(legacy ? raw : {}), backup, freeSpace, organize, duplicates, export: exportSettings };
}

/**
 * What to write. Top-level keys from a newer version survive a round trip through this one, so going
 * back a version does not wipe the sections it does not know; the old flat keys are dropped.
 */
export function serializePluginData(data: PluginData, previous: unknown): Record<string, unknown> {
	const kept: Record<string, unknown> = {};
	if (isRecord(previous)) {
		for (const [key, value] of Object.entries(previous)) {
			if (!INDEX_KEYS.includes(key)) kept[key] = value;
		}
	}
	return { ...kept, index: data.index, backup: data.backup, freeSpace: data.freeSpace, organize: data.organize, duplicates: data.duplicates, export: data.export };
}

export interface SettingsIo {
	load(): Promise<unknown>;
	save(data: Record<string, unknown>): Promise<void>;
}

export type SettingsListener = (data: PluginData, previous: PluginData) => void;

/** The settings in memory. Nothing is read until `load()`: the plugin defers that until the layout is ready. */
export class SettingsStore {
	private data: PluginData;
	private raw: unknown = null;
	private loading: Promise<PluginData> | null = null;
	private loadProblem: string | null = null;
	private readonly listeners = new Set<SettingsListener>();

	/** `platform` picks the backup defaults that differ between a computer and a phone. */
	constructor(
		private readonly io: SettingsIo,
		private readonly platform: BackupPlatform = "desktop",
	) {
		this.data = parsePluginData(null, platform);
	}

	/** The defaults until `load()` has finished. */
	get current(): PluginData {
		return this.data;
	}

	/** Why data.json could not be read (the defaults are used then), or null. */
	get problem(): string | null {
		return this.loadProblem;
	}

	/** Never throws: an unreadable data.json (broken JSON written by hand) gives the defaults and a `problem`. */
	load(): Promise<PluginData> {
		this.loading ??= (async () => {
			try {
				this.raw = await this.io.load();
			} catch (error) {
				this.loadProblem = describeError(error);
				this.raw = null;
			}
			this.data = parsePluginData(this.raw, this.platform);
			return this.data;
		})();
		return this.loading;
	}

	/** Applies `patch` to the index settings, cleans the result, saves it and tells the listeners. */
	async updateIndex(patch: Partial<IndexSettings>): Promise<void> {
		// A change made before the first load must not be overwritten by it, nor overwrite unknown keys.
		await this.load();
		await this.save({ ...this.data, index: normalizeIndexSettings({ ...this.data.index, ...patch }) });
	}

	/** The same for the backup settings; a target that cannot be used is rejected here with its reason. */
	async updateBackup(patch: Partial<BackupSettings>): Promise<void> {
		await this.load();
		const problems: string[] = [];
		const backup = normalizeBackupSettings({ ...this.data.backup, ...patch }, this.platform, (p) => problems.push(p));
		if (problems.length > 0) throw new Error(problems.join("; "));
		await this.save({ ...this.data, backup });
	}

	/** The same for "Free up space"; a number that is not a whole number ≥ 1 gives the default. */
	async updateFreeSpace(patch: Partial<FreeSpacePolicy>): Promise<void> {
		await this.load();
		await this.save({ ...this.data, freeSpace: parseFreeSpacePolicy({ ...this.data.freeSpace, ...patch }) });
	}

	/** The same for automatic tags and albums; a prefix that cannot be a tag gives the default. */
	async updateOrganize(patch: Partial<OrganizeSettings>): Promise<void> {
		await this.load();
		await this.save({ ...this.data, organize: normalizeOrganizeSettings({ ...this.data.organize, ...patch }) });
	}

	/** The same for duplicate search; a threshold that is not a whole number 0–16 gives the default. */
	async updateDuplicates(patch: Partial<DuplicateSettings>): Promise<void> {
		await this.load();
		await this.save({ ...this.data, duplicates: normalizeDuplicateSettings({ ...this.data.duplicates, ...patch }) });
	}

	/** The same for album export; a folder that could leave the vault, or an edge out of range, gives the default. */
	async updateExport(patch: Partial<ExportSettings>): Promise<void> {
		await this.load();
		await this.save({ ...this.data, export: normalizeExportSettings({ ...this.data.export, ...patch }) });
	}

	private async save(data: PluginData): Promise<void> {
		const previous = this.data;
		this.data = data;
		const written = serializePluginData(this.data, this.raw);
		this.raw = written;
		await this.io.save(written);
		for (const listener of this.listeners) listener(this.data, previous);
	}

	/** Returns the function that removes the listener. */
	onChange(listener: SettingsListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}
