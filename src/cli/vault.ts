/** Opens a vault folder for the CLI: its plugin settings (or the defaults) and an engine over Node's fs. */
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { NodeDataStore } from "../adapters/node/node-data-store";
import { NodeFileStore } from "../adapters/node/node-file-store";
import { jpegPreviewDecoder } from "../adapters/node/jpeg-preview-decoder";
import { createNodeLocalFs } from "../adapters/node/node-local-fs";
import { NodeNoteStore } from "../adapters/node/node-note-store";
import type { BackupSettings } from "../core/backup/backup-types";
import { createPhotoEngine } from "../core/engine";
import { localFolderDestination } from "../core/restore/local-folder";
import { localVaultTrash } from "../core/restore/local-trash";
import type { PhotoEngine } from "../core/engine-types";
import { normalizeOrganizeSettings } from "../core/organize/organize-settings";
import { normalizeIndexSettings, type IndexSettings } from "../core/settings";
import { testConnection } from "../core/targets/test-connection";
import { backupSettingsOf } from "./backup-config";
import { cliOpenTarget } from "./cli-open-target";
import { readPluginData } from "./plugin-data-file";
import { UsageError } from "./usage-error";

export const PLUGIN_ID = "photo-archivist";

export interface VaultFolders {
	root: string;
	/** The plugin's data folder: data.json, the index, the backup manifests. */
	dataFolder: string;
}

export interface OpenVault extends VaultFolders {
	settings: IndexSettings;
	backupSettings: BackupSettings;
	engine: PhotoEngine;
	files: NodeFileStore;
}

export async function vaultFolders(path: string, configDir = ".obsidian"): Promise<VaultFolders> {
	const root = resolve(path);
	const info = await stat(root).catch(() => null);
	if (!info?.isDirectory()) throw new UsageError(`no such vault folder: ${root}`);
	return { root, dataFolder: join(root, configDir, "plugins", PLUGIN_ID) };
}

export async function openVault(path: string, configDir?: string): Promise<OpenVault> {
	const folders = await vaultFolders(path, configDir);
	const data = await readPluginData(folders.dataFolder);
	const settings = normalizeIndexSettings(data.index);
	const backupSettings = backupSettingsOf(data);
	const files = new NodeFileStore(folders.root);
	const dataStore = new NodeDataStore(folders.dataFolder);
	const engine = createPhotoEngine(
		{
			files,
			notes: new NodeNoteStore(folders.root),
			data: dataStore,
			log: { warn: (m) => process.stderr.write(`warning: ${m}\n`), debug: () => {} },
			openTarget: cliOpenTarget(dataStore),
			platform: "cli",
			testConnection,
			// Restores write through a temporary file and a rename that never replaces; freed originals go to <vault>/.trash.
			vaultWriter: localFolderDestination(createNodeLocalFs(), folders.root).writer,
			trash: localVaultTrash(createNodeLocalFs(), folders.root),
			// Automatic tags and albums as the plugin sets them (data.json's `organize`), the defaults otherwise.
			organize: normalizeOrganizeSettings(data.organize),
			previewDecoder: jpegPreviewDecoder(),
		},
		settings,
		backupSettings,
	);
	await engine.load();
	return { ...folders, settings, backupSettings, engine, files };
}
