// The Node HttpTransport against local servers: answers of every status, exact bytes both ways, kept connections, and each way of getting no answer.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo, Server, Socket } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createNodeHttpTransport, type NodeHttpTransport } from "../../../src/adapters/node/node-http-transport";
import { TargetError } from "../../../src/core/model/target-error";
import { findBinary } from "../../servers/require-binary";
import { tempDir } from "../../support/temp-dir";

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
	for (const close of closers.splice(0)) await close();
});

async function listen(server: Server, handler: Handler): Promise<string> {
	const sockets = new Set<Socket>();
	server.on("connection", (socket: Socket) => {
		sockets.add(socket);
		socket.once("close", () => sockets.delete(socket));
	});
	server.on("request", (req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on("data", (chunk: Buffer) => chunks.push(chunk));
		req.on("end", () => handler(req, res, Buffer.concat(chunks)));
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	closers.push(
		() =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	);
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function transport(options?: Parameters<typeof createNodeHttpTransport>[0]): NodeHttpTransport {
	const made = createNodeHttpTransport(options);
	closers.push(() => Promise.resolve(made.close()));
	return made;
}

async function failure(promise: Promise<unknown>): Promise<TargetError> {
	const error = await promise.then(
		() => new Error("expected a failure"),
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(TargetError);
	return error as TargetError;
}

describe("Node HTTP transport", () => {
	it("sends the bytes and headers given, and answers any status with its headers and body; connections are kept", async () => {
		const seen: Array<{ method: string; url: string; length: string | undefined; body: Buffer; port: number }> = [];
		const base = await listen(createServer(), (req, res, body) => {
			seen.push({ method: req.method ?? "", url: req.url ?? "", length: req.headers["content-length"], body, port: req.socket.remotePort ?? 0 });
			if (req.url?.startsWith("/missing")) return res.writeHead(404, { "content-type": "application/xml", "x-amz-request-id": "1" }).end("<Error><Code>NoSuchKey</Code></Error>");
			if (req.method === "HEAD") return res.writeHead(200, { etag: '"abc"', "content-length": "5" }).end();
			res.writeHead(200, { etag: '"abc"' }).end(body);
		});
		const http = transport();
		const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
		const put = await http.request({ method: "PUT", url: `${base}/a%20b/c%2Bd?partNumber=1&uploadId=x`, headers: { "x-amz-date": "20240101T000000Z" }, body: bytes.subarray(1000) });
		expect(put.status).toBe(200);
		expect(put.headers.etag).toBe('"abc"');
		expect(Buffer.compare(put.body, bytes.subarray(1000))).toBe(0);
		const missing = await http.request({ method: "GET", url: `${base}/missing`, headers: {} });
		expect(missing).toMatchObject({ status: 404, headers: { "content-type": "application/xml", "x-amz-request-id": "1" } });
		expect(new TextDecoder().decode(missing.body)).toBe("<Error><Code>NoSuchKey</Code></Error>");
		expect((await http.request({ method: "HEAD", url: `${base}/x`, headers: {} })).body).toEqual(new Uint8Array());
		await http.request({ method: "POST", url: `${base}/x?uploads`, headers: {} });
		expect(seen.map((s) => [s.method, s.url, s.length, s.body.length])).toEqual([
			["PUT", "/a%20b/c%2Bd?partNumber=1&uploadId=x", "299000", 299_000],
			["GET", "/missing", undefined, 0],
			["HEAD", "/x", undefined, 0],
			["POST", "/x?uploads", "0", 0],
		]);
		expect(new Set(seen.map((s) => s.port)).size).toBe(1);
	});

	it("a kept connection the server closed while it was idle is not a failure: the request goes on a new one", async () => {
		const server = createServer();
		server.keepAliveTimeout = 50;
		const base = await listen(server, (_req, res) => res.end("ok"));
		const http = transport();
		await http.request({ method: "GET", url: `${base}/1`, headers: {} });
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect((await http.request({ method: "GET", url: `${base}/2`, headers: {} })).status).toBe(200);
	});

	it("a connection cut before the whole answer came is transient", async () => {
		const base = await listen(createServer(), (_req, res) => {
			res.writeHead(200, { "content-length": "1000" });
			res.write("only part of it", () => res.socket?.destroy());
		});
		const error = await failure(transport().request({ method: "GET", url: `${base}/x`, headers: {} }));
		expect(error.code).toBe("transient");
	});

	it("a server that says nothing for the idle time is transient, and says how long it waited", async () => {
		const base = await listen(createServer(), () => {});
		const error = await failure(transport({ idleMs: 200 }).request({ method: "GET", url: `${base}/x`, headers: {} }));
		expect(error.code).toBe("transient");
		expect(error.message).toMatch(/did not answer within 0\.2 seconds/);
	});

	it("an aborted request is cancelled at once, before or during it", async () => {
		const base = await listen(createServer(), () => {});
		const controller = new AbortController();
		const pending = transport().request({ method: "GET", url: `${base}/x`, headers: {}, signal: controller.signal });
		setTimeout(() => controller.abort(), 50);
		expect((await failure(pending)).code).toBe("cancelled");
		expect((await failure(transport().request({ method: "GET", url: `${base}/x`, headers: {}, signal: AbortSignal.abort() }))).code).toBe("cancelled");
	});

	it("a refused connection is transient and says so", async () => {
		const server = createServer();
		const base = await listen(server, () => {});
		await closers.pop()?.();
		const error = await failure(transport().request({ method: "GET", url: `${base}/x`, headers: {} }));
		expect(error.code).toBe("transient");
		expect(error.message).toMatch(/refused the connection/);
	});

	it.skipIf(findBinary("openssl") === null)("a certificate the machine does not trust is a TLS failure", async () => {
		const dir = await tempDir("pa-tls-");
		const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
		execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"], { stdio: "ignore" });
		const base = await listen(createTlsServer({ key: readFileSync(key), cert: readFileSync(cert) }), (_req, res) => res.end("secret"));
		const error = await failure(transport().request({ method: "GET", url: base.replace("http:", "https:"), headers: {} }));
		expect(error.code).toBe("tls");
		expect(error.message).toMatch(/certificate is not trusted/);
	});
});
