// Faults between the WebDAV target and real servers: what is retried, what stops at once, what is said, what is left.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TargetError } from "../../../src/core/model/target-error";
import type { UploadBody } from "../../../src/core/ports/target";
import { retrying, type RetryInfo } from "../../../src/core/targets/retrying-target";
import { faults, startFaultProxy, type FaultProxy } from "../../servers/fault-proxy";
import { generatedBody, streamSha256 } from "../../servers/upload-bodies";
import { davTarget, diskSha256, SERVER_KINDS, useServer } from "./dav-fixture";

const isPut = (r: { method: string }): boolean => r.method === "PUT";

/** A retry policy that records the waits instead of waiting. */
function instantRetries(): { slept: number[]; retries: RetryInfo[]; policy: Parameters<typeof retrying>[1] } {
	const slept: number[] = [];
	const retries: RetryInfo[] = [];
	return { slept, retries, policy: { sleep: (ms) => Promise.resolve(void slept.push(ms)), onRetry: (info) => retries.push(info), random: () => 0 } };
}

async function filesUnder(dir: string): Promise<string[]> {
	return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe.each(SERVER_KINDS)("faults on $name", (kind) => {
	const server = useServer(kind);
	let proxy: FaultProxy | undefined;
	afterEach(async () => {
		await proxy?.close();
		proxy = undefined;
	});

	async function proxied(options: Parameters<typeof davTarget>[1] = {}) {
		proxy = await startFaultProxy(server.get().url);
		return davTarget(server.get(), { via: proxy.via, ...options });
	}

	describe.skipIf(kind.binary === null)("with the server running", () => {
		it("a connection dropped mid-upload is retried, and the file arrives whole", async () => {
			const { target: bare, dir } = await proxied();
			const { slept, policy } = instantRetries();
			const target = retrying(bare, policy);
			proxy?.failNext(1, faults.drop(300_000), isPut);
			const body = generatedBody(1_000_000, { seed: 3 });
			const sent: number[] = [];
			await target.put("p/photo.jpg", body, { onBytes: (n) => sent.push(n) });
			expect(await diskSha256(join(dir, "p", "photo.jpg"))).toBe(await streamSha256(body));
			// Usually two PUTs; on a loaded machine rclone may also refuse the second one while it still
			// cleans up after the dropped one, which is retried like any transient fault: one wait per retry.
			const puts = proxy?.count("PUT") ?? 0;
			expect(puts).toBeGreaterThanOrEqual(2);
			expect(slept).toHaveLength(puts - 1);
			// Progress counts each byte once, though some were sent twice.
			expect(sent.reduce((a, b) => a + b, 0)).toBe(body.size);
			expect(await filesUnder(dir)).toEqual(["p", "p/photo.jpg"]);
		});

		it("503 with Retry-After waits as asked, then completes", async () => {
			const { target: bare, dir } = await proxied();
			const { slept, retries, policy } = instantRetries();
			proxy?.failNext(2, faults.status(503, { "retry-after": "7" }), isPut);
			await retrying(bare, policy).put("a.jpg", generatedBody(10_000));
			expect(slept).toEqual([7000, 7000]);
			expect(retries.map((r) => [r.operation, r.error.details.status])).toEqual([["put", 503], ["put", 503]]);
			expect(await filesUnder(dir)).toEqual(["a.jpg"]);
		});

		it("429 with Retry-After as an HTTP date is honoured too", async () => {
			const { target: bare, dir } = await proxied();
			const { slept, policy } = instantRetries();
			const at = new Date(Date.now() + 20_000).toUTCString();
			proxy?.failNext(1, faults.status(429, { "retry-after": at }), isPut);
			await retrying(bare, policy).put("b.jpg", generatedBody(10_000));
			expect(slept[0]).toBeGreaterThan(15_000);
			expect(slept[0]).toBeLessThanOrEqual(20_000);
			expect(await filesUnder(dir)).toEqual(["b.jpg"]);
		});

		it("401 is said in plain words and never retried: one request only", async () => {
			const { target: bare } = await proxied();
			const { slept, policy } = instantRetries();
			proxy?.rule(() => faults.status(401, { "www-authenticate": 'Basic realm="x"' }));
			const error = await retrying(bare, policy).put("c.jpg", generatedBody(10_000)).catch((e: unknown) => e);
			expect(error).toMatchObject({ code: "auth", message: "The server refused the user name or password." });
			expect((error as TargetError).stopsTarget).toBe(true);
			expect(proxy?.requests).toHaveLength(1);
			expect(slept).toEqual([]);
		});

		it("507 stops with a clear message and is not retried", async () => {
			const { target: bare, dir } = await proxied();
			const { slept, policy } = instantRetries();
			proxy?.rule((r) => (isPut(r) ? faults.status(507) : undefined));
			await expect(retrying(bare, policy).put("d.jpg", generatedBody(10_000))).rejects.toMatchObject({
				code: "no-space",
				message: "The server has no space left (507 Insufficient Storage).",
			});
			expect(proxy?.count("PUT")).toBe(1);
			expect(slept).toEqual([]);
			expect(await filesUnder(dir)).toEqual([]);
		});

		it("a server that stops answering times out as transient, saying how long it waited", async () => {
			const { target } = await proxied({ timeoutMs: 400 });
			proxy?.failNext(1, faults.stall());
			await expect(target.list("")).rejects.toMatchObject({
				code: "transient",
				message: expect.stringMatching(/^The server did not answer within 0\.4 seconds \(listing \//) as unknown,
			});
		});

		it("a slow server within the deadline is waited for", async () => {
			const { target } = await proxied({ timeoutMs: 2_000 });
			proxy?.failNext(1, faults.delay(300));
			expect(await target.list("")).toEqual({ files: [], folders: [] });
		});

		it("a MOVE whose answer is lost is found to have happened: no second upload, no conflict", async () => {
			const { target: bare, dir } = await proxied();
			const { policy } = instantRetries();
			proxy?.failNext(1, faults.dropResponse(), (r) => r.method === "MOVE");
			const stored = await retrying(bare, policy).put("e.jpg", generatedBody(50_000));
			expect(stored.size).toBe(50_000);
			expect(proxy?.count("PUT")).toBe(1);
			expect(await filesUnder(dir)).toEqual(["e.jpg"]);
		});

		it("a photo that grows while it uploads fails as changed, is not retried, and leaves nothing under its name", async () => {
			const { target: bare, dir } = await proxied();
			const { slept, policy } = instantRetries();
			const real = generatedBody(200_000);
			const growing: UploadBody = { size: 150_000, open: (start) => real.open(start) };
			await expect(retrying(bare, policy).put("f.jpg", growing)).rejects.toThrow(/changed while it was being uploaded/);
			expect(slept).toEqual([]);
			expect((await filesUnder(dir)).filter((name) => name === "f.jpg")).toEqual([]);
		});

		it("the server stopped mid-upload and started again: the retry finishes, nothing partial under the final name", async () => {
			const s = server.get();
			const { target: bare, dir } = await davTarget(s, { resumeThresholdBytes: Number.MAX_SAFE_INTEGER });
			let stopped: Promise<void> | undefined;
			const sizes: string[][] = [];
			const target = retrying(bare, {
				sleep: async () => {
					await stopped;
					sizes.push(await filesUnder(dir));
					await s.start();
				},
			});
			const body = generatedBody(20_000_000, {
				seed: 9,
				onChunk: (handedOut) => {
					if (handedOut >= 4_000_000 && stopped === undefined) stopped = s.stop();
				},
			});
			await target.put("g/video.mov", body);
			expect(await diskSha256(join(dir, "g", "video.mov"))).toBe(await streamSha256(generatedBody(20_000_000, { seed: 9 })));
			expect(sizes.length).toBeGreaterThan(0);
			for (const listing of sizes) expect(listing).not.toContain("g/video.mov");
		});
	});
});
