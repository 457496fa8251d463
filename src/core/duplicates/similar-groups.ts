/**
 * Groups 64-bit hashes lying within a Hamming distance of each other, without comparing every pair
 * (100,000 photos would be 5 billion pairs). Multi-index hashing: each hash is cut into four 16-bit
 * chunks; two hashes at most T bits apart agree within floor(T / 4) bits on at least one chunk
 * (pigeonhole), so each hash is compared only with those sharing a chunk up to that many flipped bits.
 * Linked pairs merge transitively (union-find): A like B and B like C make one group even if A and C
 * are further apart, the threshold holding for each link.
 */
import { hammingDistance, popcount32 } from "./dhash";

/** Largest threshold the search supports: beyond it the chunk probes grow past usefulness, and 17 of 64 bits is no longer "the same picture". */
export const MAX_THRESHOLD = 16;

const CHUNKS = 4;
const CHUNK_VALUES = 1 << 16;

export interface HashTable {
	/** The hashes' high and low 32 bits, one pair per item: 8 bytes per photo. */
	hi: Uint32Array;
	lo: Uint32Array;
	count: number;
}

function chunkOf(table: HashTable, index: number, chunk: number): number {
	const word = chunk < 2 ? (table.hi[index] ?? 0) : (table.lo[index] ?? 0);
	return chunk % 2 === 0 ? word >>> 16 : word & 0xffff;
}

/** Every 16-bit mask with at most `radius` bits set. */
function masksUpTo(radius: number): Uint16Array {
	const masks: number[] = [];
	for (let m = 0; m < CHUNK_VALUES; m++) if (popcount32(m) <= radius) masks.push(m);
	return Uint16Array.from(masks);
}

/** Items of each chunk value, as offsets into one array (compressed rows: no per-bucket arrays). */
function buildBuckets(table: HashTable, chunk: number): { starts: Uint32Array; items: Uint32Array } {
	const starts = new Uint32Array(CHUNK_VALUES + 1);
	for (let i = 0; i < table.count; i++) {
		const slot = chunkOf(table, i, chunk) + 1;
		starts[slot] = (starts[slot] ?? 0) + 1;
	}
	for (let v = 0; v < CHUNK_VALUES; v++) starts[v + 1] = (starts[v + 1] ?? 0) + (starts[v] ?? 0);
	const fill = starts.slice(0, CHUNK_VALUES);
	const items = new Uint32Array(table.count);
	for (let i = 0; i < table.count; i++) {
		const v = chunkOf(table, i, chunk);
		items[fill[v] ?? 0] = i;
		fill[v] = (fill[v] ?? 0) + 1;
	}
	return { starts, items };
}

function find(parent: Int32Array, i: number): number {
	let x = i;
	while (parent[x] !== x) {
		const up = parent[parent[x] ?? x] ?? x;
		parent[x] = up;
		x = up;
	}
	return x;
}

export interface GroupOptions {
	signal?: AbortSignal;
	/** Called now and then with items done, to show progress. */
	onProgress?: (done: number, total: number) => void;
	/** Awaited between slices, so a UI host stays responsive. */
	pause?: () => Promise<void>;
	/** Filled with the number of hash pairs compared: the proof, in tests and benchmarks, that it is not every pair. */
	stats?: { comparisons: number };
}

/** Groups of at least two item indices, each in ascending order; groups ordered by their first item. */
export async function groupSimilar(table: HashTable, threshold: number, options: GroupOptions = {}): Promise<number[][]> {
	const t = Math.max(0, Math.min(MAX_THRESHOLD, Math.floor(threshold)));
	const n = table.count;
	const parent = Int32Array.from({ length: n }, (_, i) => i);
	const masks = masksUpTo(Math.floor(t / CHUNKS));
	const buckets = Array.from({ length: CHUNKS }, (_, c) => buildBuckets(table, c));
	// The last item each candidate was checked for: a pair found through two chunks is compared once.
	const seen = new Int32Array(n).fill(-1);
	let comparisons = 0;
	for (let i = 0; i < n; i++) {
		if (i % 2048 === 0) {
			if (options.signal?.aborted) break;
			options.onProgress?.(i, n);
			await options.pause?.();
		}
		const hi = table.hi[i] ?? 0;
		const lo = table.lo[i] ?? 0;
		for (let c = 0; c < CHUNKS; c++) {
			const { starts, items } = buckets[c] as { starts: Uint32Array; items: Uint32Array };
			const value = chunkOf(table, i, c);
			for (let m = 0; m < masks.length; m++) {
				const v = value ^ (masks[m] ?? 0);
				// A bucket lists its items in ascending order: walk it down to the items after i, each pair once.
				for (let k = (starts[v + 1] ?? 0) - 1, first = starts[v] ?? 0; k >= first; k--) {
					const j = items[k] ?? 0;
					if (j <= i) break;
					if (seen[j] === i) continue;
					seen[j] = i;
					comparisons++;
					if (hammingDistance(hi, lo, table.hi[j] ?? 0, table.lo[j] ?? 0) > t) continue;
					const a = find(parent, i);
					const b = find(parent, j);
					if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
				}
			}
		}
	}
	options.onProgress?.(n, n);
	if (options.stats) options.stats.comparisons = comparisons;
	const groups = new Map<number, number[]>();
	for (let i = 0; i < n; i++) {
		const root = find(parent, i);
		const group = groups.get(root);
		if (group) group.push(i);
		else groups.set(root, [i]);
	}
	return [...groups.values()].filter((g) => g.length > 1);
}
