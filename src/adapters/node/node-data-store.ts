/** DataStore in a folder on disk (the plugin's data folder inside the vault's config folder). */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { DataStore } from "../../core/ports/data-store";

/**
 * Reads are synchronous: the promise versions read a 15 MB manifest in thirty round trips to the thread pool,
 * and the CLI has no interface to keep responsive meanwhile.
 */
export class NodeDataStore implements DataStore {
	/**
	 * Text files are read into this buffer, kept from one read to the next: a fresh 15 MB buffer per manifest
	 * costs more in page faults than reading it (three targets' manifests are read by every backup).
	 */
	private scratch = Buffer.alloc(0);

	constructor(private readonly folder: string) {}

	read(name: string): Promise<string | null> {
		return this.whenFound(() => {
			const fd = openSync(join(this.folder, name), "r");
			try {
				const size = fstatSync(fd).size;
				if (this.scratch.length < size) this.scratch = Buffer.allocUnsafe(size);
				let done = 0;
				while (done < size) {
					const n = readSync(fd, this.scratch, done, size - done, done);
					if (n === 0) break;
					done += n;
				}
				// Decoded in one go: readFile(…, "utf8") decodes piecewise into a rope that costs a second copy when first searched.
				return this.scratch.toString("utf8", 0, done);
			} finally {
				closeSync(fd);
			}
		});
	}

	/** The file in a buffer of its own (the index keeps its binary file's buffer). */
	readBytes(name: string): Promise<Buffer | null> {
		return this.whenFound(() => readFileSync(join(this.folder, name)));
	}

	private whenFound<T>(read: () => T): Promise<T | null> {
		try {
			return Promise.resolve(read());
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === "ENOENT") return Promise.resolve(null);
			return Promise.reject(error instanceof Error ? error : new Error(String(error)));
		}
	}

	write(name: string, text: string): Promise<void> {
		return this.writeBytes(name, Buffer.from(text, "utf8"));
	}

	async writeBytes(name: string, bytes: Uint8Array): Promise<void> {
		await mkdir(this.folder, { recursive: true });
		const target = join(this.folder, name);
		const temporary = `${target}.${process.pid}.tmp`;
		try {
			const handle = await open(temporary, "w");
			try {
				await handle.writeFile(bytes);
				// On disk before the rename, or a power cut could leave an empty file under the final name.
				await handle.sync();
			} finally {
				await handle.close();
			}
			// rename() replaces the old file in one step, so a reader sees the old index or the new one.
			await rename(temporary, target);
		} catch (error) {
			await rm(temporary, { force: true });
			throw error;
		}
	}

	async remove(name: string): Promise<void> {
		await rm(join(this.folder, name), { force: true });
	}
}
