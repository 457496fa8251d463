// In-memory FileStore and DataStore for the backup's unit tests, with hooks to change a file while it streams.
import { createHash } from "node:crypto";
import type { DataStore } from "../../../src/core/ports/data-store";
import type { ByteRange, FileEntry, FileStore } from "../../../src/core/ports/file-store";
import type { PhotoRecord } from "../../../src/core/model/photo-record";
import { photoRecord } from "../notes/photo-record-builder";

export class MemoryFiles implements FileStore {
	readonly files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
	/** Bytes per chunk of `stream`. */
	chunkSize = 4;
	/** Called before each chunk `stream` yields, with its index (0 first). */
	onStreamChunk?: (path: string, index: number) => void;
	private clock = 1_700_000_000_000;

	write(path: string, content: Uint8Array | string): void {
		const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
		this.clock += 1000;
		this.files.set(path, { bytes, mtimeMs: this.clock });
	}

	/** The index's record of the file as it is now. */
	record(path: string, overrides: Parameters<typeof photoRecord>[0] = {}): PhotoRecord {
		const file = this.files.get(path);
		if (!file) throw new Error(`no file ${path}`);
		return photoRecord({
			path,
			size: file.bytes.length,
			mtimeMs: file.mtimeMs,
			sha256: createHash("sha256").update(file.bytes).digest("hex"),
			note: `Photo Notes/${path}.md`,
			...overrides,
		});
	}

	list(folder: string): Promise<FileEntry[]> {
		const prefix = folder === "" ? "" : `${folder}/`;
		return Promise.resolve([...this.files.keys()].filter((p) => p.startsWith(prefix)).map((p) => this.entry(p) as FileEntry));
	}

	stat(path: string): Promise<FileEntry | null> {
		return Promise.resolve(this.entry(path));
	}

	read(path: string, range?: ByteRange): Promise<Uint8Array> {
		const file = this.files.get(path);
		if (!file) return Promise.reject(new Error(`ENOENT: ${path}`));
		return Promise.resolve(range ? file.bytes.slice(range.start, range.end) : file.bytes.slice());
	}

	sha256(path: string): Promise<string> {
		const file = this.files.get(path);
		if (!file) return Promise.reject(new Error(`ENOENT: ${path}`));
		return Promise.resolve(createHash("sha256").update(file.bytes).digest("hex"));
	}

	async *stream(path: string, start = 0): AsyncIterable<Uint8Array> {
		for (let at = start, index = 0; ; at += this.chunkSize, index++) {
			this.onStreamChunk?.(path, index);
			const file = this.files.get(path);
			if (!file) throw new Error(`ENOENT: ${path}`);
			if (at >= file.bytes.length) return;
			await Promise.resolve();
			yield file.bytes.slice(at, at + this.chunkSize);
		}
	}

	private entry(path: string): FileEntry | null {
		const file = this.files.get(path);
		return file ? { path, size: file.bytes.length, mtimeMs: file.mtimeMs } : null;
	}
}

export class MemoryData implements DataStore {
	/** Text files as strings, binary ones (the index) as bytes. */
	readonly files = new Map<string, string | Uint8Array>();
	writes = 0;

	read(name: string): Promise<string | null> {
		const content = this.files.get(name);
		return Promise.resolve(content === undefined ? null : typeof content === "string" ? content : new TextDecoder().decode(content));
	}

	readBytes(name: string): Promise<Uint8Array | null> {
		const content = this.files.get(name);
		return Promise.resolve(content === undefined ? null : typeof content === "string" ? new TextEncoder().encode(content) : content);
	}

	write(name: string, text: string): Promise<void> {
		this.writes++;
		this.files.set(name, text);
		return Promise.resolve();
	}

	writeBytes(name: string, bytes: Uint8Array): Promise<void> {
		this.writes++;
		this.files.set(name, bytes.slice());
		return Promise.resolve();
	}

	remove(name: string): Promise<void> {
		this.files.delete(name);
		return Promise.resolve();
	}
}
