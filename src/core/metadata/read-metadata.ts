/** The metadata of one photo or video, read from its bytes: the entry point the index and the CLI call. */
import { PhotoArchivistError, describeError } from "../model/errors";
import type { PhotoMetadata } from "../model/photo-metadata";
import type { ByteSource } from "../ports/byte-source";
import { type Log, SILENT_LOG } from "../ports/log";
import { HEAD_SIZE } from "./format-reader";
import { readerFor } from "./format-registry";
import { finishMetadata, type MetadataDraft } from "./metadata-draft";
import { mimeOf } from "./mime-types";
import { RangedFile } from "./ranged-file";
import { unknownFormatReason } from "./signature";

export { mimeOf } from "./mime-types";

/**
 * Reads the metadata of the file `fileName` (used only for its extension's MIME type) from `source`,
 * fetching only the parts of the file that hold metadata.
 *
 * Failures (thrown PhotoArchivistError): "empty-file" for 0 bytes; "unknown-format" when the content is no
 * photo or video format we know, whatever the extension says; "io" when the source cannot be read.
 * A recognised file is never a failure: if its metadata is damaged or missing, what could be read is kept,
 * the rest is null, and the taken time falls back to `mtimeMs` (takenSource "file"). The damage is logged.
 */
export async function readMetadata(source: ByteSource, fileName: string, mtimeMs: number, log: Log = SILENT_LOG): Promise<PhotoMetadata> {
	if (source.size === 0) throw new PhotoArchivistError("empty-file", "empty file (0 bytes)");
	const file = new RangedFile(source);
	const head = await file.bytes(0, HEAD_SIZE);
	if (head.length === 0) throw new PhotoArchivistError("empty-file", "empty file (0 bytes)");
	const reader = readerFor(head);
	if (!reader) throw new PhotoArchivistError("unknown-format", unknownFormatReason(await file.bytes(0, 512)));
	const draft: MetadataDraft = {};
	try {
		await reader.read(file, draft);
	} catch (error) {
		if (error instanceof PhotoArchivistError && error.code === "io") throw error;
		log.warn(`${fileName}: ${reader.name} metadata partly unreadable, kept what was read: ${describeError(error)}`, error);
	}
	const named = mimeOf(fileName);
	return finishMetadata(draft, reader.mimes.includes(named) ? named : (reader.mimes[0] ?? named), mtimeMs);
}
