// A 2,000-photo library made fast for the complexity tests: records, index and manifests written directly
// (nothing is decoded or hashed), and on disk only tiny files whose size and mtime the index records.
import { mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { serializeManifest, type ManifestEntry } from "../../src/core/backup/manifest";
import { manifestFileName } from "../../src/core/backup/manifest-store";
import { INDEX_FILE_NAME, serializeIndex } from "../../src/core/index/index-file";
import type { PhotoRecord } from "../../src/core/model/photo-record";
import type { TargetConfig } from "../../src/core/model/target-config";
import { photoRecord } from "../core/notes/photo-record-builder";
import { tempDir } from "../support/temp-dir";

export const PHOTOS = 2000;
export const PER_FOLDER = 25;
export const DATA_FOLDER = ".obsidian/plugins/photo-archivist";

export function photoPath(i: number): string {
	const folder = Math.floor(i / PER_FOLDER);
	return `Photos/${2000 + Math.floor(folder / 20)}/event-${String(folder).padStart(4, "0")}/IMG_${String(i).padStart(5, "0")}.jpg`;
}

/** Distinct contents, distinct paths, the same rich metadata; size and mtime to be filled from the disk when there is one. */
export function syntheticRecords(n = PHOTOS): PhotoRecord[] {
	return Array.from({ length: n }, (_, i) => {
		const path = photoPath(i);
		return photoRecord({ path, note: `Photo Notes/${path}.md`, sha256: i.toString(16).padStart(64, "0"), size: 1 + (i % 7), mtimeMs: 1_700_000_000_000 + i });
	});
}

export function folderCount(n = PHOTOS): number {
	return Math.ceil(n / PER_FOLDER);
}

export interface LibraryOnDisk {
	root: string;
	dataFolder: string;
	records: PhotoRecord[];
}

/**
 * A vault folder with `n` tiny photo files, one note per photo, and the index that says they are all indexed
 * and unchanged: a rescan must find nothing to do.
 */
export async function libraryOnDisk(n = PHOTOS): Promise<LibraryOnDisk> {
	const root = await tempDir("pa-scale-");
	const dataFolder = join(root, DATA_FOLDER);
	const records = syntheticRecords(n);
	const made = new Set<string>();
	for (const record of records) {
		for (const path of [record.path, record.note]) {
			const folder = dirname(join(root, path));
			if (!made.has(folder)) await mkdir(folder, { recursive: true });
			made.add(folder);
		}
		await writeFile(join(root, record.path), "x".repeat(record.size));
		await writeFile(join(root, record.note), "A note.\n");
		const s = await stat(join(root, record.path));
		record.size = s.size;
		record.mtimeMs = Math.floor(s.mtimeMs);
	}
	await mkdir(dataFolder, { recursive: true });
	await writeFile(join(dataFolder, INDEX_FILE_NAME), serializeIndex(records));
	return { root, dataFolder, records };
}

export function manifestEntries(records: readonly PhotoRecord[], skipEvery?: number): ManifestEntry[] {
	return records
		.filter((_, i) => skipEvery === undefined || i % skipEvery !== skipEvery - 1)
		.map((r, i) => ({ remotePath: r.path, sha256: r.sha256, size: r.size, uploadedAt: new Date(1_735_689_600_000 + i).toISOString(), localPath: r.path }));
}

export function manifestText(targetId: string, records: readonly PhotoRecord[], skipEvery?: number): [string, string] {
	return [manifestFileName(targetId), serializeManifest(manifestEntries(records, skipEvery), targetId)];
}

/** A NAS, a USB drive and an offsite cloud: the family's 3-2-1. */
export function threeTargets(): TargetConfig[] {
	const target = (id: string, medium: string, offsite: boolean): TargetConfig => ({
		id, name: id.toUpperCase(), kind: "webdav", medium, offsite, layout: "mirror", enabled: true, url: `http://${id}.local/dav`,
	});
	return [target("nas", "nas", false), target("usb", "external-drive", false), target("cloud", "cloud", true)];
}
