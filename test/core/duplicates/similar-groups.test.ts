// Grouping by Hamming distance: the same groups as comparing every pair, without comparing every pair.
import { describe, expect, it } from "vitest";
import { hammingDistance } from "../../../src/core/duplicates/dhash";
import { groupSimilar, MAX_THRESHOLD, type HashTable } from "../../../src/core/duplicates/similar-groups";

function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		// xorshift32: reproducible 32-bit words.
		s ^= s << 13;
		s >>>= 0;
		s ^= s >>> 17;
		s ^= s << 5;
		s >>>= 0;
		return s;
	};
}

/** `count` hashes: random ones, and near copies of earlier ones with a few bits flipped. */
function hashes(count: number, seed: number): HashTable {
	const next = random(seed);
	const hi = new Uint32Array(count);
	const lo = new Uint32Array(count);
	for (let i = 0; i < count; i++) {
		if (i > 0 && next() % 3 === 0) {
			const from = next() % i;
			hi[i] = hi[from] ?? 0;
			lo[i] = lo[from] ?? 0;
			for (let flips = next() % 9; flips > 0; flips--) {
				const bit = next() % 64;
				if (bit < 32) hi[i] = ((hi[i] ?? 0) ^ (1 << bit)) >>> 0;
				else lo[i] = ((lo[i] ?? 0) ^ (1 << (bit - 32))) >>> 0;
			}
		} else {
			hi[i] = next();
			lo[i] = next();
		}
	}
	return { hi, lo, count };
}

/** Every pair compared, linked pairs merged: what the index must reproduce. */
function bruteForce(table: HashTable, threshold: number): number[][] {
	const parent = Array.from({ length: table.count }, (_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] ?? i)));
	for (let i = 0; i < table.count; i++) {
		for (let j = i + 1; j < table.count; j++) {
			if (hammingDistance(table.hi[i] ?? 0, table.lo[i] ?? 0, table.hi[j] ?? 0, table.lo[j] ?? 0) <= threshold) {
				parent[Math.max(find(i), find(j))] = Math.min(find(i), find(j));
			}
		}
	}
	const groups = new Map<number, number[]>();
	for (let i = 0; i < table.count; i++) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
	return [...groups.values()].filter((g) => g.length > 1);
}

describe("groupSimilar", () => {
	it("finds exactly the groups of comparing every pair, at every threshold", async () => {
		const table = hashes(600, 7);
		for (const threshold of [0, 1, 3, 4, 7, 10, 13, MAX_THRESHOLD]) {
			const groups = await groupSimilar(table, threshold);
			expect(groups, `threshold ${threshold}`).toEqual(bruteForce(table, threshold));
		}
		expect((await groupSimilar(table, 10)).length).toBeGreaterThan(20);
	});

	it("links transitively with the threshold held per link", async () => {
		// a–b 4 bits apart, b–c 4 bits apart, a–c 8: one group at 4; at 3, none.
		const table = { hi: Uint32Array.from([0, 0xf, 0xff]), lo: Uint32Array.from([0, 0, 0]), count: 3 };
		expect(await groupSimilar(table, 4)).toEqual([[0, 1, 2]]);
		expect(await groupSimilar(table, 3)).toEqual([]);
	});

	it("groups 100,000 hashes comparing a tiny share of the 5 billion pairs", async () => {
		const table = hashes(100_000, 11);
		const stats = { comparisons: 0 };
		const groups = await groupSimilar(table, 10, { stats });
		// A third of them are near copies of an earlier hash: each joins a group.
		expect(groups.reduce((n, g) => n + g.length, 0)).toBeGreaterThan(30_000);
		// Brute force compares n(n−1)/2 ≈ 5·10⁹ pairs; the index compares under 1% of them.
		expect(stats.comparisons).toBeLessThan(0.01 * ((100_000 * 99_999) / 2));
	});

	it("stops when cancelled", async () => {
		const controller = new AbortController();
		controller.abort();
		expect(await groupSimilar(hashes(5000, 3), 10, { signal: controller.signal })).toEqual([]);
	});
});
