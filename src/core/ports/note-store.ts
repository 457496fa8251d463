/** The Markdown notes of the vault. Properties are YAML front matter, handled by the host's own YAML. */

export type Properties = Record<string, unknown>;

export interface NoteEdit {
	/** Mutates the note's properties in place (the shape of Obsidian's processFrontMatter callback). */
	properties?: (properties: Properties) => void;
	/** Returns the new body (everything after the front matter) from the current one. */
	body?: (body: string) => string;
}

export interface NoteStore {
	/** The note's whole text, or null when there is no note at `path`. */
	read(path: string): Promise<string | null>;
	/** Every note path under `folder`, recursively. A missing folder lists as empty. */
	list(folder: string): Promise<string[]>;
	/** Creates the note and any missing parent folders. Throws if something already exists at `path`. */
	create(path: string, properties: Properties, body: string): Promise<void>;
	/**
	 * Applies `edit` to an existing note. Contract: when the edited properties are deep-equal to the
	 * current ones and the body is unchanged, nothing is written (no byte changes, no modify event), and
	 * it returns false. Properties the edit does not touch keep their values. Returns true when written.
	 */
	update(path: string, edit: NoteEdit): Promise<boolean>;
	/** Moves the note, creating parent folders; hosts that track links (Obsidian) update links to it. */
	move(from: string, to: string): Promise<void>;
}
