/** The SHA-256 of a file on a target, read back in ranges so memory stays bounded whatever its size. */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { Target } from "../ports/target";

/** 8 MB per request: few round trips for a video, little memory on a phone. */
const CHUNK = 8 * 1024 * 1024;

export async function hashRemote(target: Target, path: string, size: number, signal?: AbortSignal): Promise<string> {
	const hash = sha256.create();
	for (let start = 0; start < size; start += CHUNK) {
		const end = Math.min(size, start + CHUNK);
		const bytes = await target.read(path, { start, end }, signal);
		hash.update(bytes);
		// A server that sends less than asked (the file shrank) would leave a gap: it is not the same file.
		if (bytes.length !== end - start) return "";
	}
	return bytesToHex(hash.digest());
}
