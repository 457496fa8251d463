import { describe, expect, it, vi } from "vitest";
import type { ManifestEntry } from "../../../src/core/backup/manifest";
import { PhotoIndex } from "../../../src/core/index/photo-index";
import { indexStringSharer } from "../../../src/core/index/shared-strings";
import { EMPTY_METADATA } from "../../../src/core/model/photo-metadata";
import type { PhotoRecord } from "../../../src/core/model/photo-record";

function record(path: string): PhotoRecord {
	return { path, size: 1, mtimeMs: 1, sha256: `sha-of-${path}`, note: `Notes/${path}.md`, meta: { ...EMPTY_METADATA } };
}

/** An entry whose strings are equal to the record's but not the same (as a parser makes them). */
function entryFor(path: string, localPath = path): ManifestEntry {
	const fresh = (s: string): string => [...s].join("");
	return { remotePath: fresh(path), localPath: fresh(localPath), sha256: fresh(`sha-of-${localPath}`), size: 1, uploadedAt: "2024-01-01T00:00:00.000Z" };
}

/** Shares every entry; returns how many needed a lookup by path (the walk in step needs none). */
function share(index: PhotoIndex, entries: ManifestEntry[]): number {
	const sharer = indexStringSharer(index);
	const get = vi.spyOn(index, "get");
	for (const e of entries) sharer(e);
	const lookups = get.mock.calls.length;
	get.mockRestore();
	return lookups;
}

describe("indexStringSharer", () => {
	it("finds every photo of a sorted manifest in a sorted index, gaps on either side included", () => {
		const index = new PhotoIndex(["a", "b", "c", "e", "f"].map((p) => record(`P/${p}.jpg`)));
		const entries = ["a", "c", "d", "e", "f", "g"].map((p) => entryFor(`P/${p}.jpg`));
		// Only d and g, which the index lacks, are looked up.
		expect(share(index, entries)).toBe(2);
		expect(entries.map((e) => e.localPath)).toEqual(["a", "c", "d", "e", "f", "g"].map((p) => `P/${p}.jpg`));
	});

	it("falls back to a lookup when the index is not in path order or the layout renames", () => {
		const index = new PhotoIndex(["z", "b", "a"].map((p) => record(`P/${p}.jpg`)));
		const entries = [entryFor("P/a.jpg"), entryFor("P/b.jpg"), entryFor("2024/b.jpg", "P/b.jpg"), entryFor("P/z.jpg")];
		expect(share(index, entries)).toBeGreaterThanOrEqual(2);
		expect(entries.map((e) => [e.localPath, e.sha256])).toEqual(["a", "b", "b", "z"].map((p) => [`P/${p}.jpg`, `sha-of-P/${p}.jpg`]));
		// A dated layout: the remote path is its own; only the local path and the hash are shared.
		expect(entries[2]?.remotePath).toBe("2024/b.jpg");
	});

	it("keeps the entry's hash when the photo has changed since the upload", () => {
		const index = new PhotoIndex([record("P/a.jpg")]);
		const entry = { ...entryFor("P/a.jpg"), sha256: "older-content" };
		indexStringSharer(index)(entry);
		expect(entry.sha256).toBe("older-content");
		expect(entry.localPath).toBe("P/a.jpg");
	});
});
