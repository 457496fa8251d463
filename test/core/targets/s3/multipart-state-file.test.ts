// The unfinished multipart uploads of an S3 target, remembered in the data folder between runs.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NodeDataStore } from "../../../../src/adapters/node/node-data-store";
import { multipartStateFile, multipartStateFileName } from "../../../../src/core/targets/s3/multipart-state-file";
import type { MultipartState } from "../../../../src/core/targets/s3/s3-options";
import { tempDir } from "../../../support/temp-dir";

const upload = (key: string, parts: number[] = []): MultipartState => ({
	key,
	uploadId: `id-${key}`,
	size: 100_000_000,
	partBytes: 16_777_216,
	parts: parts.map((number) => ({ number, etag: `"etag-${number}"` })),
	startedAt: "2024-06-01T12:00:00.000Z",
});

describe("multipartStateFile", () => {
	it("remembers uploads and their finished parts across runs, in a file of the target's own", async () => {
		const dir = await tempDir();
		const first = multipartStateFile(new NodeDataStore(dir), "b2");
		await first.set(upload("photos/a.mov", [1]));
		await first.set(upload("photos/b.mov"));
		await first.set(upload("photos/a.mov", [1, 2]));
		expect(multipartStateFileName("b2")).toBe("s3-uploads-b2.json");

		const next = multipartStateFile(new NodeDataStore(dir), "b2");
		expect(await next.get("photos/a.mov")).toEqual(upload("photos/a.mov", [1, 2]));
		expect((await next.all()).map((s) => s.key).sort()).toEqual(["photos/a.mov", "photos/b.mov"]);
		expect(await next.get("photos/c.mov")).toBeNull();
		expect(await multipartStateFile(new NodeDataStore(dir), "other").all()).toEqual([]);
	});

	it("keeps what the S3 target adds to a part (its SHA-256, which proves its bytes on resume)", async () => {
		const dir = await tempDir();
		const state = { ...upload("k"), parts: [{ number: 1, etag: '"e1"', sha256: "ab".repeat(32) }] };
		await multipartStateFile(new NodeDataStore(dir), "t").set(state);
		expect(await multipartStateFile(new NodeDataStore(dir), "t").get("k")).toEqual(state);
	});

	it("keeps every part when parts of several files finish at once", async () => {
		const dir = await tempDir();
		const store = multipartStateFile(new NodeDataStore(dir), "t");
		const writes: Promise<void>[] = [];
		for (let part = 1; part <= 20; part++) {
			for (const key of ["a", "b", "c"]) writes.push(store.set(upload(key, Array.from({ length: part }, (_, i) => i + 1))));
		}
		await Promise.all(writes);
		const again = multipartStateFile(new NodeDataStore(dir), "t");
		for (const key of ["a", "b", "c"]) expect((await again.get(key))?.parts).toHaveLength(20);
	});

	it("hands out copies: changing a returned state changes nothing remembered", async () => {
		const store = multipartStateFile(new NodeDataStore(await tempDir()), "t");
		const state = upload("k", [1]);
		await store.set(state);
		state.parts.push({ number: 2, etag: "x" });
		const got = await store.get("k");
		got?.parts.push({ number: 3, etag: "y" });
		expect((await store.get("k"))?.parts).toEqual([{ number: 1, etag: '"etag-1"' }]);
	});

	it("forgets a finished upload, and removes the file when none is left", async () => {
		const dir = await tempDir();
		const store = multipartStateFile(new NodeDataStore(dir), "t");
		await store.set(upload("a"));
		await store.set(upload("b"));
		await store.delete("a");
		await store.delete("never-there");
		expect((await store.all()).map((s) => s.key)).toEqual(["b"]);
		await store.delete("b");
		await expect(readFile(join(dir, "s3-uploads-t.json"), "utf8")).rejects.toThrow(/ENOENT/);
	});

	it.each([
		["not JSON", "{ cut sho"],
		["another format", JSON.stringify({ format: "other", version: 1, uploads: [] })],
		["a newer version", JSON.stringify({ format: "photo-archivist-s3-uploads", version: 2, uploads: [upload("a")] })],
	])("starts empty from a file that is %s (the server still lists unfinished uploads)", async (_name, text) => {
		const dir = await tempDir();
		await writeFile(join(dir, "s3-uploads-t.json"), text);
		const store = multipartStateFile(new NodeDataStore(dir), "t");
		expect(await store.all()).toEqual([]);
		await store.set(upload("b"));
		expect((await multipartStateFile(new NodeDataStore(dir), "t").all()).map((s) => s.key)).toEqual(["b"]);
	});

	it("leaves out a remembered upload whose fields a resume could not rely on", async () => {
		const dir = await tempDir();
		const uploads = [upload("good", [1]), { ...upload("no-id"), uploadId: 7 }, { ...upload("zero-part"), partBytes: 0 }, { ...upload("bad-part"), parts: [{ number: 0, etag: "x" }] }];
		await writeFile(join(dir, "s3-uploads-t.json"), JSON.stringify({ format: "photo-archivist-s3-uploads", version: 1, uploads }));
		expect((await multipartStateFile(new NodeDataStore(dir), "t").all()).map((s) => s.key)).toEqual(["good"]);
	});
});
