/**
 * One photo of an exported album, made ready for the archive: the original streamed as it is, a copy with
 * its location removed (patched as it streams), or a resized copy; or the reason it is left out.
 */
import { byteSourceOf, fileNameOf } from "../index/read-photo";
import { mimeOf } from "../metadata/mime-types";
import { describeError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import type { ByteSource } from "../ports/byte-source";
import type { FileEntry, FileStore } from "../ports/file-store";
import { archiveTime, withExtension } from "./archive-names";
import type { SheetPhoto } from "./contact-sheet";
import type { Resizer } from "./export-types";
import { withTakenExif } from "./resized-exif";
import { type LocationPlan, patchedStream } from "./strip/byte-patch";
import { planLocationStrip } from "./strip/strip-location";
import type { ZipEntry } from "./zip-stream";

const MB = 1_000_000;
/** Images above this are exported as they are rather than decoded whole in memory for a resized copy. */
const MAX_RESIZE_INPUT = 200 * MB;

export interface PhotoJob {
	record: PhotoRecord;
	/** The original as it was found when the export started. */
	entry: FileEntry;
	/** Its name in the archive for a given file name ("IMG_1.jpg" → "photos/004 IMG_1.jpg"). */
	nameFor: (fileName: string) => string;
}

export type PreparedPhoto =
	| { included: true; entry: ZipEntry; sheet: SheetPhoto; resized: boolean; notResized: string | null }
	| { included: false; reason: string; notResized: string | null };

/** The file's bytes as they stream, checked to be as long as when its patches were planned: patches at shifted offsets would miss. */
async function* exactly(stream: AsyncIterable<Uint8Array>, size: number, path: string): AsyncGenerator<Uint8Array> {
	let read = 0;
	for await (const chunk of stream) {
		read += chunk.length;
		if (read > size) break;
		yield chunk;
	}
	if (read !== size) throw new Error(`${path} changed while it was being exported; nothing was saved, try again`);
}

function memorySource(bytes: Uint8Array): ByteSource {
	return { size: bytes.length, read: async (range) => bytes.subarray(range.start, Math.min(range.end, bytes.length)) };
}

function applied(bytes: Uint8Array, plan: LocationPlan): Uint8Array {
	const copy = bytes.slice();
	for (const patch of plan.patches) copy.set(patch.bytes.subarray(0, Math.max(0, copy.length - patch.offset)), patch.offset);
	return copy;
}

/** Why a photo is not offered to the resizer: videos, and images too large to decode in memory. Null when it is. */
function resizeRefusal(fileName: string, size: number): string | null {
	const mime = mimeOf(fileName);
	if (mime.startsWith("video/")) return "videos are exported as they are";
	if (!mime.startsWith("image/")) return "its format cannot be resized";
	if (size > MAX_RESIZE_INPUT) return `it is larger than ${MAX_RESIZE_INPUT / MB} MB, too large to decode here`;
	return null;
}

/** The resized JPEG, or why there is none. */
async function tryResize(resize: Resizer, record: PhotoRecord, original: Uint8Array): Promise<Uint8Array | string> {
	try {
		return (await resize(record, original)) ?? "this device cannot decode its format";
	} catch (error) {
		return `it could not be resized (${describeError(error)})`;
	}
}

export async function preparePhoto(files: FileStore, job: PhotoJob, options: { stripLocation: boolean; resize?: Resizer }): Promise<PreparedPhoto> {
	const { record, entry } = job;
	const fileName = fileNameOf(record.path);
	const modified = archiveTime(record.meta.taken, record.meta.takenSource === "file", record.mtimeMs);
	const sheet = (file: string, mime: string): SheetPhoto => ({
		file, name: fileName, mime, taken: record.meta.taken, takenFromFile: record.meta.takenSource === "file", make: record.meta.make, model: record.meta.model,
	});
	let original: Uint8Array | null = null;
	let notResized: string | null = null;
	if (options.resize) {
		notResized = resizeRefusal(fileName, entry.size);
		if (notResized === null) {
			original = await files.read(record.path);
			const resized = await tryResize(options.resize, record, original);
			if (resized instanceof Uint8Array) {
				// A canvas keeps no metadata: the copy carries no position, only the date and camera given back to it.
				const name = job.nameFor(withExtension(fileName, "jpg"));
				return { included: true, entry: { name, modified, deflate: false, body: withTakenExif(resized, record.meta) }, sheet: sheet(name, "image/jpeg"), resized: true, notResized: null };
			}
			notResized = resized;
		}
	}
	const plan = options.stripLocation ? await planLocationStrip(original === null ? byteSourceOf(files, entry) : memorySource(original), fileName) : null;
	if (plan !== null && plan.problems.length > 0) return { included: false, reason: `its location could not be removed: ${plan.problems.join("; ")}`, notResized };
	const name = job.nameFor(fileName);
	let body: AsyncIterable<Uint8Array> | Uint8Array;
	if (original !== null) body = plan === null ? original : applied(original, plan);
	else {
		const stream = exactly(files.stream(record.path), entry.size, record.path);
		body = plan === null ? stream : patchedStream(stream, plan.patches);
	}
	return { included: true, entry: { name, modified, deflate: false, body }, sheet: sheet(name, mimeOf(fileName)), resized: false, notResized };
}
