/** The plugin's data.json as the CLI reads and edits it: every key it does not touch is kept as it was. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { NodeDataStore } from "../adapters/node/node-data-store";
import { UsageError } from "./usage-error";

export const DATA_FILE = "data.json";

export type PluginDataObject = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The plugin's data.json, or {} when the plugin was never configured in this vault. */
export async function readPluginData(dataFolder: string): Promise<PluginDataObject> {
	const file = join(dataFolder, DATA_FILE);
	let text: string;
	try {
		text = await readFile(file, "utf8");
	} catch {
		return {};
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new UsageError(`the plugin settings in ${file} are not valid JSON`);
	}
	if (!isRecord(parsed)) throw new UsageError(`the plugin settings in ${file} are not a JSON object`);
	return parsed;
}

/**
 * Reads data.json, lets `change` edit the object, and writes it back atomically (temporary file, synced,
 * renamed), so Obsidian or a second run never reads a half-written file.
 */
export async function updatePluginData(dataFolder: string, change: (data: PluginDataObject) => void): Promise<void> {
	const data = await readPluginData(dataFolder);
	change(data);
	await new NodeDataStore(dataFolder).write(DATA_FILE, JSON.stringify(data, null, "\t") + "\n");
}
