// Resuming interrupted large uploads with ranged PUT, where the server really supports it (found by trying, per server).
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { encodeNodeBody } from "../../../src/adapters/node/node-upload-body";
import { createWebdavTarget } from "../../../src/core/targets/webdav-target";
import { faults, startFaultProxy, type FaultProxy, type ProxiedRequest } from "../../servers/fault-proxy";
import { generatedBody, streamSha256 } from "../../servers/upload-bodies";
import { davTarget, diskSha256, SERVER_KINDS, type ServerKind, useServer } from "./dav-fixture";

const SIZE = 8 * 1024 * 1024;
const THRESHOLD = 1024 * 1024;

const isUploadRange = (r: ProxiedRequest): boolean => r.method === "PUT" && r.path.includes(".pa-partial") && r.headers["content-range"] !== undefined;

function rangeStart(r: ProxiedRequest): number {
	return Number(/^bytes (\d+)-/.exec(String(r.headers["content-range"]))?.[1]);
}

const [APACHE, RCLONE] = SERVER_KINDS as [ServerKind, ServerKind];

// Apache's mod_dav writes a ranged PUT into the file; rclone's would replace the file with the range.
describe.each([
	{ kind: APACHE, resumable: true },
	{ kind: RCLONE, resumable: false },
])("ranged uploads on $kind.name", ({ kind, resumable }) => {
	const server = useServer(kind);
	let proxy: FaultProxy | undefined;
	afterEach(async () => {
		await proxy?.close();
		proxy = undefined;
	});

	/** A first run cut off mid-upload, then a second run with a new target (as after closing Obsidian). */
	async function interruptedThenAgain(secondSeed: number) {
		proxy = await startFaultProxy(server.get().url);
		const first = await davTarget(server.get(), { via: proxy.via, resumeThresholdBytes: THRESHOLD });
		proxy.failNext(1, faults.drop(3_000_000), (r) => r.method === "PUT" && r.path.includes(".pa-partial") && (r.headers["content-range"] !== undefined || !resumable));
		await expect(first.target.put("v/clip.mov", generatedBody(SIZE, { seed: 1 }))).rejects.toMatchObject({ code: "transient" });
		expect(await first.target.list("v")).toEqual({ files: [], folders: [] });
		const firstRequests = proxy.requests.length;
		const second = createWebdavTarget({
			url: proxy.via(first.url),
			username: server.get().username,
			password: server.get().password,
			encodeBody: encodeNodeBody,
			resumeThresholdBytes: THRESHOLD,
		});
		const body = generatedBody(SIZE, { seed: secondSeed });
		const sent: number[] = [];
		await second.put("v/clip.mov", body, { onBytes: (n) => sent.push(n) });
		expect(await diskSha256(join(first.dir, "v", "clip.mov"))).toBe(await streamSha256(body));
		expect(sent.reduce((a, b) => a + b, 0)).toBe(SIZE);
		expect((await readdir(join(first.dir, "v"))).sort()).toEqual(["clip.mov"]);
		return { second, requests: proxy.requests.slice(firstRequests) };
	}

	describe.skipIf(kind.binary === null)("with the server running", () => {
		if (resumable) defineResumableTests();
		else defineWholeUploadTests();
		defineParallelTest();
	});

	function defineResumableTests(): void {
		it("continues an interrupted upload from what reached the server", async () => {
			const { second, requests } = await interruptedThenAgain(1);
			expect(second.capabilities.resumableUpload).toBe(true);
			const ranged = requests.filter(isUploadRange);
			expect(ranged).toHaveLength(1);
			expect(rangeStart(ranged[0] as ProxiedRequest)).toBeGreaterThan(THRESHOLD);
			const uploaded = requests.filter((r) => r.method === "PUT" && r.path.includes(".pa-partial")).reduce((a, r) => a + r.bodyBytes, 0);
			expect(uploaded).toBeLessThan(SIZE - 1_000_000);
		});

		it("starts again when the leftover holds other bytes (the photo changed between runs)", async () => {
			const { requests } = await interruptedThenAgain(2);
			const uploads = requests.filter((r) => r.method === "PUT" && r.path.includes(".pa-partial"));
			expect(uploads.map((r) => (r.headers["content-range"] === undefined ? "plain" : rangeStart(r)))).toEqual(["plain", THRESHOLD]);
		});
	}

	function defineParallelTest(): void {
		it("parallel large uploads share one probe of the server", async () => {
			proxy = await startFaultProxy(server.get().url);
			const { target, dir } = await davTarget(server.get(), { via: proxy.via, resumeThresholdBytes: THRESHOLD });
			const bodies = [1, 2, 3].map((seed) => generatedBody(2 * THRESHOLD, { seed }));
			await Promise.all(bodies.map((body, index) => target.put(`par/${index}.bin`, body)));
			for (const [index, body] of bodies.entries()) expect(await diskSha256(join(dir, "par", `${index}.bin`))).toBe(await streamSha256(body));
			expect(proxy.requests.filter((r) => r.method === "PUT" && r.path.includes("range-probe"))).toHaveLength(2);
			expect(target.capabilities.resumableUpload).toBe(resumable);
		});
	}

	function defineWholeUploadTests(): void {
		it("is found unsupported and uploads whole", async () => {
			const { second, requests } = await interruptedThenAgain(1);
			expect(second.capabilities.resumableUpload).toBe(false);
			expect(requests.filter(isUploadRange)).toEqual([]);
			expect(requests.filter((r) => r.method === "PUT" && r.path.includes(".pa-partial")).map((r) => r.bodyBytes)).toEqual([SIZE]);
		});
	}
});
