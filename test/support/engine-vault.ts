// A vault on disk with the engine wired over the Node adapters, as the CLI uses it.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { NodeDataStore } from "../../src/adapters/node/node-data-store";
import { NodeFileStore } from "../../src/adapters/node/node-file-store";
import { NodeNoteStore } from "../../src/adapters/node/node-note-store";
import { createPhotoEngine, type EngineDeps } from "../../src/core/engine";
import type { PhotoEngine } from "../../src/core/engine-types";
import type { FileStore } from "../../src/core/ports/file-store";
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from "../../src/core/settings";
import { tempDir } from "./temp-dir";

export interface EngineVault {
	root: string;
	dataFolder: string;
	/** A fresh engine over the same vault, as a new CLI run or an Obsidian restart would make. */
	engine(overrides?: { files?: (store: FileStore) => FileStore; settings?: Partial<IndexSettings> } & Omit<Partial<EngineDeps>, "files">): PhotoEngine;
	write(path: string, bytes: Uint8Array | string): Promise<void>;
	read(path: string): Promise<string>;
}

export async function engineVault(): Promise<EngineVault> {
	const root = await tempDir("pa-vault-");
	const dataFolder = join(root, ".obsidian", "plugins", "photo-archivist");
	return {
		root,
		dataFolder,
		engine: (overrides = {}) => {
			const files = new NodeFileStore(root);
			return createPhotoEngine(
				{
					files: overrides.files ? overrides.files(files) : files,
					notes: new NodeNoteStore(root),
					data: new NodeDataStore(dataFolder),
					now: overrides.now,
					concurrency: overrides.concurrency,
					organize: overrides.organize,
				},
				{ ...DEFAULT_INDEX_SETTINGS, ...overrides.settings },
			);
		},
		write: async (path, bytes) => {
			await mkdir(dirname(join(root, path)), { recursive: true });
			await writeFile(join(root, path), bytes);
		},
		read: (path) => readFile(join(root, path), "utf8"),
	};
}
