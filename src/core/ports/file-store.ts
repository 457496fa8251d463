/** The files of the vault (or any folder), as the core sees them. Paths are vault-relative and "/"-separated. */

export interface FileEntry {
	path: string;
	size: number;
	/** Whole milliseconds. */
	mtimeMs: number;
}

export interface ByteRange {
	start: number;
	/** Exclusive. Reading past the end of the file returns the bytes that exist. */
	end: number;
}

export interface FileStore {
	/**
	 * Every file under `folder`, recursively ("" is the root). Hidden entries (a name starting with ".")
	 * are not listed. A missing folder lists as empty; it is not an error.
	 */
	list(folder: string): Promise<FileEntry[]>;
	/** Null when nothing is there (the normal "does not exist" case is not an exception). */
	stat(path: string): Promise<FileEntry | null>;
	/**
	 * The file's bytes, or only `range` of them. Hosts that can read a range without reading the whole
	 * file do so; the others read it all and slice. Throws when the file cannot be read.
	 */
	read(path: string, range?: ByteRange): Promise<Uint8Array>;
	/** Lower-case hex SHA-256 of the whole file. Hosts with streams hash in bounded memory. */
	sha256(path: string): Promise<string>;
	/**
	 * The file's bytes from `start` (default 0) to the end, in chunks, for uploads: hosts with streams read
	 * in bounded memory; the others read the file once and yield it whole.
	 */
	stream(path: string, start?: number): AsyncIterable<Uint8Array>;
}
