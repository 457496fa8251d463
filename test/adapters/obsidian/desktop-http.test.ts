// The desktop app's streaming transport (Node's HTTP behind the requestUrl patch) against a real server and
// its faults: dropped connections, error answers, early answers, a silent server, cancelling, a changing file, TLS.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as webWebdav from "webdav/web";
import { createNodeTransport, loadDesktopHttp, trustedAuthorities } from "../../../src/adapters/obsidian/desktop-http";
import { StreamedBody, type StreamingTransport } from "../../../src/adapters/obsidian/streamed-body";
import { installRequestUrlPatch, type RequestPatcher } from "../../../src/adapters/obsidian/webdav-request-url";
import { TargetError } from "../../../src/core/model/target-error";
import { transportFailure } from "../../../src/core/targets/webdav-errors";
import { createWebdavTarget, type WebdavTargetOptions } from "../../../src/core/targets/webdav-target";
import { httpRequestUrl, setPlatform } from "../../fakes/obsidian";
import { diskSha256, SERVER_KINDS, useServer } from "../../core/targets/dav-fixture";
import { faults, startFaultProxy, type FaultProxy } from "../../servers/fault-proxy";
import { requireBinary } from "../../servers/require-binary";
import { generatedBody, streamSha256 } from "../../servers/upload-bodies";
import { tempDir } from "../../support/temp-dir";

const patcher = webWebdav.getPatcher() as RequestPatcher;
const APACHE = SERVER_KINDS[0];
if (!APACHE) throw new Error("no Apache server kind");
const MB = 1024 * 1024;

/** A small HTTP(S) server of the test's own, closed after the test. */
async function listen(server: http.Server | https.Server): Promise<number> {
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	return (server.address() as AddressInfo).port;
}
function closeAll(servers: (http.Server | https.Server)[]): Promise<void[]> {
	return Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
}

describe("the desktop streaming transport", () => {
	const servers: (http.Server | https.Server)[] = [];
	afterEach(async () => {
		setPlatform("desktop");
		await closeAll(servers);
	});

	it("is Node's HTTP in the desktop app and none on mobile", async () => {
		expect(typeof (await loadDesktopHttp())).toBe("function");
		setPlatform("mobile");
		expect(await loadDesktopHttp()).toBeNull();
	});

	it("takes an early answer (507 before the body is read) as the answer, and stops reading the file", async () => {
		const server = http.createServer((_req, res) => res.writeHead(507, { connection: "close" }).end("full"));
		servers.push(server);
		const port = await listen(server);
		let handedOut = 0;
		const body = generatedBody(200 * MB, { chunkSize: MB, onChunk: (n) => (handedOut = n) });
		const answer = await createNodeTransport({ http, https })({ url: `http://127.0.0.1:${port}/a.mov`, method: "PUT", headers: {}, body });
		expect(answer.status).toBe(507);
		expect(new TextDecoder().decode(answer.arrayBuffer)).toBe("full");
		expect(handedOut).toBeLessThan(body.size);
	});

	it("sends Content-Length, never chunked, whatever the headers it is given", async () => {
		let seen: http.IncomingHttpHeaders = {};
		const server = http.createServer((req, res) => {
			seen = req.headers;
			req.resume().on("end", () => res.writeHead(201).end());
		});
		servers.push(server);
		const port = await listen(server);
		const body = generatedBody(3 * MB);
		const answer = await createNodeTransport({ http, https })({ url: `http://127.0.0.1:${port}/a`, method: "PUT", headers: { "content-length": "1" }, body });
		expect(answer.status).toBe(201);
		expect(seen["content-length"]).toBe(String(body.size));
		expect(seen["transfer-encoding"]).toBeUndefined();
	});

	describe.skipIf(requireBinary("openssl") === null)("over HTTPS", () => {
		it("says a certificate nobody trusts is a TLS problem, and trusts one the system trusts", async () => {
			const dir = await tempDir("pa-tls-");
			const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
			execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
			let received = 0;
			const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
				req.on("data", (chunk: Buffer) => (received += chunk.length)).on("end", () => res.writeHead(201).end());
			});
			servers.push(server);
			const url = `https://127.0.0.1:${await listen(server)}/a.mov`;
			const body = generatedBody(2 * MB);

			const untrusted = await createNodeTransport({ http, https })({ url, method: "PUT", headers: {}, body }).catch((error: unknown) => error);
			expect(transportFailure(untrusted, { action: "uploading a.mov" })).toMatchObject({ code: "tls" });

			const system = readFileSync(cert, "utf8");
			const tls = { rootCertificates: [], getCACertificates: (type: string) => (type === "system" ? [system] : []) };
			const answer = await createNodeTransport({ http, https, tls })({ url, method: "PUT", headers: {}, body });
			expect(answer.status).toBe(201);
			expect(received).toBe(body.size);
		});
	});

	it("adds the system's certificate authorities to Node's own where this Node can read them", () => {
		const read = (lists: Record<string, string[]>) => ({ rootCertificates: [], getCACertificates: (type: string) => lists[type] ?? [] });
		expect(trustedAuthorities(read({ default: ["A", "B"], system: ["B", "S"] }))).toEqual(["A", "B", "S"]);
		expect(trustedAuthorities(read({ default: ["A"], system: [] }))).toBeUndefined();
		expect(trustedAuthorities({ rootCertificates: ["A"] })).toBeUndefined();
		const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
		const broken = { rootCertificates: [], getCACertificates: () => { throw new Error("no keychain"); } };
		expect(trustedAuthorities(broken)).toBeUndefined();
		expect(warn).toHaveBeenCalledOnce();
		warn.mockRestore();
	});
});

describe.skipIf(APACHE.binary === null)("streamed uploads through the requestUrl patch, against Apache and faults", () => {
	const server = useServer(APACHE);
	const transport: StreamingTransport = createNodeTransport({ http, https });
	let uninstall: (() => void) | undefined;
	let proxy: FaultProxy;
	afterEach(async () => {
		uninstall?.();
		uninstall = undefined;
		await proxy.close();
	});

	/** A target whose every upload streams (through the proxy), everything else through requestUrl. */
	async function streamedTarget(options: Partial<WebdavTargetOptions> = {}) {
		uninstall = installRequestUrlPatch(httpRequestUrl(), patcher);
		const s = server.get();
		proxy = await startFaultProxy(s.url);
		const folder = await s.folder("streamed");
		const target = createWebdavTarget({
			url: proxy.via(folder.url),
			username: s.username,
			password: s.password,
			encodeBody: (body) => Promise.resolve(new StreamedBody(body, transport)),
			webdav: webWebdav,
			...options,
		});
		return { target, dir: folder.dir };
	}
	const isPut = (r: { method: string }): boolean => r.method === "PUT";

	it("fails a dropped upload as transient, shows nothing under the final name, and lands the next try", async () => {
		const { target, dir } = await streamedTarget();
		const body = generatedBody(6 * MB, { seed: 2 });
		proxy.failNext(1, faults.drop(MB), isPut);
		await expect(target.put("a.mov", body)).rejects.toMatchObject({ code: "transient" });
		expect((await target.list("")).files).toEqual([]);
		await target.put("a.mov", body);
		expect(await diskSha256(join(dir, "a.mov"))).toBe(await streamSha256(body));
	});

	it("reports 507, 401 and 503 with Retry-After as the server gave them", async () => {
		const { target } = await streamedTarget();
		await target.list("");
		proxy.failNext(1, faults.status(507), isPut);
		await expect(target.put("a.mov", generatedBody(MB))).rejects.toMatchObject({ code: "no-space" });
		proxy.failNext(1, faults.status(401), isPut);
		await expect(target.put("b.mov", generatedBody(MB))).rejects.toMatchObject({ code: "auth" });
		proxy.failNext(1, faults.status(503, { "retry-after": "7" }), isPut);
		await expect(target.put("c.mov", generatedBody(MB))).rejects.toMatchObject({ code: "transient", details: { status: 503, retryAfterMs: 7000 } });
	});

	it("gives up on a server that stops taking the body, by the no-progress deadline", async () => {
		const { target } = await streamedTarget({ timeoutMs: 500 });
		await target.list("");
		proxy.failNext(1, faults.stall(), isPut);
		await expect(target.put("a.mov", generatedBody(64 * MB))).rejects.toMatchObject({ code: "transient", message: expect.stringContaining("did not answer within 0.5 seconds") as unknown });
	});

	it("stops sending at once when cancelled", async () => {
		const { target } = await streamedTarget();
		const controller = new AbortController();
		const body = generatedBody(40 * MB, { chunkSize: MB, onChunk: (n) => n >= 4 * MB && controller.abort() });
		const failure = await target.put("a.mov", body, { signal: controller.signal }).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(TargetError);
		expect(failure).toMatchObject({ code: "cancelled" });
		const sent = proxy.requests.filter(isPut).map((r) => r.bodyBytes);
		expect(Math.max(...sent)).toBeLessThan(body.size);
	});

	it("says the file changed when it ends short of its size, and leaves no file behind", async () => {
		const { target } = await streamedTarget();
		const shorter = generatedBody(2 * MB);
		const changed = { size: 3 * MB, open: (start?: number) => shorter.open(start) };
		await expect(target.put("a.mov", changed)).rejects.toThrow(/The file changed while it was being uploaded/);
		expect((await target.list("")).files).toEqual([]);
	});
});
