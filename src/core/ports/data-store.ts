/** The plugin's own data folder (index, manifests): small named text files, not part of the vault's notes. */
export interface DataStore {
	/** Null when the file does not exist. */
	read(name: string): Promise<string | null>;
	/**
	 * Replaces the file as a whole. Contract: a reader never sees a half-written file under `name`; the
	 * text goes to a temporary name first and is renamed into place.
	 */
	write(name: string, text: string): Promise<void>;
	remove(name: string): Promise<void>;
}
