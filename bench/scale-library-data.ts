/**
 * What a large library holds besides its photos, for `npm run bench:scale`: the plugin's settings with three
 * backup targets, and their manifests written straight from the index (as if every photo had been backed up),
 * so planning, the status and verification work at full size without uploading anything.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { manifestFileName } from "../src/core/backup/manifest-store";
import { serializeManifest, type ManifestEntry } from "../src/core/backup/manifest";
import { INDEX_FILE_NAME, LEGACY_INDEX_FILE_NAME, parseIndex } from "../src/core/index/index-file";
import type { PhotoRecord } from "../src/core/model/photo-record";
import type { TargetConfig } from "../src/core/model/target-config";
import { DEFAULT_INDEX_SETTINGS } from "../src/core/settings";

export const DATA_FOLDER = ".obsidian/plugins/photo-archivist";
export const APACHE_TARGET_ID = "apache";
export const APACHE_PASSWORD_ENV = "PHOTO_ARCHIVIST_BENCH_DAV_PASSWORD";
/** The three targets of a family's 3-2-1: a NAS, a USB drive and a cloud folder (folder targets: no server needed). */
export const PLAN_TARGET_IDS = ["nas", "usb", "cloud"] as const;
/** In the plugin's data, the cloud copy lacks one photo in AT_RISK_EVERY, so the status has photos at risk to list. */
export const AT_RISK_EVERY = 10;
/** Uploads land over weeks, each at its own millisecond: distinct times, as a real manifest holds them. */
const FIRST_UPLOAD = Date.UTC(2025, 0, 1);

export function planTargets(targetsDir: string): TargetConfig[] {
	const folder = (id: string, name: string, medium: string, offsite: boolean): TargetConfig => ({
		id, name, kind: "folder", medium, offsite, layout: "mirror", enabled: true, path: join(targetsDir, id),
	});
	return [folder("nas", "NAS", "nas", false), folder("usb", "USB drive", "external-drive", false), folder("cloud", "Cloud", "cloud", true)];
}

export function apacheTarget(url: string, username: string): TargetConfig {
	return {
		id: APACHE_TARGET_ID, name: "Apache", kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled: true,
		url, username, passwordEnv: APACHE_PASSWORD_ENV,
	};
}

/** data.json: the default index settings, the three targets, no automatic backup (the figures are of an idle plugin). */
export async function writePluginSettings(root: string, targetsDir: string): Promise<void> {
	const targets = planTargets(targetsDir);
	for (const t of targets) await mkdir(t.path ?? targetsDir, { recursive: true });
	await mkdir(join(root, DATA_FOLDER), { recursive: true });
	const data = { index: { ...DEFAULT_INDEX_SETTINGS }, backup: { targets, afterIndex: false, everyMinutes: 0 } };
	await writeFile(join(root, DATA_FOLDER, "data.json"), JSON.stringify(data, null, "\t"));
}

/** Removes what an index run made (notes, index, manifests), so the next run is a cold one. */
export async function resetForColdIndex(root: string): Promise<void> {
	await rm(join(root, DEFAULT_INDEX_SETTINGS.notesFolder), { recursive: true, force: true });
	await rm(join(root, DATA_FOLDER, INDEX_FILE_NAME), { force: true });
	await rm(join(root, DATA_FOLDER, LEGACY_INDEX_FILE_NAME), { force: true });
	for (const id of PLAN_TARGET_IDS) await rm(join(root, DATA_FOLDER, manifestFileName(id)), { force: true });
}

/** The index the cold run left, or null when there is none (or it is damaged). */
export async function readIndexRecords(root: string): Promise<PhotoRecord[] | null> {
	try {
		return await parseIndex(await readFile(join(root, DATA_FOLDER, INDEX_FILE_NAME)));
	} catch {
		return null;
	}
}

function entryOf(record: PhotoRecord, i: number): ManifestEntry {
	const uploadedAt = new Date(FIRST_UPLOAD + i * 7_919).toISOString();
	return { remotePath: record.path, sha256: record.sha256, size: record.size, uploadedAt, localPath: record.path };
}

/** Writes `targetId`'s manifest into `folder`: every photo, except one in `skipEvery` when given. */
export async function writeManifest(folder: string, targetId: string, records: readonly PhotoRecord[], skipEvery?: number): Promise<void> {
	const entries = records.map(entryOf).filter((_, i) => skipEvery === undefined || i % skipEvery !== skipEvery - 1);
	await mkdir(folder, { recursive: true });
	await writeFile(join(folder, manifestFileName(targetId)), serializeManifest(entries, targetId));
}
