/** Reads a note's properties through the NoteStore port, parsed by the host's own YAML (Obsidian's in the plugin). */
import type { NoteStore, Properties } from "../ports/note-store";

/**
 * The note's properties, or null when there is no note at `path`. The port has no read of properties, but its
 * update contract does the job: an edit that changes nothing writes nothing, and its callback sees the
 * properties exactly as the host parses them. Throws when the note's YAML cannot be read.
 */
export async function readNoteProperties(notes: NoteStore, path: string): Promise<Properties | null> {
	let seen: Properties = {};
	try {
		await notes.update(path, {
			properties: (properties) => {
				seen = { ...properties };
			},
		});
	} catch (error) {
		if ((await notes.read(path)) === null) return null;
		throw error;
	}
	return seen;
}
