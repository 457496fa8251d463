/** DataStore in a folder on disk (the plugin's data folder inside the vault's config folder). */
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { DataStore } from "../../core/ports/data-store";

export class NodeDataStore implements DataStore {
	constructor(private readonly folder: string) {}

	async read(name: string): Promise<string | null> {
		// Decoded in one go: the piecewise decoding of readFile(…, "utf8") makes a rope that costs a second copy
		// of a 15 MB manifest when first searched.
		return (await this.readBytes(name))?.toString("utf8") ?? null;
	}

	async readBytes(name: string): Promise<Buffer | null> {
		try {
			return await readFile(join(this.folder, name));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
			throw error;
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
