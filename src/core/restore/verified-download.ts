/**
 * A copy on a target read back in ranges and hashed as it streams, so memory stays bounded whatever its
 * size; the stream throws at its end when the bytes are not the expected ones, before a writer commits them.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { Target } from "../ports/target";

/** 8 MB per request, as the remote hash reads: few round trips for a video, little memory on a phone. */
export const DOWNLOAD_CHUNK = 8 * 1024 * 1024;

export class CopyMismatchError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "CopyMismatchError";
	}
}

export interface ExpectedCopy {
	remotePath: string;
	size: number;
	sha256: string;
}

export async function* verifiedDownload(
	target: Target,
	copy: ExpectedCopy,
	signal?: AbortSignal,
	onBytes?: (bytes: number) => void,
): AsyncGenerator<Uint8Array> {
	const hash = sha256.create();
	for (let start = 0; start < copy.size; start += DOWNLOAD_CHUNK) {
		const end = Math.min(copy.size, start + DOWNLOAD_CHUNK);
		const bytes = await target.read(copy.remotePath, { start, end }, signal);
		if (bytes.length !== end - start) {
			throw new CopyMismatchError(`the copy at ${copy.remotePath} is shorter than the ${copy.size} bytes recorded`);
		}
		hash.update(bytes);
		onBytes?.(bytes.length);
		yield bytes;
	}
	const actual = bytesToHex(hash.digest());
	if (actual !== copy.sha256) {
		throw new CopyMismatchError(`the copy at ${copy.remotePath} is damaged: its SHA-256 is ${actual.slice(0, 12)}…, not ${copy.sha256.slice(0, 12)}…`);
	}
}
