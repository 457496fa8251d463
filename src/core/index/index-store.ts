/**
 * The index file in the plugin's data folder: read once at start (version 3, or the JSONL of versions 1 and 2
 * that it replaces), written whole and atomically by every save. The old JSONL file is removed by the first
 * save of a session, once the new file is in place, so a library is carried over without a rebuild.
 */
import { describeError } from "../model/errors";
import type { DataStore } from "../ports/data-store";
import type { Log } from "../ports/log";
import type { Pause } from "../util/time-slices";
import { INDEX_FILE_NAME, LEGACY_INDEX_FILE_NAME, readIndexFile, serializeIndex } from "./index-file";
import type { PhotoIndex } from "./photo-index";

export class IndexStore {
	private legacyRemoved = false;

	constructor(private readonly deps: { data: DataStore; log: Log; pause?: Pause }) {}

	/** The saved index; null when there is none, or it is damaged (logged): the caller starts empty and rebuilds. */
	async load(): Promise<PhotoIndex | null> {
		const content = (await this.deps.data.readBytes(INDEX_FILE_NAME)) ?? (await this.deps.data.readBytes(LEGACY_INDEX_FILE_NAME));
		if (content === null) return null;
		try {
			// Built as it is read, in slices: a 100,000-photo index never blocks the interface for long.
			return await readIndexFile(content, this.deps.pause);
		} catch (error) {
			// The index is a cache of what the photos and notes hold: rebuilding it loses nothing.
			this.deps.log.warn(`Photo index could not be read, rebuilding it: ${describeError(error)}`);
			return null;
		}
	}

	async save(index: PhotoIndex): Promise<void> {
		await this.deps.data.writeBytes(INDEX_FILE_NAME, serializeIndex(index.values()));
		if (!this.legacyRemoved) {
			await this.deps.data.remove(LEGACY_INDEX_FILE_NAME);
			this.legacyRemoved = true;
		}
	}
}
