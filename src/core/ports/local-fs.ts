/**
 * The local file system as a folder target needs it (an external drive, a mounted share): desktop and CLI
 * only. Paths are the host's absolute paths; `resolve` makes them, so the core never splits one itself.
 * Failures are thrown as errors carrying the system's code (`error.code`: "ENOENT", "ENOSPC", "EACCES"…).
 */

export interface LocalEntry {
	name: string;
	kind: "file" | "folder" | "other";
}

export interface LocalStat {
	kind: "file" | "folder" | "other";
	size: number;
	mtimeMs: number;
}

/** A file open for writing from its start. */
export interface LocalWriter {
	write(chunk: Uint8Array): Promise<void>;
	/** Flushes the written bytes to the disk (fsync), so a power cut cannot leave a named but empty file. */
	sync(): Promise<void>;
	close(): Promise<void>;
}

export interface LocalFs {
	/** True for an absolute path on this host ("/mnt/ssd", "D:\\Backups", "\\\\nas\\share"). */
	isAbsolute(path: string): boolean;
	/** `root` joined with a "/"-separated relative path. */
	resolve(root: string, relative: string): string;
	/** Null when nothing is there. */
	stat(path: string): Promise<LocalStat | null>;
	/** Null when the folder is not there. */
	readdir(path: string): Promise<LocalEntry[] | null>;
	/** Creates the folder and any missing parents; an existing folder is fine. */
	mkdirs(path: string): Promise<void>;
	/** Creates or truncates the file. */
	openWriter(path: string): Promise<LocalWriter>;
	/**
	 * Moves a file to a name that must be free: throws code "EEXIST" if something is at `to`, never
	 * replacing it, and makes the new name durable (the folder is synced where the system allows).
	 */
	renameNoReplace(from: string, to: string): Promise<void>;
	/** A missing file is not an error. */
	unlink(path: string): Promise<void>;
	/** The bytes from `start` to `end` (exclusive), or fewer where the file ends. */
	read(path: string, start: number, end: number): Promise<Uint8Array>;
	/** Bytes free for this user on the file system holding `path`, or null where the system cannot say. */
	freeBytes(path: string): Promise<{ available: number; total: number } | null>;
}
