/**
 * The perceptual hashes already computed, in the plugin's data folder, keyed by the photo's SHA-256: a
 * photo renamed or moved keeps its hash, identical copies share one, and a second search decodes only new
 * photos. Line-delimited JSON like the index: a header, then `[sha256, outcome…]` per line.
 */
import { describeError } from "../model/errors";
import type { DataStore } from "../ports/data-store";
import type { Log } from "../ports/log";
import { eachJsonlRow, serializeJsonl, type JsonlFormat } from "../backup/jsonl-file";
import type { PreviewOutcome, NotComparedReason } from "./preview-hash";

export const HASH_CACHE_FILE = "perceptual-hashes.jsonl";

const FORMAT = "photo-archivist-perceptual-hashes";
const VERSION = 1;
/** Written in the header: a cache made with another hash is not read. */
const ALGORITHM = "dhash-9x8";

/**
 * "h:<16 hex digits>", "plain", or "none:<decoder id>:<reason>" — a photo the named decoder could not use;
 * another host's decoder (Obsidian on a phone decodes HEIC, the CLI does not) tries it again.
 */
export type CachedOutcome = string;

const REASONS: readonly NotComparedReason[] = ["video", "plain", "format", "too-large", "unreadable"];

export function encodeOutcome(outcome: PreviewOutcome, decoderId: string): CachedOutcome {
	if (outcome.kind === "hash") return `h:${outcome.hex}`;
	if (outcome.kind === "plain") return "plain";
	return `none:${decoderId}:${outcome.reason}`;
}

/** The outcome for this decoder, or null when it should look at the photo itself (never, or another decoder failed). */
export function decodeOutcome(value: CachedOutcome, decoderId: string): PreviewOutcome | null {
	if (value.startsWith("h:")) return { kind: "hash", hex: value.slice(2) };
	if (value === "plain") return { kind: "plain" };
	const [none, by, reason] = value.split(":");
	if (none !== "none" || by !== decoderId || !REASONS.includes(reason as NotComparedReason)) return null;
	return { kind: "skipped", reason: reason as NotComparedReason };
}

const SPEC: JsonlFormat<[string, CachedOutcome]> = {
	format: FORMAT,
	version: VERSION,
	what: "perceptual hash cache",
	decode: (value, lineNo, fail) => {
		if (!Array.isArray(value) || typeof value[0] !== "string" || typeof value[1] !== "string") return fail(`line ${lineNo} is not a hash`);
		return [value[0], value[1]];
	},
};

export class HashCache {
	private entries = new Map<string, CachedOutcome>();
	private changed = false;

	/** `pause` is awaited between slices of a long load, so a UI host stays responsive. */
	constructor(private readonly deps: { data: DataStore; log: Log; pause?: () => Promise<void> }) {}

	/** A missing or damaged file starts an empty cache: hashes are recomputed from the photos, nothing is lost. */
	async load(): Promise<void> {
		const text = await this.deps.data.read(HASH_CACHE_FILE);
		this.entries = new Map();
		this.changed = false;
		if (text === null) return;
		const entries = new Map<string, CachedOutcome>();
		try {
			const header = await eachJsonlRow(text, SPEC, this.deps.pause, ([sha, value]) => entries.set(sha, value));
			if (header.algorithm === ALGORITHM) this.entries = entries;
		} catch (error) {
			this.deps.log.warn(`Perceptual hash cache could not be read, hashing again: ${describeError(error)}`);
		}
	}

	get(sha256: string): CachedOutcome | undefined {
		return this.entries.get(sha256);
	}

	set(sha256: string, value: CachedOutcome): void {
		if (this.entries.get(sha256) === value) return;
		this.entries.set(sha256, value);
		this.changed = true;
	}

	get size(): number {
		return this.entries.size;
	}

	/** Writes the cache (atomically, through the DataStore) when it changed, keeping only hashes of `known` contents. */
	async save(known: (sha256: string) => boolean): Promise<void> {
		let pruned = false;
		for (const sha of this.entries.keys()) {
			if (!known(sha)) {
				this.entries.delete(sha);
				pruned = true;
			}
		}
		if (!this.changed && !pruned) return;
		const rows = [...this.entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
		await this.deps.data.write(HASH_CACHE_FILE, serializeJsonl({ format: FORMAT, version: VERSION, algorithm: ALGORITHM }, rows));
		this.changed = false;
	}
}
