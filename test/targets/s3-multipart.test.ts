// Multipart uploads on a real Ceph RADOS Gateway: a 200 MiB file interrupted and resumed without sending a
// finished part again, resumes that prove the parts still hold the file's bytes, and cleanup of stale uploads.
import { createHash } from "node:crypto";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { createNodeHttpTransport, type NodeHttpTransport } from "../../src/adapters/node/node-http-transport";
import { NodeFileStore } from "../../src/adapters/node/node-file-store";
import { TargetError } from "../../src/core/model/target-error";
import type { HttpTransport } from "../../src/core/ports/http-transport";
import type { UploadBody } from "../../src/core/ports/target";
import type { MultipartState, MultipartStateStore, S3TargetOptions } from "../../src/core/targets/s3/s3-options";
import { abortStaleUploads } from "../../src/core/targets/s3/s3-stale-uploads";
import { createS3Target } from "../../src/core/targets/s3/s3-target";
import { requireCeph, startCephS3, type CephS3 } from "../servers/ceph";
import { s3Admin, type S3Admin } from "../servers/s3-admin";
import { generatedBody } from "../servers/upload-bodies";

const MIB = 1024 * 1024;
const BUCKET = "multipart";

/** A store that keeps its states as JSON text, as the shells' data folder does: what it forgets, a resume cannot use. */
function jsonStore(): MultipartStateStore & { keys(): string[] } {
	const saved = new Map<string, string>();
	return {
		get: (key) => Promise.resolve(saved.has(key) ? (JSON.parse(saved.get(key) ?? "") as MultipartState) : null),
		set: (state) => Promise.resolve(void saved.set(state.key, JSON.stringify(state))),
		delete: (key) => Promise.resolve(void saved.delete(key)),
		all: () => Promise.resolve([...saved.values()].map((text) => JSON.parse(text) as MultipartState)),
		keys: () => [...saved.keys()],
	};
}

/** Writes `size` deterministic pseudo-random bytes to `path` a megabyte at a time; returns their SHA-256. */
async function writeGenerated(path: string, size: number, seed: number): Promise<string> {
	const file = await open(path, "w");
	const hash = createHash("sha256");
	try {
		for await (const chunk of generatedBody(size, { seed, chunkSize: MIB }).open()) {
			hash.update(chunk);
			await file.write(chunk);
		}
	} finally {
		await file.close();
	}
	return hash.digest("hex");
}

/** The part PUTs a transport carried, by part number, and a hook called as each one is answered. */
function partCounter(inner: HttpTransport, onAnswered: (number: number, status: number) => void = () => {}): HttpTransport & { parts: number[] } {
	const parts: number[] = [];
	return {
		parts,
		async request(request) {
			const number = /[?&]partNumber=(\d+)/.exec(request.url)?.[1];
			if (request.method !== "PUT" || number === undefined) return inner.request(request);
			parts.push(Number(number));
			const response = await inner.request(request);
			onAnswered(Number(number), response.status);
			return response;
		},
	};
}

describe.skipIf(!requireCeph())("S3 multipart uploads on Ceph", () => {
	let ceph: CephS3;
	let admin: S3Admin;
	let transport: NodeHttpTransport;
	let dir: string;
	let files: NodeFileStore;

	beforeAll(async () => {
		ceph = await startCephS3();
		admin = s3Admin(ceph);
		await admin.createBucket(BUCKET);
		transport = createNodeHttpTransport();
	});
	afterAll(async () => {
		transport?.close();
		await ceph?.stop();
	});
	beforeEach(async () => {
		dir = await mkdtemp(join(tmpdir(), "pa-s3-multipart-"));
		files = new NodeFileStore(dir);
	});
	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	const options = (prefix: string, more: Partial<S3TargetOptions>): S3TargetOptions => ({
		endpoint: ceph.endpoint,
		bucket: BUCKET,
		prefix,
		pathStyle: true,
		accessKeyId: ceph.accessKey,
		secretAccessKey: ceph.secretKey,
		transport,
		...more,
	});

	/** The file `name` of the temporary folder as an upload body, counting how many of its streams are open at once. */
	const fileBody = (name: string, size: number): UploadBody & { mostOpen: number } => {
		let open = 0;
		const body = {
			size,
			mostOpen: 0,
			async *open(start = 0) {
				body.mostOpen = Math.max(body.mostOpen, ++open);
				try {
					yield* files.stream(name, start);
				} finally {
					open--;
				}
			},
		};
		return body;
	};

	const uploadsOf = async (key: string): Promise<number> => (await admin.uploads(BUCKET)).filter((k) => k === key).length;

	it(
		"a 200 MiB file, interrupted after a few parts, resumes in the next run without sending a finished part again",
		async () => {
			const size = 200 * MIB + 12_345;
			const sha = await writeGenerated(join(dir, "video.mov"), size, 200);
			const store = jsonStore();
			const controller = new AbortController();
			let answered = 0;
			const first = partCounter(transport, (_, status) => {
				if (status === 200 && ++answered === 5) controller.abort();
			});
			const settings = { multipartFromBytes: 16 * MIB, partBytes: 16 * MIB, partConcurrency: 4, uploads: store };
			const body = fileBody("video.mov", size);
			const stopped = await createS3Target(options("big/", { ...settings, transport: first }))
				.put("2024/video.mov", body, { signal: controller.signal })
				.catch((e: unknown) => e);
			expect(stopped).toMatchObject({ code: "cancelled" });
			expect(await admin.get(BUCKET, "big/2024/video.mov")).toBeNull();
			const remembered = (await store.get("big/2024/video.mov"))?.parts.map((p) => p.number).sort((a, b) => a - b) ?? [];
			expect(remembered.length).toBeGreaterThanOrEqual(5);
			expect(remembered.length).toBeLessThan(13);
			const state = await store.get("big/2024/video.mov");
			expect(await admin.parts(BUCKET, "big/2024/video.mov", state?.uploadId ?? "")).toEqual(expect.arrayContaining(remembered));

			const second = partCounter(transport);
			let reported = 0;
			const stored = await createS3Target(options("big/", { ...settings, transport: second })).put("2024/video.mov", fileBody("video.mov", size), {
				onBytes: (n) => (reported += n),
			});
			const all = Array.from({ length: 13 }, (_, i) => i + 1);
			expect(second.parts.filter((n) => remembered.includes(n))).toEqual([]);
			expect([...second.parts, ...remembered].sort((a, b) => a - b)).toEqual(all);
			expect(stored).toMatchObject({ path: "2024/video.mov", size });
			expect(stored.etag).toMatch(/-13"?$/);
			expect(reported).toBe(size);
			expect(body.mostOpen).toBeLessThanOrEqual(4);
			expect(await admin.sha256(BUCKET, "big/2024/video.mov", size)).toBe(sha);
			expect(store.keys()).toEqual([]);
			expect(await uploadsOf("big/2024/video.mov")).toBe(0);
		},
		600_000,
	);

	it("a resume re-sends a part whose bytes changed in the file since (same size), and keeps the others", async () => {
		const size = 15 * MIB;
		await writeGenerated(join(dir, "a.jpg"), size, 1);
		const store = jsonStore();
		const settings = { multipartFromBytes: 5 * MIB, partBytes: 5 * MIB, partConcurrency: 1, uploads: store };
		const controller = new AbortController();
		const first = partCounter(transport, (number) => number === 2 && controller.abort());
		await expect(createS3Target(options("edit/", { ...settings, transport: first })).put("a.jpg", fileBody("a.jpg", size), { signal: controller.signal })).rejects.toMatchObject({
			code: "cancelled",
		});
		expect((await store.get("edit/a.jpg"))?.parts.map((p) => p.number)).toEqual([1, 2]);
		// Edited in place: same size, other bytes in the first part only.
		const file = await open(join(dir, "a.jpg"), "r+");
		await file.write(new TextEncoder().encode("edited"), 0, 6, 1000);
		await file.close();
		const edited = createHash("sha256");
		for await (const chunk of files.stream("a.jpg")) edited.update(chunk);

		const second = partCounter(transport);
		await createS3Target(options("edit/", { ...settings, transport: second })).put("a.jpg", fileBody("a.jpg", size));
		expect(second.parts.sort()).toEqual([1, 3]);
		expect(await admin.sha256(BUCKET, "edit/a.jpg", size)).toBe(edited.digest("hex"));
	});

	it("an upload of another size, or one the server no longer knows, is dropped and the file sent from the start", async () => {
		const store = jsonStore();
		const settings = { multipartFromBytes: 5 * MIB, partBytes: 5 * MIB, partConcurrency: 1, uploads: store };
		await writeGenerated(join(dir, "b.mov"), 11 * MIB, 2);
		const controller = new AbortController();
		const first = partCounter(transport, () => controller.abort());
		await expect(createS3Target(options("size/", { ...settings, transport: first })).put("b.mov", fileBody("b.mov", 11 * MIB), { signal: controller.signal })).rejects.toThrow();
		const old = await store.get("size/b.mov");
		expect(old?.parts).toHaveLength(1);

		// The file grew: the old cut does not fit, so its upload is aborted on the server.
		const grown = await writeGenerated(join(dir, "b.mov"), 12 * MIB, 3);
		const second = partCounter(transport);
		await createS3Target(options("size/", { ...settings, transport: second })).put("b.mov", fileBody("b.mov", 12 * MIB));
		expect(second.parts.sort()).toEqual([1, 2, 3]);
		expect(await admin.sha256(BUCKET, "size/b.mov", 12 * MIB)).toBe(grown);
		expect(await uploadsOf("size/b.mov")).toBe(0);

		// Remembered, but gone from the server (aborted by a lifecycle rule, say): started again.
		await store.set({ ...(old as MultipartState), key: "size/c.mov" });
		await writeGenerated(join(dir, "c.mov"), 11 * MIB, 4);
		const third = partCounter(transport);
		await createS3Target(options("size/", { ...settings, transport: third })).put("c.mov", fileBody("c.mov", 11 * MIB));
		expect(third.parts.sort()).toEqual([1, 2, 3]);
		expect(store.keys()).toEqual([]);
	});

	it("abortStaleUploads aborts the remembered uploads older than the limit, on the server and in the store, and keeps recent ones", async () => {
		const store = jsonStore();
		const settings = { multipartFromBytes: 5 * MIB, partBytes: 5 * MIB, partConcurrency: 1, uploads: store };
		// Recent first: a target's own clean-up, before its first multipart upload, must not take the old one yet.
		for (const [name, daysAgo] of [["new.mov", 1], ["old.mov", 10]] as const) {
			await writeGenerated(join(dir, name), 6 * MIB, 5);
			const controller = new AbortController();
			const wire = partCounter(transport, () => controller.abort());
			await expect(createS3Target(options("stale/", { ...settings, transport: wire })).put(name, fileBody(name, 6 * MIB), { signal: controller.signal })).rejects.toBeInstanceOf(
				TargetError,
			);
			const state = (await store.get(`stale/${name}`)) as MultipartState;
			await store.set({ ...state, startedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString() });
		}
		expect(store.keys().sort()).toEqual(["stale/new.mov", "stale/old.mov"]);
		const result = await abortStaleUploads(options("stale/", { uploads: store }), 7 * 86_400_000);
		expect(result).toEqual({ aborted: ["stale/old.mov"], failed: [] });
		expect(store.keys()).toEqual(["stale/new.mov"]);
		expect(await uploadsOf("stale/old.mov")).toBe(0);
		expect(await uploadsOf("stale/new.mov")).toBe(1);
	});

	it("a target aborts stale uploads of ours by itself, before its first multipart upload", async () => {
		const store = jsonStore();
		const settings = { multipartFromBytes: 5 * MIB, partBytes: 5 * MIB, partConcurrency: 1, uploads: store };
		await writeGenerated(join(dir, "left.mov"), 6 * MIB, 6);
		const controller = new AbortController();
		const wire = partCounter(transport, () => controller.abort());
		await expect(createS3Target(options("auto/", { ...settings, transport: wire })).put("left.mov", fileBody("left.mov", 6 * MIB), { signal: controller.signal })).rejects.toBeInstanceOf(
			TargetError,
		);
		const state = (await store.get("auto/left.mov")) as MultipartState;
		await store.set({ ...state, startedAt: new Date(Date.now() - 30 * 86_400_000).toISOString() });
		expect(await uploadsOf("auto/left.mov")).toBe(1);

		await writeGenerated(join(dir, "next.mov"), 6 * MIB, 7);
		await createS3Target(options("auto/", { ...settings, transport })).put("next.mov", fileBody("next.mov", 6 * MIB));
		expect(await uploadsOf("auto/left.mov")).toBe(0);
		expect(store.keys()).toEqual([]);
	});
});
