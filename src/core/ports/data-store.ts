/** The plugin's own data folder (index, manifests): small named text files, not part of the vault's notes. */
export interface DataStore {
	/** Null when the file does not exist. */
	read(name: string): Promise<string | null>;
	/**
	 * Optional: the file's UTF-8 bytes, or null when it does not exist; same file as `read`. Hosts whose disk
	 * reads happen off the main thread offer it, so a large file (a 100,000-photo index) is decoded by the core
	 * a slice at a time instead of arriving as one string whose decoding blocks the interface.
	 */
	readBytes?(name: string): Promise<Uint8Array | null>;
	/**
	 * Replaces the file as a whole. Contract: a reader never sees a half-written file under `name`; the
	 * text goes to a temporary name first and is renamed into place.
	 */
	write(name: string, text: string): Promise<void>;
	remove(name: string): Promise<void>;
}
