/**
 * One duplicate search over the whole index: identical copies from the SHA-256 already in the index (free),
 * look-alikes from perceptual hashes (cached ones reused, new photos hashed one or two at a time), grouped
 * without comparing every pair. Per distinct content it keeps 8 bytes of hash and one byte of state.
 */
import { describeError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import { runPool } from "../util/run-pool";
import { hammingDistance, parseHashHex } from "./dhash";
import { buildGroup } from "./duplicate-members";
import type { DuplicateGroup, DuplicateProgress, DuplicateReport, NotComparedCount } from "./duplicate-types";
import { decodeOutcome, encodeOutcome, type HashCache } from "./hash-cache";
import type { NotComparedReason, PreviewHasher, PreviewOutcome } from "./preview-hash";
import { groupSimilar } from "./similar-groups";

/** Files hashed at once: one reads while the other decodes (full-size decodes still go one at a time). */
const HASHING_CONCURRENCY = 2;
/** New hashes between saves of the cache, so an interrupted first run keeps most of its work. */
const SAVE_EVERY = 2000;

const UNKNOWN = 0;
const HASHED = 1;
const REASON_CODES: readonly NotComparedReason[] = ["plain", "video", "format", "too-large", "unreadable"];

export interface SearchDeps {
	records: () => Promise<Iterable<PhotoRecord>>;
	/** Null where no decoder is available: only identical copies are found. */
	hasher: PreviewHasher | null;
	decoderId: string;
	cache: HashCache;
	pause?: () => Promise<void>;
}

export interface SearchOptions {
	threshold: number;
	signal?: AbortSignal;
	onProgress?: (progress: DuplicateProgress) => void;
}

export async function searchDuplicates(deps: SearchDeps, options: SearchOptions): Promise<Omit<DuplicateReport, "note">> {
	const { signal, onProgress } = options;
	const bySha = new Map<string, PhotoRecord[]>();
	const known = new Set<string>();
	for (const record of await deps.records()) {
		known.add(record.sha256);
		if (record.missingSince !== undefined) continue;
		const copies = bySha.get(record.sha256);
		if (copies) copies.push(record);
		else bySha.set(record.sha256, [record]);
	}
	const shas = [...bySha.keys()];
	const hi = new Uint32Array(shas.length);
	const lo = new Uint32Array(shas.length);
	const state = new Uint8Array(shas.length);
	const failed: DuplicateReport["failed"] = [];
	const apply = (i: number, outcome: PreviewOutcome): void => {
		const words = outcome.kind === "hash" ? parseHashHex(outcome.hex) : null;
		if (words !== null) {
			[hi[i], lo[i]] = words;
			state[i] = HASHED;
		} else {
			state[i] = 2 + REASON_CODES.indexOf(outcome.kind === "skipped" ? outcome.reason : "plain");
		}
	};

	await deps.cache.load();
	const toHash: number[] = [];
	shas.forEach((sha, i) => {
		const cached = deps.cache.get(sha);
		const outcome = cached === undefined ? null : decodeOutcome(cached, deps.decoderId);
		if (outcome !== null) apply(i, outcome);
		else if (deps.hasher === null) apply(i, { kind: "skipped", reason: "format" });
		else toHash.push(i);
	});

	let hashed = 0;
	const { hasher } = deps;
	if (hasher !== null && toHash.length > 0) {
		onProgress?.({ phase: "hashing", done: 0, total: toHash.length });
		await runPool(toHash, HASHING_CONCURRENCY, async (i) => {
			const sha = shas[i] ?? "";
			const record = (bySha.get(sha) ?? [])[0] as PhotoRecord;
			try {
				const outcome = await hasher.hash(record);
				apply(i, outcome);
				deps.cache.set(sha, encodeOutcome(outcome, deps.decoderId));
				if (outcome.kind === "skipped" && outcome.reason === "unreadable") failed.push({ path: record.path, reason: outcome.detail ?? "cannot be decoded" });
			} catch (error) {
				// A read that failed (a file being synced, a disk error) is not remembered: the next search tries again.
				apply(i, { kind: "skipped", reason: "unreadable" });
				failed.push({ path: record.path, reason: describeError(error) });
			}
			hashed++;
			onProgress?.({ phase: "hashing", done: hashed, total: toHash.length, path: record.path });
			if (hashed % SAVE_EVERY === 0) await deps.cache.save((s) => known.has(s));
		}, signal);
	}
	await deps.cache.save((s) => known.has(s));
	const cancelled = signal?.aborted ?? false;

	const compared: number[] = [];
	const notCompared = new Map<NotComparedReason, number>();
	let comparedPhotos = 0;
	shas.forEach((sha, i) => {
		const copies = bySha.get(sha)?.length ?? 0;
		const s = state[i] ?? UNKNOWN;
		if (s === HASHED) {
			compared.push(i);
			comparedPhotos += copies;
		} else if (s !== UNKNOWN) {
			const reason = REASON_CODES[s - 2] ?? "unreadable";
			notCompared.set(reason, (notCompared.get(reason) ?? 0) + copies);
		}
	});

	const table = { hi: new Uint32Array(compared.length), lo: new Uint32Array(compared.length), count: compared.length };
	compared.forEach((content, t) => {
		table.hi[t] = hi[content] ?? 0;
		table.lo[t] = lo[content] ?? 0;
	});
	const similar = cancelled ? [] : await groupSimilar(table, options.threshold, {
		signal,
		pause: deps.pause,
		onProgress: (done, total) => onProgress?.({ phase: "grouping", done, total }),
	});

	const contentOf = new Map<string, number>();
	const distanceOf = (a: PhotoRecord, b: PhotoRecord): number | null => {
		const i = contentOf.get(a.sha256);
		const j = contentOf.get(b.sha256);
		if (i === undefined || j === undefined) return null;
		return hammingDistance(hi[i] ?? 0, lo[i] ?? 0, hi[j] ?? 0, lo[j] ?? 0);
	};
	const groups: DuplicateGroup[] = [];
	const inSimilar = new Set<string>();
	for (const members of similar) {
		contentOf.clear();
		const records: PhotoRecord[] = [];
		for (const t of members) {
			const content = compared[t] ?? 0;
			const sha = shas[content] ?? "";
			contentOf.set(sha, content);
			inSimilar.add(sha);
			records.push(...(bySha.get(sha) ?? []));
		}
		groups.push(buildGroup("similar", records, distanceOf));
	}
	for (const [sha, copies] of bySha) {
		if (copies.length > 1 && !inSimilar.has(sha)) groups.push(buildGroup("identical", copies, () => 0));
	}
	groups.sort(groupOrder);
	const reasons: NotComparedCount[] = REASON_CODES.filter((r) => notCompared.has(r)).map((reason) => ({ reason, count: notCompared.get(reason) ?? 0 }));
	let photos = 0;
	for (const copies of bySha.values()) photos += copies.length;
	return { groups, photos, compared: comparedPhotos, notCompared: reasons, failed, hashed, threshold: options.threshold, cancelled };
}

/** Identical copies first (the safest to clean up), then look-alikes; each by the path of its best member. */
function groupOrder(a: DuplicateGroup, b: DuplicateGroup): number {
	if (a.kind !== b.kind) return a.kind === "identical" ? -1 : 1;
	const pa = a.members[0]?.path ?? "";
	const pb = b.members[0]?.path ?? "";
	return pa < pb ? -1 : pa > pb ? 1 : 0;
}
