/**
 * Writing files where the core may create them (the vault, or a folder chosen for a restore), and putting
 * originals in the trash: the only two changes the core ever makes to a user's files outside notes.
 */

/** Thrown by `writeNew` when something is already at the path: it was left exactly as it was. */
export class FileExistsError extends Error {
	constructor(readonly path: string) {
		super(`something is already at ${path}`);
		this.name = "FileExistsError";
	}
}

export interface FileWriter {
	/**
	 * Stores the bytes of `body` at `path` (relative, "/"-separated, already checked by the caller), creating
	 * parent folders. Contract: nothing is visible under `path` unless `body` ended without throwing (hosts
	 * write a temporary beside it and rename it into place, or hold the bytes and create the file at the end);
	 * an error from `body` leaves nothing behind. Never replaces anything: throws FileExistsError instead.
	 */
	writeNew(path: string, body: AsyncIterable<Uint8Array>): Promise<void>;
}

export interface Trash {
	/** Where files go, in words for a confirmation ("Obsidian's trash", "the system trash", "<vault>/.trash"). */
	readonly description: string;
	/** Moves the file to the trash, recoverable from there; never a hard delete. */
	trash(path: string): Promise<void>;
}
