/** The two things the indexer does with a photo's note: write it (create or bring up to date), and preview it. */
import type { PhotoRecord } from "../model/photo-record";
import type { NoteStore, Properties } from "../ports/note-store";
import { renderGeneratedSection, type SectionOptions } from "./generated-section";
import { replaceGeneratedSection } from "./merge-note";
import { applyPhotoProperties, newPhotoProperties, type BackupStatus } from "./photo-properties";
import { renderPhotoNote } from "./render-photo-note";
import { applyAutoTags } from "../organize/auto-tags";
import type { OrganizeSettings } from "../organize/organize-settings";

export type NoteWriteResult = "created" | "updated" | "unchanged";

export interface PhotoNoteOptions extends SectionOptions {
	/** The `backup` and `backup_targets` properties; null or absent removes them (no backup target set up). */
	backupStatus?: BackupStatus | null;
	/** The automatic tags to merge into `tags` (organize settings); absent leaves `tags` as it is. */
	autoTags?: OrganizeSettings;
}

/** The note a new photo gets, for previews and tests. */
export function renderedNote(record: PhotoRecord, options: PhotoNoteOptions = {}): { properties: Properties; body: string } {
	const properties = newPhotoProperties(record, options.backupStatus ?? null);
	if (options.autoTags) applyAutoTags(properties, record, options.autoTags);
	return { properties, body: renderPhotoNote(record, options) };
}

/**
 * Creates `record.note`, or updates its managed properties and generated section, leaving the user's
 * properties and text alone. One read decides between the two; the store's update writes nothing (and
 * this returns "unchanged") when the note already matches the record.
 */
export async function writePhotoNote(notes: NoteStore, record: PhotoRecord, options: PhotoNoteOptions = {}): Promise<NoteWriteResult> {
	const existing = await notes.read(record.note);
	if (existing === null) {
		const { properties, body } = renderedNote(record, options);
		await notes.create(record.note, properties, body);
		return "created";
	}
	const section = renderGeneratedSection(record, options);
	const written = await notes.update(record.note, {
		properties: (properties) => {
			applyPhotoProperties(properties, record, options.backupStatus ?? null);
			if (options.autoTags) applyAutoTags(properties, record, options.autoTags);
		},
		body: (body) => replaceGeneratedSection(body, section),
	});
	return written ? "updated" : "unchanged";
}
