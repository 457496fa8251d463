/** FileStore over a folder on disk (the CLI's vault): ranged reads and streamed hashing keep memory bounded. */
import { createHash } from "node:crypto";
import { createReadStream, lstatSync, readdirSync } from "node:fs";
import { open, stat } from "node:fs/promises";
import { join, sep } from "node:path";
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
			const absolute = resolveInside(this.root, relative);
			let names: string[];
			try {
				// Synchronous, like the stats below: awaited one folder at a time, 4,000 folders spent seconds waiting
				// on the thread pool. The CLI has no interface to keep responsive.
				names = readdirSync(absolute);
			} catch (error) {
				if (isMissing(error)) return;
				throw error;
			}
			const pathOf = (name: string): string => (relative === "" ? name : `${relative}/${name}`);
			const folders: string[] = [];
			for (const name of names) {
				if (name.startsWith(".")) continue;
				// A rescan is nothing but these stats (100,000 of them for 100,000 photos). The synchronous call costs
				// a third of the CPU of the promise one (no thread-pool round trip, no promise per file), and a folder
				// is done before the event loop turns again, which in the CLI keeps only Ctrl-C waiting, briefly. The
				// stat says file or folder too, so the listing needs no entry types; lstat, so a symbolic link is
				// neither (as it never was). The name is appended to the resolved folder, not joined and normalized again.
				const s = lstatSync(`${absolute}${sep}${name}`, { throwIfNoEntry: false });
				if (s?.isFile()) out.push({ path: pathOf(name), size: s.size, mtimeMs: Math.floor(s.mtimeMs) });
				else if (s?.isDirectory()) folders.push(name);
			}
			for (const name of folders) await walk(pathOf(name));
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
