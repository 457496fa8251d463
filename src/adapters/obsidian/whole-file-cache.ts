/** The last whole file read through the Vault API, held weakly, so reading several parts of one file costs one read. */
import type { TFile } from "obsidian";

/**
 * On mobile every ranged read and every hash reads the whole file (the Vault API has no ranges), and each read
 * crosses the app's native bridge. Indexing asks for a few ranges of a file and then its hash, back to back; one
 * entry keyed by path, size and mtime serves them all. Held through a WeakRef, so a large video is never kept
 * alive by the cache once indexing has moved on.
 */
export class WholeFileCache {
	private last: { key: string; bytes: WeakRef<Uint8Array<ArrayBuffer>> } | null = null;

	/** The file's bytes. Callers must not modify them: the next caller may get the same array. */
	async read(file: TFile, readBinary: (file: TFile) => Promise<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
		const key = `${file.path}\0${file.stat.size}\0${file.stat.mtime}`;
		const cached = this.last?.key === key ? this.last.bytes.deref() : undefined;
		if (cached !== undefined) return cached;
		const bytes = new Uint8Array(await readBinary(file));
		// Older mobile web views lack WeakRef; they simply read again.
		this.last = typeof WeakRef === "function" ? { key, bytes: new WeakRef(bytes) } : null;
		return bytes;
	}
}
