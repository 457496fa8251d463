/** "Tag photos…": adds and removes tags on photo notes through the note store, touching no other tag. */
import { describeError } from "../model/errors";
import type { NoteStore } from "../ports/note-store";
import { tagEntries, tagKey } from "./tag-values";

export interface TagChange {
	/** Tags to add, without "#" (already cleaned). */
	add: readonly string[];
	/** Tags to remove: each removes that exact tag (any spelling of its case, with or without "#"), not its nested tags. */
	remove: readonly string[];
}

export interface TagEditSummary {
	/** Notes whose tags changed. */
	changed: number;
	/** Notes that already had the tags asked for (nothing written). */
	unchanged: number;
	failed: Array<{ note: string; reason: string }>;
}

/**
 * `tags` after `change`: removed tags go, added ones not already there go at the end; every other entry
 * keeps its place and spelling. Null when nothing changes, or when `tags` is not a tag list (left alone).
 */
export function editedTags(current: unknown, change: TagChange): unknown[] | null {
	const entries = tagEntries(current);
	if (entries === null) return null;
	const removing = new Set(change.remove.map(tagKey));
	const kept = entries.filter((entry) => typeof entry !== "string" || !removing.has(tagKey(entry)));
	const present = new Set(kept.filter((entry): entry is string => typeof entry === "string").map(tagKey));
	const added: string[] = [];
	for (const tag of change.add) {
		const key = tagKey(tag);
		if (present.has(key)) continue;
		present.add(key);
		added.push(tag);
	}
	if (kept.length === entries.length && added.length === 0) return null;
	return [...kept, ...added];
}

/** Applies `change` to each note; a note that cannot be edited is reported and the others go on. */
export async function editTags(
	notes: NoteStore,
	notePaths: readonly string[],
	change: TagChange,
	onProgress?: (done: number, total: number) => void,
): Promise<TagEditSummary> {
	const summary: TagEditSummary = { changed: 0, unchanged: 0, failed: [] };
	let done = 0;
	for (const note of new Set(notePaths)) {
		try {
			const written = await notes.update(note, {
				properties: (properties) => {
					const next = editedTags(properties.tags, change);
					if (next !== null) properties.tags = next;
				},
			});
			if (written) summary.changed++;
			else summary.unchanged++;
		} catch (error) {
			summary.failed.push({ note, reason: describeError(error) });
		}
		onProgress?.(++done, notePaths.length);
	}
	return summary;
}
