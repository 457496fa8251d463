/** The contract of one container format's reader, as the registry in format-registry.ts lists them. */
import type { MetadataDraft } from "./metadata-draft";
import type { RangedFile } from "./ranged-file";

/** How many leading bytes `canHandle` gets: enough for every signature we check (RAF's is the longest). */
export const HEAD_SIZE = 64;

export interface FormatReader {
	/** Short name for diagnostics ("jpeg", "quicktime"). */
	readonly name: string;
	/**
	 * MIME types of the files this reader covers, the most general first. A file keeps the type of its
	 * extension when the content agrees (a .nef read as TIFF stays image/x-nikon-nef); otherwise it gets the first.
	 */
	readonly mimes: readonly string[];
	/** Whether the file's first bytes are this format's signature. Never trusts the file name. */
	canHandle(head: Uint8Array): boolean;
	/**
	 * Fills `draft` with what the file holds, reading through `file` only the parts it needs. It may throw
	 * when the file is malformed; what it put in the draft before that is kept.
	 */
	read(file: RangedFile, draft: MetadataDraft): Promise<void>;
}
