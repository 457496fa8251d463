/**
 * A target's manifest: what is on the target, as uploaded by us (remote path, size, SHA-256, when, the
 * server's ETag), so a run plans from it without asking the server file by file. In memory it is looked
 * up by remote path and by content; on disk it is JSONL with a versioned header (see jsonl-file.ts).
 */
import type { FileContent } from "../util/line-reader";
import type { Pause } from "../util/time-slices";
import { eachJsonlRow, parseJsonl, serializeJsonl } from "./jsonl-file";

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

/** Every photo's content is usually on a target once: a lone entry is kept as is, a list only for several. */
type Copies = ManifestEntry | ManifestEntry[];

function asList(copies: Copies | undefined): readonly ManifestEntry[] {
	return copies === undefined ? [] : Array.isArray(copies) ? copies : [copies];
}

/** Shared by every manifest, so a version is never repeated, even by a manifest that replaced another. */
let versions = 0;

export class Manifest {
	private readonly byPath = new Map<string, ManifestEntry>();
	private readonly bySha = new Map<string, Copies>();
	/** Changes with every put: what is derived from the manifest (the status) is kept until it moves. */
	version = ++versions;

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

	/** The first sound copy of this content, without building a list: asked once per photo per target by planning and the status. */
	firstHolding(sha256: string): ManifestEntry | undefined {
		const copies = this.bySha.get(sha256);
		if (copies === undefined || !Array.isArray(copies)) return copies?.fault === undefined ? copies : undefined;
		return copies.find((e) => e.fault === undefined);
	}

	/** Every copy of this content the manifest records, faulty ones included. */
	copies(sha256: string): readonly ManifestEntry[] {
		return asList(this.bySha.get(sha256));
	}

	/** Records a copy; an entry for the same remote path is replaced (the server holds one file there). */
	put(entry: ManifestEntry): void {
		this.version = ++versions;
		const previous = this.byPath.get(entry.remotePath);
		if (previous) {
			const rest = asList(this.bySha.get(previous.sha256)).filter((e) => e !== previous);
			if (rest.length === 0) this.bySha.delete(previous.sha256);
			else this.bySha.set(previous.sha256, rest.length === 1 ? (rest[0] as ManifestEntry) : rest);
		}
		this.byPath.set(entry.remotePath, entry);
		const copies = this.bySha.get(entry.sha256);
		if (copies === undefined) this.bySha.set(entry.sha256, entry);
		else if (Array.isArray(copies)) copies.push(entry);
		else this.bySha.set(entry.sha256, [copies, entry]);
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

function decodeEntry(value: unknown, lineNo: number, fail: (why: string) => never): ManifestEntry {
	if (!Array.isArray(value) || value.length < 5) return fail(`line ${lineNo} is not an entry`);
	const [remotePath, sha256, size, uploadedAt, localPath, etag, verifiedAt, fault, faultAt] = value as unknown[];
	if (typeof remotePath !== "string" || typeof sha256 !== "string" || typeof size !== "number" ||
		typeof uploadedAt !== "string" || typeof localPath !== "string") {
		return fail(`line ${lineNo} has a field of the wrong type`);
	}
	// Mirror layout: one string for both paths, not two equal ones (100,000 entries, three targets).
	const entry: ManifestEntry = { remotePath, sha256, size, uploadedAt, localPath: localPath === remotePath ? remotePath : localPath };
	if (typeof etag === "string") entry.etag = etag;
	if (typeof verifiedAt === "string") entry.verifiedAt = verifiedAt;
	if (fault === "missing" || fault === "wrong-size" || fault === "corrupt") entry.fault = fault;
	if (entry.fault !== undefined && typeof faultAt === "string") entry.faultAt = faultAt;
	return entry;
}

const FILE_SPEC = { format: MANIFEST_FORMAT, version: VERSION, what: "backup manifest", decode: decodeEntry };

/** Throws PhotoArchivistError "corrupt" for anything but a whole manifest. */
export function parseManifest(text: string): ManifestEntry[] {
	return parseJsonl(text, FILE_SPEC).rows;
}

export interface ManifestLoadOptions {
	/** Awaited between slices, so a host with a UI stays responsive while 100,000 entries load. */
	pause?: Pause;
	/** Swaps an entry's strings for equal ones already in memory (the index's paths and hashes), before it is kept. */
	share?: (entry: ManifestEntry) => void;
}

/** A whole manifest file (its text or UTF-8 bytes), loaded in slices into a Manifest. Throws PhotoArchivistError "corrupt" like parseManifest. */
export async function loadManifest(content: FileContent, options: ManifestLoadOptions = {}): Promise<Manifest> {
	const manifest = new Manifest();
	await eachJsonlRow(content, FILE_SPEC, options.pause, (entry) => {
		options.share?.(entry);
		manifest.put(entry);
	});
	return manifest;
}
