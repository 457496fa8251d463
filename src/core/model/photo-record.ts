/** One photo as the index knows it: where it is, the file facts that decide "unchanged", its hash and metadata. */
import type { PhotoMetadata } from "./photo-metadata";

export interface PhotoRecord {
	/** Vault-relative path of the original, "/"-separated. */
	path: string;
	size: number;
	/** Modification time in whole milliseconds. (size, mtimeMs) unchanged means the file is not read again. */
	mtimeMs: number;
	/** Lower-case hex SHA-256 of the original's bytes. */
	sha256: string;
	meta: PhotoMetadata;
	/** Vault-relative path of the photo's note. */
	note: string;
	/** Set when the original is gone from the vault; the record and its note are kept. ISO time it was found missing. */
	missingSince?: string;
	/**
	 * Set with `missingSince` when the original was removed on purpose by "Free up space", because enough
	 * verified copies exist: absent is expected, and restoring brings it back. ISO time it was removed.
	 */
	offloadedAt?: string;
}
