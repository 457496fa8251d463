/** Opens a vault folder for the CLI: its plugin settings (or the defaults) and an engine over Node's fs. */
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { NodeDataStore } from "../adapters/node/node-data-store";
import { NodeFileStore } from "../adapters/node/node-file-store";
import { NodeNoteStore } from "../adapters/node/node-note-store";
import { createPhotoEngine } from "../core/engine";
import type { PhotoEngine } from "../core/engine-types";
import { normalizeIndexSettings, type IndexSettings } from "../core/settings";

export const PLUGIN_ID = "photo-archivist";

export class UsageError extends Error {}

export interface OpenVault {
	root: string;
	dataFolder: string;
	settings: IndexSettings;
	engine: PhotoEngine;
	files: NodeFileStore;
}

/** The plugin's data.json, or {} when the plugin was never configured in this vault. */
async function readPluginData(dataFolder: string): Promise<Record<string, unknown>> {
	let text: string;
	try {
		text = await readFile(join(dataFolder, "data.json"), "utf8");
	} catch {
		return {};
	}
	try {
		return JSON.parse(text) as Record<string, unknown>;
	} catch {
		throw new UsageError(`the plugin settings in ${join(dataFolder, "data.json")} are not valid JSON`);
	}
}

export async function openVault(path: string, configDir = ".obsidian"): Promise<OpenVault> {
	const root = resolve(path);
	const info = await stat(root).catch(() => null);
	if (!info?.isDirectory()) throw new UsageError(`no such vault folder: ${root}`);
	const dataFolder = join(root, configDir, "plugins", PLUGIN_ID);
	const settings = normalizeIndexSettings((await readPluginData(dataFolder)).index);
	const files = new NodeFileStore(root);
	const engine = createPhotoEngine(
		{
			files,
			notes: new NodeNoteStore(root),
			data: new NodeDataStore(dataFolder),
			log: { warn: (m) => process.stderr.write(`warning: ${m}\n`), debug: () => {} },
		},
		settings,
	);
	await engine.load();
	return { root, dataFolder, settings, engine, files };
}
