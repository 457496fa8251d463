/**
 * The copy of the manifest kept on the target itself, so another device (or the CLI) can see what is there.
 * It is replaced without ever leaving the target with no copy: the new one is put beside the old as
 * manifest.next.jsonl, the old one removed, the new one moved into place. A reader falls back to the
 * next copy when the main one is absent (a writer stopped between the remove and the move) or damaged.
 */
import { isCiphertextError } from "../crypt/crypt-errors";
import { describeError } from "../model/errors";
import { TargetError } from "../model/target-error";
import type { Log } from "../ports/log";
import type { Target, UploadBody } from "../ports/target";
import { parseManifest, type ManifestEntry } from "./manifest";
import { TARGET_META_FOLDER } from "./remote-path";

export const REMOTE_MANIFEST = `${TARGET_META_FOLDER}/manifest.jsonl`;
export const REMOTE_MANIFEST_NEXT = `${TARGET_META_FOLDER}/manifest.next.jsonl`;

function textBody(text: string): UploadBody {
	const bytes = new TextEncoder().encode(text);
	return {
		size: bytes.length,
		open: async function* (start = 0) {
			yield bytes.subarray(start);
		},
	};
}

async function readCopy(target: Target, path: string, log: Log, signal?: AbortSignal): Promise<ManifestEntry[] | null> {
	let bytes: Uint8Array;
	try {
		bytes = await target.read(path, undefined, signal);
	} catch (error) {
		if (error instanceof TargetError && error.code === "not-found") return null;
		// A damaged encrypted copy is as unreadable as a damaged plain one: fall back to the other copy.
		if (isCiphertextError(error)) {
			log.warn(`The manifest copy ${path} on the target could not be decrypted: ${describeError(error)}`);
			return null;
		}
		throw error;
	}
	try {
		return parseManifest(new TextDecoder().decode(bytes));
	} catch (error) {
		log.warn(`The manifest copy ${path} on the target could not be read: ${describeError(error)}`);
		return null;
	}
}

/**
 * What the target's own manifest copy says is there; null when it has none (or none that can be read).
 * Errors of the target (unreachable, wrong password) are thrown as they come.
 */
export async function readRemoteManifest(target: Target, signal?: AbortSignal, log: Log = { warn: () => {}, debug: () => {} }): Promise<ManifestEntry[] | null> {
	return (await readCopy(target, REMOTE_MANIFEST, log, signal)) ?? (await readCopy(target, REMOTE_MANIFEST_NEXT, log, signal));
}

/** Replaces the target's manifest copy with `text` (a serialized manifest). */
export async function writeRemoteManifest(target: Target, text: string, signal?: AbortSignal): Promise<void> {
	// A next copy left by a run that stopped half-way is older than what we write now.
	await target.remove(REMOTE_MANIFEST_NEXT, signal);
	await target.put(REMOTE_MANIFEST_NEXT, textBody(text), { signal });
	await target.remove(REMOTE_MANIFEST, signal);
	await target.move(REMOTE_MANIFEST_NEXT, REMOTE_MANIFEST, signal);
}
