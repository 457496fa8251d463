/** DataStore in the plugin's own folder (<configDir>/plugins/<id>/) through the vault's DataAdapter. */
import { normalizePath, type DataAdapter } from "obsidian";
import { PhotoArchivistError } from "../../core/model/errors";
import type { DataStore } from "../../core/ports/data-store";
import { SerialQueue } from "../../core/util/serial-queue";

export interface PluginDataStoreDeps {
	adapter: Pick<DataAdapter, "exists" | "read" | "write" | "readBinary" | "writeBinary" | "remove" | "rename" | "mkdir">;
	/** Vault path of the plugin's folder: the manifest's `dir`. */
	folder: string;
}

/**
 * Writes go to "<name>.tmp", then the old file is removed and the temporary one renamed into place. The
 * DataAdapter has no atomic replace (Obsidian's rename refuses an existing destination), so a crash between
 * the remove and the rename leaves only "<name>.tmp": `read` then returns it. It was written in full before
 * the old file went away, but a crash while writing it the first time can leave it cut short, so callers
 * must validate what they read (the index file carries its own check).
 */
export class PluginDataStore implements DataStore {
	private readonly adapter: PluginDataStoreDeps["adapter"];
	private readonly folder: string;
	// One operation at a time: a read between another write's remove and rename would find neither file.
	private readonly queue = new SerialQueue();

	constructor(deps: PluginDataStoreDeps) {
		this.adapter = deps.adapter;
		this.folder = normalizePath(deps.folder);
	}

	async read(name: string): Promise<string | null> {
		const path = this.pathOf(name);
		return this.queue.run(async () => {
			if (await this.adapter.exists(path)) return this.adapter.read(path);
			if (await this.adapter.exists(`${path}.tmp`)) return this.adapter.read(`${path}.tmp`);
			return null;
		});
	}

	/** The bytes, which the core decodes in slices: a 15 MB manifest read as text would be decoded in one go. */
	async readBytes(name: string): Promise<Uint8Array | null> {
		const path = this.pathOf(name);
		return this.queue.run(async () => {
			if (await this.adapter.exists(path)) return new Uint8Array(await this.adapter.readBinary(path));
			if (await this.adapter.exists(`${path}.tmp`)) return new Uint8Array(await this.adapter.readBinary(`${path}.tmp`));
			return null;
		});
	}

	write(name: string, text: string): Promise<void> {
		return this.replace(name, (temporary) => this.adapter.write(temporary, text));
	}

	writeBytes(name: string, bytes: Uint8Array): Promise<void> {
		// writeBinary takes a whole ArrayBuffer: a view into a larger one is copied out first.
		const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
		const buffer = whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
		return this.replace(name, (temporary) => this.adapter.writeBinary(temporary, buffer));
	}

	private async replace(name: string, writeTemporary: (temporary: string) => Promise<void>): Promise<void> {
		const path = this.pathOf(name);
		return this.queue.run(async () => {
			await this.ensureFolder(path.slice(0, path.lastIndexOf("/")));
			await writeTemporary(`${path}.tmp`);
			if (await this.adapter.exists(path)) await this.adapter.remove(path);
			await this.adapter.rename(`${path}.tmp`, path);
		});
	}

	async remove(name: string): Promise<void> {
		const path = this.pathOf(name);
		return this.queue.run(async () => {
			for (const candidate of [path, `${path}.tmp`]) {
				if (await this.adapter.exists(candidate)) await this.adapter.remove(candidate);
			}
		});
	}

	private pathOf(name: string): string {
		const segments = name.split("/");
		if (name.includes("\\") || segments.some((s) => s === "" || s === "." || s === "..")) {
			throw new PhotoArchivistError("io", `Bad data file name "${name}": use plain names, optionally in sub-folders`);
		}
		return normalizePath(`${this.folder}/${name}`);
	}

	private async ensureFolder(folder: string): Promise<void> {
		if (await this.adapter.exists(folder)) return;
		const parent = folder.slice(0, Math.max(0, folder.lastIndexOf("/")));
		if (parent !== "") await this.ensureFolder(parent);
		await this.adapter.mkdir(folder);
	}
}
