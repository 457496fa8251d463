/** The plugin's own data folder (index, manifests): small named text files, not part of the vault's notes. */
export interface DataStore {
	/** Null when the file does not exist. */
	read(name: string): Promise<string | null>;
	/**
	 * The file's bytes, or null when it does not exist; same file as `read`. Binary files (the photo index) are
	 * read this way, and large text files too, so the core decodes them a slice at a time instead of receiving
	 * one string whose decoding blocks the interface.
	 */
	readBytes(name: string): Promise<Uint8Array | null>;
	/**
	 * Replaces the file as a whole. Contract: a reader never sees a half-written file under `name`; the
	 * text goes to a temporary name first and is renamed into place.
	 */
	write(name: string, text: string): Promise<void>;
	/** Like `write`, for a binary file: the same all-or-nothing replacement. */
	writeBytes(name: string, bytes: Uint8Array): Promise<void>;
	remove(name: string): Promise<void>;
}
