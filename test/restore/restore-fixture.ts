// A vault of generated photos backed up to one or more targets, with an engine wired as the CLI wires it (restores and the .trash folder included).
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import { NodeDataStore } from "../../src/adapters/node/node-data-store";
import { NodeFileStore } from "../../src/adapters/node/node-file-store";
import { createNodeLocalFs } from "../../src/adapters/node/node-local-fs";
import { NodeNoteStore } from "../../src/adapters/node/node-note-store";
import { encodeNodeBody } from "../../src/adapters/node/node-upload-body";
import { defaultBackupSettings } from "../../src/core/backup/backup-settings";
import { parseManifest, serializeManifest, type ManifestEntry } from "../../src/core/backup/manifest";
import { manifestFileName } from "../../src/core/backup/manifest-store";
import { createPhotoEngine } from "../../src/core/engine";
import type { PhotoEngine } from "../../src/core/engine-types";
import type { TargetConfig } from "../../src/core/model/target-config";
import { localFolderDestination } from "../../src/core/restore/local-folder";
import { localVaultTrash } from "../../src/core/restore/local-trash";
import { makeOpenTarget } from "../../src/core/targets/open-target";
import { DEFAULT_INDEX_SETTINGS } from "../../src/core/settings";
import { engineVault, type EngineVault } from "../support/engine-vault";
import { frontMatterOf } from "../support/note-text";
import { jpeg } from "../support/photos";

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

export const PHOTOS = ["Photos/a.jpg", "Photos/été #1.jpg", "Photos/2024/b&c d.jpg", "Photos/2024/e.jpg"];

export interface RestoreFixture extends Omit<EngineVault, "engine"> {
	targets: TargetConfig[];
	/** A fresh engine, as a new CLI run makes; `now` for free-up-space ages. */
	engine(now?: () => Date): PhotoEngine;
	/** The bytes each photo had when it was made. */
	original(path: string): Uint8Array;
	manifest(targetId: string): Promise<ManifestEntry[]>;
	/** Rewrites a target's saved manifest, as a verification run would have left it. */
	editManifest(targetId: string, edit: (entry: ManifestEntry) => ManifestEntry): Promise<void>;
	/** The front matter of a photo's note. */
	properties(path: string): Promise<Record<string, unknown>>;
}

export async function restoreFixture(targets: TargetConfig[], password?: string): Promise<RestoreFixture> {
	const vault = await engineVault();
	const originals = new Map<string, Uint8Array>();
	for (const [i, path] of PHOTOS.entries()) {
		const bytes = jpeg({ seed: i + 11 });
		originals.set(path, bytes);
		await vault.write(path, bytes);
	}
	const openTarget = makeOpenTarget({
		encodeBody: encodeNodeBody,
		localFs: () => Promise.resolve(createNodeLocalFs()),
		password: () => Promise.resolve(password),
		retry: { attempts: 2, baseDelayMs: 20, maxDelayMs: 100 },
		timeoutMs: 5000,
	});
	const engine = (now?: () => Date): PhotoEngine => createPhotoEngine(
		{
			files: new NodeFileStore(vault.root),
			notes: new NodeNoteStore(vault.root),
			data: new NodeDataStore(vault.dataFolder),
			openTarget,
			platform: "cli",
			vaultWriter: localFolderDestination(createNodeLocalFs(), vault.root).writer,
			trash: localVaultTrash(createNodeLocalFs(), vault.root),
			...(now ? { now } : {}),
		},
		DEFAULT_INDEX_SETTINGS,
		{ ...defaultBackupSettings("cli"), targets },
	);
	expect(await engine().indexAll()).toMatchObject({ photos: PHOTOS.length, failed: [] });
	const manifestPath = (id: string): string => join(vault.dataFolder, manifestFileName(id));
	const manifest = async (id: string): Promise<ManifestEntry[]> => parseManifest(await readFile(manifestPath(id), "utf8"));
	return {
		...vault,
		targets,
		engine,
		original: (path) => originals.get(path) ?? new Uint8Array(),
		manifest,
		editManifest: async (id, edit) => {
			await writeFile(manifestPath(id), serializeManifest((await manifest(id)).map(edit), id));
		},
		properties: async (path) => {
			const e = engine();
			await e.load();
			return frontMatterOf(await vault.read(e.noteOf(path) ?? "?"));
		},
	};
}
