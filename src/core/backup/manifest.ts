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
	/**
	 * By remote path and by content; null until first needed. A saved manifest (unique remote paths, written
	 * sorted) is loaded into `loaded` alone: a backup with nothing to upload and the status walk it in step with
	 * the photos (see holderWalk), so three targets of 100,000 copies never build the 600,000 map entries they
	 * would not use.
	 */
	private pathMap: Map<string, ManifestEntry> | null = new Map();
	private shaMap: Map<string, Copies> | null = new Map();
	private loaded: ManifestEntry[] = [];
	/** Changes with every put: what is derived from the manifest (the status) is kept until it moves. */
	version = ++versions;

	constructor(entries: Iterable<ManifestEntry> = []) {
		for (const entry of entries) this.put(entry);
	}

	get size(): number {
		return this.pathMap?.size ?? this.loaded.length;
	}

	at(remotePath: string): ManifestEntry | undefined {
		return this.byPath().get(remotePath);
	}

	/** Every sound copy of this content on the target (usually one), oldest first: faulty copies hold nothing. */
	holding(sha256: string): readonly ManifestEntry[] {
		return this.copies(sha256).filter((e) => e.fault === undefined);
	}

	/** The first sound copy of this content, without building a list. */
	firstHolding(sha256: string): ManifestEntry | undefined {
		const copies = this.bySha().get(sha256);
		if (copies === undefined || !Array.isArray(copies)) return copies?.fault === undefined ? copies : undefined;
		return copies.find((e) => e.fault === undefined);
	}

	/**
	 * For one pass over photos in path order (planning, the status): a sound copy of each photo's content. A copy
	 * at the photo's own path, where a mirror layout keeps it, is found by walking the saved entries in step, a
	 * string comparison or two per photo; any other (another layout, a photo moved, the manifest changed since it
	 * was loaded) is looked up by content as firstHolding does.
	 */
	holderWalk(): (path: string, sha256: string) => ManifestEntry | undefined {
		const sorted = this.pathMap === null ? this.loaded : null;
		let i = 0;
		return (path, sha256) => {
			if (sorted !== null && this.pathMap === null) {
				while (i < sorted.length && (sorted[i] as ManifestEntry).remotePath < path) i++;
				const at = sorted[i];
				if (at !== undefined && at.remotePath === path && at.sha256 === sha256 && at.fault === undefined) return at;
			}
			return this.firstHolding(sha256);
		};
	}

	/** Every copy of this content the manifest records, faulty ones included. */
	copies(sha256: string): readonly ManifestEntry[] {
		return asList(this.bySha().get(sha256));
	}

	/** Records a copy; an entry for the same remote path is replaced (the server holds one file there). */
	put(entry: ManifestEntry): void {
		const byPath = this.byPath();
		const bySha = this.bySha();
		this.version = ++versions;
		const previous = byPath.get(entry.remotePath);
		if (previous) {
			const rest = asList(bySha.get(previous.sha256)).filter((e) => e !== previous);
			if (rest.length === 0) bySha.delete(previous.sha256);
			else bySha.set(previous.sha256, rest.length === 1 ? (rest[0] as ManifestEntry) : rest);
		}
		byPath.set(entry.remotePath, entry);
		addCopy(bySha, entry);
	}

	/**
	 * Adds an entry read from a saved manifest. While the remote paths come strictly increasing (as
	 * serializeManifest writes them) no two can clash and the maps are left for later; any other order falls
	 * back to put.
	 */
	load(entry: ManifestEntry): void {
		const last = this.loaded[this.loaded.length - 1];
		const inOrder = this.pathMap === null ? last === undefined || last.remotePath < entry.remotePath : this.pathMap.size === 0;
		if (!inOrder) return this.put(entry);
		this.pathMap = null;
		this.shaMap = null;
		this.version = ++versions;
		this.loaded.push(entry);
	}

	entries(): ManifestEntry[] {
		return this.pathMap === null ? [...this.loaded] : [...this.pathMap.values()];
	}

	private byPath(): Map<string, ManifestEntry> {
		if (this.pathMap === null) {
			const map = new Map<string, ManifestEntry>();
			for (const entry of this.loaded) map.set(entry.remotePath, entry);
			this.pathMap = map;
			this.loaded = [];
		}
		return this.pathMap;
	}

	private bySha(): Map<string, Copies> {
		if (this.shaMap === null) {
			const map = new Map<string, Copies>();
			// In the order the entries were recorded, so the copies of a content stay oldest first.
			for (const entry of this.pathMap === null ? this.loaded : this.pathMap.values()) addCopy(map, entry);
			this.shaMap = map;
		}
		return this.shaMap;
	}
}

function addCopy(bySha: Map<string, Copies>, entry: ManifestEntry): void {
	const copies = bySha.get(entry.sha256);
	if (copies === undefined) bySha.set(entry.sha256, entry);
	else if (Array.isArray(copies)) copies.push(entry);
	else bySha.set(entry.sha256, [copies, entry]);
}

export const MANIFEST_FORMAT = "photo-archivist-manifest";
/**
 * Version 2 leaves out what version 1 repeated: the local path when it is the remote path (a mirror layout,
 * nearly every entry) and trailing empty fields; 30% smaller, so three targets' manifests of 100,000 copies
 * load faster. Version 1 files are still read (and written as version 2 at the next save).
 */
const VERSION = 2;

/** One positional array per entry: no repeated keys, so 100,000 entries stay small. */
function encode(e: ManifestEntry): unknown[] {
	const row: unknown[] = [
		e.remotePath, e.sha256, e.size, e.uploadedAt, e.localPath === e.remotePath ? null : e.localPath, e.etag ?? null, e.verifiedAt ?? null,
		e.fault ?? null, e.fault !== undefined ? (e.faultAt ?? null) : null,
	];
	while (row.length > 4 && row[row.length - 1] === null) row.pop();
	return row;
}

export function serializeManifest(entries: Iterable<ManifestEntry>, targetId: string): string {
	const rows = [...entries].sort((a, b) => (a.remotePath < b.remotePath ? -1 : a.remotePath > b.remotePath ? 1 : 0)).map(encode);
	return serializeJsonl({ format: MANIFEST_FORMAT, version: VERSION, target: targetId }, rows);
}

function decodeEntry(value: unknown, lineNo: number, fail: (why: string) => never, version: number): ManifestEntry {
	if (!Array.isArray(value) || value.length < (version === 1 ? 5 : 4)) return fail(`line ${lineNo} is not an entry`);
	const [remotePath, sha256, size, uploadedAt, localField, etag, verifiedAt, fault, faultAt] = value as unknown[];
	// Mirror layout: one string for both paths, not two equal ones (100,000 entries, three targets).
	const localPath = version !== 1 && (localField === null || localField === undefined) ? remotePath : localField;
	if (typeof remotePath !== "string" || typeof sha256 !== "string" || typeof size !== "number" ||
		typeof uploadedAt !== "string" || typeof localPath !== "string") {
		return fail(`line ${lineNo} has a field of the wrong type`);
	}
	const entry: ManifestEntry = { remotePath, sha256, size, uploadedAt, localPath: localPath === remotePath ? remotePath : localPath };
	if (typeof etag === "string") entry.etag = etag;
	if (typeof verifiedAt === "string") entry.verifiedAt = verifiedAt;
	if (fault === "missing" || fault === "wrong-size" || fault === "corrupt") entry.fault = fault;
	if (entry.fault !== undefined && typeof faultAt === "string") entry.faultAt = faultAt;
	return entry;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const HEX_LENGTH = 64;

/** A copy of a string that keeps nothing else alive: a slice of a line would hold its whole megabyte of text. */
const detached = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

/**
 * The line of nearly every copy, `["<path>","<64 hex>",<size>,"<uploaded at>"]` (version 2, a mirror layout,
 * nothing else recorded), read from its text: a third of the work of JSON.parse for 100,000 lines. Without a
 * backslash in the line no field can hold a quote, so the quotes mark the fields; anything else (escapes, more
 * fields, version 1) is left to decodeEntry. The path and hash are slices of the line until the index's own
 * strings replace them (see indexStringSharer); ManifestStore detaches whatever is still a slice.
 */
function quickEntry(line: string, version: number): ManifestEntry | undefined {
	if (version !== 2 || line.charCodeAt(1) !== QUOTE || line.indexOf("\\") >= 0) return undefined;
	const pathEnd = line.indexOf('"', 2);
	const shaEnd = pathEnd + 3 + HEX_LENGTH;
	if (pathEnd < 0 || line.charCodeAt(pathEnd + 1) !== COMMA || line.charCodeAt(pathEnd + 2) !== QUOTE || line.charCodeAt(shaEnd) !== QUOTE ||
		line.charCodeAt(shaEnd + 1) !== COMMA) {
		return undefined;
	}
	const sizeEnd = line.indexOf(",", shaEnd + 2);
	const end = line.length - 2;
	if (sizeEnd < 0 || line.charCodeAt(sizeEnd + 1) !== QUOTE || line.indexOf('"', sizeEnd + 2) !== end || !line.endsWith('"]')) return undefined;
	const size = Number(line.slice(shaEnd + 2, sizeEnd));
	if (!Number.isSafeInteger(size) || size < 0) return undefined;
	const remotePath = line.slice(2, pathEnd);
	// The time is kept as it is, so it is parsed off its quotes into a string of its own.
	const uploadedAt = JSON.parse(line.slice(sizeEnd + 1, end + 1)) as string;
	return { remotePath, sha256: line.slice(pathEnd + 3, shaEnd), size, uploadedAt, localPath: remotePath };
}

/** Makes sure an entry read by quickEntry keeps no slice of its line (the sharer replaced most of them already). */
function detachEntry(entry: ManifestEntry): void {
	if (entry.localPath === entry.remotePath) {
		entry.remotePath = detached(entry.remotePath);
		entry.localPath = entry.remotePath;
	}
	entry.sha256 = detached(entry.sha256);
}

const FILE_SPEC = { format: MANIFEST_FORMAT, version: VERSION, alsoReads: [1], what: "backup manifest", decode: decodeEntry, quickDecode: quickEntry };

/** Throws PhotoArchivistError "corrupt" for anything but a whole manifest. */
export function parseManifest(text: string): ManifestEntry[] {
	const rows = parseJsonl(text, FILE_SPEC).rows;
	for (const entry of rows) detachEntry(entry);
	return rows;
}

export interface ManifestLoadOptions {
	/** Awaited between slices, so a host with a UI stays responsive while 100,000 entries load. */
	pause?: Pause;
	/**
	 * Makes, for this load, what swaps an entry's strings for equal ones already in memory (the index's paths and
	 * hashes) before it is kept; true when it swapped them all.
	 */
	share?: () => (entry: ManifestEntry) => boolean;
}

/** A whole manifest file (its text or UTF-8 bytes), loaded in slices into a Manifest. Throws PhotoArchivistError "corrupt" like parseManifest. */
export async function loadManifest(content: FileContent, options: ManifestLoadOptions = {}): Promise<Manifest> {
	const manifest = new Manifest();
	const share = options.share?.();
	await eachJsonlRow(content, FILE_SPEC, options.pause, (entry) => {
		if (share?.(entry) !== true) detachEntry(entry);
		manifest.load(entry);
	});
	return manifest;
}
