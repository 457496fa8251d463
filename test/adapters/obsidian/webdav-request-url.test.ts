// The mobile transport: the webdav package's web build (what the plugin bundles) sending through a requestUrl that performs real HTTP.
// Vitest resolves "webdav" to the Node build, so this imports "webdav/web" and hands it to the target and the patch explicitly.
import { join } from "node:path";
import type { RequestUrlParam, RequestUrlResponse } from "obsidian";
import { afterEach, describe, expect, it } from "vitest";
import * as webWebdav from "webdav/web";
import { installRequestUrlPatch, type RequestPatcher } from "../../../src/adapters/obsidian/webdav-request-url";
import { createWebdavTarget, type WebdavTargetOptions } from "../../../src/core/targets/webdav-target";
import { exactArrayBuffer } from "../../../src/plugin/backup/exact-body";
import { httpRequestUrl, type RecordedRequest } from "../../fakes/obsidian/ui-request";
import { diskSha256, SERVER_KINDS, useServer } from "../../core/targets/dav-fixture";
import { faults, startFaultProxy, type FaultProxy } from "../../servers/fault-proxy";
import { generatedBody, streamSha256 } from "../../servers/upload-bodies";

const patcher = webWebdav.getPatcher() as RequestPatcher;
const APACHE = SERVER_KINDS[0];
if (!APACHE) throw new Error("no Apache server kind");

/** requestUrl as the test sees it: real HTTP, every call's parameters kept, header names capitalised as some hosts give them. */
function recordingRequestUrl(params: RequestUrlParam[], log: RecordedRequest[] = []) {
	const http = httpRequestUrl(log);
	return async (param: RequestUrlParam): Promise<RequestUrlResponse> => {
		params.push(param);
		const answer = await http(param);
		const headers = Object.fromEntries(Object.entries(answer.headers).map(([name, value]) => [name.replace(/(^|-)[a-z]/g, (c) => c.toUpperCase()), value]));
		return {
			status: answer.status,
			headers,
			arrayBuffer: answer.arrayBuffer,
			text: answer.text,
			get json(): unknown {
				return answer.json as unknown;
			},
		};
	};
}

describe("installRequestUrlPatch", () => {
	const server = useServer(APACHE);
	let uninstall: (() => void) | undefined;
	let proxy: FaultProxy | undefined;
	afterEach(async () => {
		uninstall?.();
		uninstall = undefined;
		await proxy?.close();
		proxy = undefined;
	});

	async function webTarget(options: Partial<WebdavTargetOptions> = {}) {
		const s = server.get();
		const folder = await s.folder("web");
		const target = createWebdavTarget({
			url: folder.url,
			username: s.username,
			password: s.password,
			encodeBody: exactArrayBuffer,
			webdav: webWebdav,
			...options,
		});
		return { target, folder };
	}

	describe.skipIf(APACHE.binary === null)("against Apache", () => {
		it("sends every request of the web build through requestUrl, bodies as exact ArrayBuffers", async () => {
			const params: RequestUrlParam[] = [];
			uninstall = installRequestUrlPatch(recordingRequestUrl(params), patcher);
			const { target, folder } = await webTarget();
			const body = generatedBody(2_500_000, { seed: 5, chunkSize: 100_000 });
			const stored = await target.put("Photos/été #1.jpg", body);
			expect(stored.size).toBe(body.size);
			expect(await diskSha256(join(folder.dir, "Photos", "été #1.jpg"))).toBe(await streamSha256(body));
			expect((await target.list("Photos")).files.map((f) => f.path)).toEqual(["Photos/été #1.jpg"]);
			expect((await target.read("Photos/été #1.jpg", { start: 10, end: 20 })).length).toBe(10);
			await target.move("Photos/été #1.jpg", "Other/b.jpg");
			await target.remove("Other/b.jpg");
			expect(await target.quota()).toBeNull();

			expect(new Set(params.map((p) => p.method))).toEqual(new Set(["PROPFIND", "MKCOL", "PUT", "MOVE", "GET", "DELETE"]));
			for (const param of params) {
				expect(param.throw).toBe(false);
				expect(Object.keys(param.headers ?? {}).map((h) => h.toLowerCase())).not.toContain("content-length");
			}
			const upload = params.find((p) => p.method === "PUT");
			expect(upload?.body).toBeInstanceOf(ArrayBuffer);
			expect((upload?.body as ArrayBuffer).byteLength).toBe(body.size);
			expect(upload?.contentType).toBe("application/octet-stream");
		});

		it("a wrong password is an auth error through requestUrl too", async () => {
			const params: RequestUrlParam[] = [];
			uninstall = installRequestUrlPatch(recordingRequestUrl(params), patcher);
			const { target } = await webTarget({ password: "wrong" });
			await expect(target.list("")).rejects.toMatchObject({ code: "auth", message: "The server refused the user name or password." });
			expect(params).toHaveLength(1);
		});

		it("reads status and headers as requestUrl gives them: 507, and 503 with Retry-After", async () => {
			uninstall = installRequestUrlPatch(recordingRequestUrl([]), patcher);
			proxy = await startFaultProxy(server.get().url);
			const { target } = await webTarget();
			const { target: proxied } = await webTarget({ url: proxy.url });
			await target.list("");
			proxy.failNext(1, faults.status(507), (r) => r.method === "PUT");
			await expect(proxied.put("a.jpg", generatedBody(1000))).rejects.toMatchObject({ code: "no-space" });
			proxy.failNext(1, faults.status(503, { "retry-after": "42" }), (r) => r.method === "PUT");
			await expect(proxied.put("b.jpg", generatedBody(1000))).rejects.toMatchObject({ code: "transient", details: { status: 503, retryAfterMs: 42_000 } });
		});

		it("gives up on a request that never answers, by its deadline, though requestUrl cannot be stopped", async () => {
			uninstall = installRequestUrlPatch(recordingRequestUrl([]), patcher);
			proxy = await startFaultProxy(server.get().url);
			const { target } = await webTarget({ url: proxy.url, timeoutMs: 300 });
			proxy.failNext(1, faults.stall());
			await expect(target.list("")).rejects.toMatchObject({ code: "transient", message: expect.stringContaining("did not answer within 0.3 seconds") as unknown });
		});

		it("a cancelled request ends at once as cancelled", async () => {
			uninstall = installRequestUrlPatch(recordingRequestUrl([]), patcher);
			proxy = await startFaultProxy(server.get().url);
			const { target } = await webTarget({ url: proxy.url });
			proxy.failNext(1, faults.stall());
			const controller = new AbortController();
			const listing = target.list("", controller.signal);
			controller.abort();
			await expect(listing).rejects.toMatchObject({ code: "cancelled" });
		});

		it("uninstalling hands requests back to the client's own fetch", async () => {
			const params: RequestUrlParam[] = [];
			uninstall = installRequestUrlPatch(recordingRequestUrl(params), patcher);
			const { target } = await webTarget();
			await target.list("");
			const seen = params.length;
			uninstall();
			uninstall = undefined;
			expect(patcher.configuration.registry.request).toBeUndefined();
			await target.list("");
			expect(params).toHaveLength(seen);
		});
	});

	it("sends a view into a larger buffer as exactly its own bytes", async () => {
		const params: RequestUrlParam[] = [];
		uninstall = installRequestUrlPatch(async (param) => {
			params.push(param);
			return { status: 201, headers: {}, arrayBuffer: new ArrayBuffer(0), text: "", json: null };
		}, patcher);
		const backing = new Uint8Array([9, 9, 1, 2, 3, 9, 9]);
		const client = webWebdav.createClient("http://127.0.0.1:9/dav/");
		await client.customRequest("x", { method: "PUT", data: backing.subarray(2, 5) });
		expect(Array.from(new Uint8Array(params[0]?.body as ArrayBuffer))).toEqual([1, 2, 3]);
	});

	it("leaves another patch in place when uninstalled after it", () => {
		const uninstallOurs = installRequestUrlPatch(() => Promise.reject(new Error("unused")), patcher);
		const theirs = (): Promise<never> => Promise.reject(new Error("theirs"));
		patcher.patch("request", theirs);
		uninstallOurs();
		expect(patcher.configuration.registry.request?.methods[0]).toBe(theirs);
		delete patcher.configuration.registry.request;
	});
});
