/** FileStore over a folder on disk (the CLI's vault): ranged reads and streamed hashing keep memory bounded. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { ByteRange, FileEntry, FileStore } from "../../core/ports/file-store";
import { readFully } from "../shared/read-fully";
import { resolveInside } from "./vault-path";

const HASH_CHUNK = 1 << 20;
/** As many buffers as files are hashed at once (the engine's read concurrency), with room to spare. */
const HASH_POOL = 8;

export class NodeFileStore implements FileStore {
	private readonly hashBuffers: Uint8Array[] = [];

	constructor(private readonly root: string) {}

	async list(folder: string): Promise<FileEntry[]> {
		const out: FileEntry[] = [];
		const walk = async (relative: string): Promise<void> => {
			let names;
			try {
				names = await readdir(resolveInside(this.root, relative), { withFileTypes: true });
			} catch (error) {
				if (isMissing(error)) return;
				throw error;
			}
			const visible = names.filter((d) => !d.name.startsWith("."));
			const pathOf = (name: string): string => (relative === "" ? name : `${relative}/${name}`);
			// A folder's files are stat'ed together: one at a time, a rescan of 10,000 photos is 10,000 round trips.
			const entries = await Promise.all(visible.filter((d) => d.isFile()).map((d) => this.stat(pathOf(d.name))));
			for (const entry of entries) if (entry) out.push(entry);
			for (const dirent of visible) if (dirent.isDirectory()) await walk(pathOf(dirent.name));
		};
		await walk(folder);
		return out;
	}

	async stat(path: string): Promise<FileEntry | null> {
		try {
			const s = await stat(resolveInside(this.root, path));
			if (!s.isFile()) return null;
			return { path, size: s.size, mtimeMs: Math.floor(s.mtimeMs) };
		} catch (error) {
			if (isMissing(error)) return null;
			throw error;
		}
	}

	async read(path: string, range?: ByteRange): Promise<Uint8Array> {
		const handle = await open(resolveInside(this.root, path), "r");
		try {
			const size = (await handle.stat()).size;
			const start = Math.min(range?.start ?? 0, size);
			const end = Math.min(range?.end ?? size, size);
			return await readFully(handle, start, end - start);
		} finally {
			await handle.close();
		}
	}

	async sha256(path: string): Promise<string> {
		const hash = createHash("sha256");
		const handle = await open(resolveInside(this.root, path), "r");
		try {
			// Buffers come from a small pool: a stream allocates a fresh megabyte per chunk, and even one fresh
			// buffer per file costs a cold index of thousands of photos more in page faults than the hashing.
			const buffer = this.hashBuffers.pop() ?? new Uint8Array(HASH_CHUNK);
			try {
				for (;;) {
					const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
					if (bytesRead === 0) break;
					hash.update(buffer.subarray(0, bytesRead));
				}
			} finally {
				if (this.hashBuffers.length < HASH_POOL) this.hashBuffers.push(buffer);
			}
		} finally {
			await handle.close();
		}
		return hash.digest("hex");
	}

	async *stream(path: string, start = 0): AsyncIterable<Uint8Array> {
		const stream = createReadStream(resolveInside(this.root, path), { start, highWaterMark: 1 << 20 });
		for await (const chunk of stream) yield new Uint8Array((chunk as Buffer).buffer, (chunk as Buffer).byteOffset, (chunk as Buffer).byteLength);
	}

	/** The absolute path of a vault-relative one (for tools that need it, like the CLI's messages). */
	absolute(path: string): string {
		return join(this.root, path);
	}
}

function isMissing(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException | null)?.code;
	return code === "ENOENT" || code === "ENOTDIR";
}
