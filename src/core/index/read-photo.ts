/** Reads what the index keeps of one file: its metadata (few bytes) and its SHA-256 (all of them, once). */
import { readMetadata } from "../metadata/read-metadata";
import type { PhotoMetadata } from "../model/photo-metadata";
import type { ByteSource } from "../ports/byte-source";
import type { FileEntry, FileStore } from "../ports/file-store";

export interface PhotoFacts {
	sha256: string;
	meta: PhotoMetadata;
}

export function byteSourceOf(files: FileStore, entry: FileEntry): ByteSource {
	return { size: entry.size, read: (range) => files.read(entry.path, range) };
}

export function fileNameOf(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

/** Throws PhotoArchivistError with a plain-words reason for a file that is not a readable photo. */
export async function readPhoto(files: FileStore, entry: FileEntry): Promise<PhotoFacts> {
	// Metadata first: it rejects empty and non-photo files before we spend a full read on hashing them.
	const meta = await readMetadata(byteSourceOf(files, entry), fileNameOf(entry.path), entry.mtimeMs);
	const sha256 = await files.sha256(entry.path);
	return { sha256, meta };
}
