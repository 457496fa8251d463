/** The body of a new photo note: the generated section, then an empty "Notes" heading for the user. */
import type { PhotoRecord } from "../model/photo-record";
import { renderGeneratedSection, type SectionOptions } from "./generated-section";

export const NOTES_HEADING = "## Notes";

export function renderPhotoNote(record: PhotoRecord, options: SectionOptions = {}): string {
	return `${renderGeneratedSection(record, options)}\n\n${NOTES_HEADING}\n\n`;
}
