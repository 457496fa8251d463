/**
 * A target's manifest: what is on the target, as uploaded by us (remote path, size, SHA-256, when, the
 * server's ETag), so a run plans from it without asking the server file by file. In memory it is looked
 * up by remote path and by content; on disk it is JSONL with a versioned header (see jsonl-file.ts).
 */
import { parseJsonl, serializeJsonl } from "./jsonl-file";

/** What a verification found wrong with a copy: gone, another size, or other bytes (see src/core/verify). */
export type CopyFault = "missing" | "wrong-size" | "corrupt";

export interface ManifestEntry {
	/** Relative to the target's root, "/"-separated. */
	remotePath: string;
	sha256: string;
	size: number;
	/** ISO time the copy landed (or was found identical on the server and adopted). */
	uploadedAt: string;
	etag?: string;
	/** ISO time the copy was last checked against the original. */
	verifiedAt?: string;
	/** The vault path of the photo it was uploaded from, at the time. */
	localPath: string;
	/**
	 * Set by a verification that found the copy bad. A faulty copy does not count as holding its content,
	 * so the next backup uploads the photo again: at the same path when the copy is missing, beside it when
	 * the file there is damaged (never over it).
	 */
	fault?: CopyFault;
	/** ISO time the fault was found. */
	faultAt?: string;
}

export class Manifest {
	private readonly byPath = new Map<string, ManifestEntry>();
	private readonly bySha = new Map<string, ManifestEntry[]>();

	constructor(entries: Iterable<ManifestEntry> = []) {
		for (const entry of entries) this.put(entry);
	}

	get size(): number {
		return this.byPath.size;
	}

	at(remotePath: string): ManifestEntry | undefined {
		return this.byPath.get(remotePath);
	}

	/** Every sound copy of this content on the target (usually one), oldest first: faulty copies hold nothing. */
	holding(sha256: string): readonly ManifestEntry[] {
		return this.copies(sha256).filter((e) => e.fault === undefined);
	}

	/** Every copy of this content the manifest records, faulty ones included. */
	copies(sha256: string): readonly ManifestEntry[] {
		return this.bySha.get(sha256) ?? [];
	}

	/** Records a copy; an entry for the same remote path is replaced (the server holds one file there). */
	put(entry: ManifestEntry): void {
		const previous = this.byPath.get(entry.remotePath);
		if (previous) {
			const list = (this.bySha.get(previous.sha256) ?? []).filter((e) => e !== previous);
			if (list.length > 0) this.bySha.set(previous.sha256, list);
			else this.bySha.delete(previous.sha256);
		}
		this.byPath.set(entry.remotePath, entry);
		const list = this.bySha.get(entry.sha256) ?? [];
		list.push(entry);
		this.bySha.set(entry.sha256, list);
	}

	entries(): ManifestEntry[] {
		return [...this.byPath.values()];
	}
}

export const MANIFEST_FORMAT = "photo-archivist-manifest";
const VERSION = 1;

/** One positional array per entry: no repeated keys, so 100,000 entries stay small. */
function encode(e: ManifestEntry): unknown[] {
	const row: unknown[] = [e.remotePath, e.sha256, e.size, e.uploadedAt, e.localPath, e.etag ?? null, e.verifiedAt ?? null];
	// Only faulty entries grow a row, so a healthy manifest is written exactly as before faults existed.
	if (e.fault !== undefined) row.push(e.fault, e.faultAt ?? null);
	return row;
}

export function serializeManifest(entries: Iterable<ManifestEntry>, targetId: string): string {
	const rows = [...entries].sort((a, b) => (a.remotePath < b.remotePath ? -1 : a.remotePath > b.remotePath ? 1 : 0)).map(encode);
	return serializeJsonl({ format: MANIFEST_FORMAT, version: VERSION, target: targetId }, rows);
}

/** Throws PhotoArchivistError "corrupt" for anything but a whole manifest. */
export function parseManifest(text: string): ManifestEntry[] {
	return parseJsonl(text, {
		format: MANIFEST_FORMAT,
		version: VERSION,
		what: "backup manifest",
		decode: (value, lineNo, fail) => {
			if (!Array.isArray(value) || value.length < 5) return fail(`line ${lineNo} is not an entry`);
			const [remotePath, sha256, size, uploadedAt, localPath, etag, verifiedAt, fault, faultAt] = value as unknown[];
			if (typeof remotePath !== "string" || typeof sha256 !== "string" || typeof size !== "number" ||
				typeof uploadedAt !== "string" || typeof localPath !== "string") {
				return fail(`line ${lineNo} has a field of the wrong type`);
			}
			const entry: ManifestEntry = { remotePath, sha256, size, uploadedAt, localPath };
			if (typeof etag === "string") entry.etag = etag;
			if (typeof verifiedAt === "string") entry.verifiedAt = verifiedAt;
			if (fault === "missing" || fault === "wrong-size" || fault === "corrupt") entry.fault = fault;
			if (entry.fault !== undefined && typeof faultAt === "string") entry.faultAt = faultAt;
			return entry;
		},
	}).rows;
}
