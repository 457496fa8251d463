// The HTTP port over requestUrl (S3 inside Obsidian), through the fake requestUrl that performs real HTTP, against a node:http server started here.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import type { RequestUrlParam, RequestUrlResponse } from "obsidian";
import { afterEach, describe, expect, it } from "vitest";
import { requestUrlTransport } from "../../../src/adapters/obsidian/request-url-transport";
import { TargetError } from "../../../src/core/model/target-error";
import { httpRequestUrl } from "../../fakes/obsidian/ui-request";
import { requireBinary } from "../../servers/require-binary";
import { tempDir } from "../../support/temp-dir";

interface Seen {
	method: string;
	url: string;
	headers: IncomingMessage["headers"];
	body: Buffer;
}

type Handler = (seen: Seen, res: ServerResponse) => void;

const servers: Server[] = [];
afterEach(async () => {
	for (const server of servers.splice(0)) {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
});

async function listen(server: Server, handler: Handler, seen: Seen[]): Promise<number> {
	server.on("request", (req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on("data", (chunk: Buffer) => chunks.push(chunk));
		req.on("end", () => {
			const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) };
			seen.push(request);
			handler(request, res);
		});
	});
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	return (server.address() as AddressInfo).port;
}

async function httpServer(handler: Handler): Promise<{ url: string; seen: Seen[] }> {
	const seen: Seen[] = [];
	const port = await listen(createHttpServer(), handler, seen);
	return { url: `http://127.0.0.1:${port}`, seen };
}

async function failure(promise: Promise<unknown>): Promise<TargetError> {
	const error = await promise.then(() => null, (e: unknown) => e);
	expect(error).toBeInstanceOf(TargetError);
	return error as TargetError;
}

describe("requestUrlTransport", () => {
	const transport = requestUrlTransport(httpRequestUrl());

	it("sends the method, the headers as given and exactly the body's bytes, and returns the answer with lower-case header names", async () => {
		const server = await httpServer((_seen, res) => {
			res.writeHead(200, { ETag: '"abc"', "X-Amz-Request-Id": "r1" });
			res.end("stored");
		});
		// A view into a larger buffer, as a part cut from a file read is: only the view may go out.
		const around = new TextEncoder().encode("XXXXpart-bytesYYYY");
		const body = around.subarray(4, 14);
		const answer = await transport.request({
			method: "PUT",
			url: `${server.url}/bucket/a%20b.jpg?partNumber=2`,
			headers: { "X-Amz-Date": "20240601T000000Z", "x-amz-content-sha256": "abc", Host: "ignored.example", "Content-Length": "999", "Content-Type": "image/jpeg" },
			body,
		});
		expect(answer.status).toBe(200);
		expect(answer.headers).toMatchObject({ etag: '"abc"', "x-amz-request-id": "r1" });
		expect(new TextDecoder().decode(answer.body)).toBe("stored");
		const [seen] = server.seen;
		expect(seen?.method).toBe("PUT");
		expect(seen?.url).toBe("/bucket/a%20b.jpg?partNumber=2");
		expect(seen?.body.toString()).toBe("part-bytes");
		// Host and Content-Length are the platform's, from the URL and the body; the rest arrives as given.
		expect(seen?.headers).toMatchObject({
			"x-amz-date": "20240601T000000Z", "x-amz-content-sha256": "abc", "content-type": "image/jpeg",
			host: server.url.slice("http://".length), "content-length": "10",
		});
	});

	it("sends an empty body as zero bytes, and no body for a GET", async () => {
		const server = await httpServer((_seen, res) => res.end());
		await transport.request({ method: "PUT", url: `${server.url}/b/empty`, headers: {}, body: new Uint8Array(0) });
		await transport.request({ method: "GET", url: `${server.url}/b/empty`, headers: {} });
		expect(server.seen.map((s) => [s.method, s.headers["content-length"], s.body.length])).toEqual([["PUT", "0", 0], ["GET", undefined, 0]]);
	});

	it("answers 4xx and 5xx with their error documents instead of throwing", async () => {
		const xml = "<Error><Code>RequestTimeTooSkewed</Code></Error>";
		const server = await httpServer((seen, res) => {
			res.writeHead(seen.url.includes("busy") ? 503 : 403, { "Content-Type": "application/xml", "Retry-After": "2" });
			res.end(xml);
		});
		const forbidden = await transport.request({ method: "GET", url: `${server.url}/b/k`, headers: {} });
		expect(forbidden.status).toBe(403);
		expect(new TextDecoder().decode(forbidden.body)).toBe(xml);
		const busy = await transport.request({ method: "GET", url: `${server.url}/b/busy`, headers: {} });
		expect([busy.status, busy.headers["retry-after"]]).toEqual([503, "2"]);
	});

	it("says in plain words that nothing answered when the connection is refused", async () => {
		const server = await httpServer((_seen, res) => res.end());
		const closed = servers.pop();
		closed?.closeAllConnections();
		await new Promise((resolve) => closed?.close(resolve));
		const error = await failure(transport.request({ method: "GET", url: `${server.url}/b/k`, headers: {} }));
		expect(error.code).toBe("transient");
		expect(error.message).toMatch(/refused the connection .*is it running, and are the address and port right\?/);
	});

	it("stops waiting when cancelled, and does not start when already cancelled", async () => {
		const server = await httpServer(() => undefined);
		const controller = new AbortController();
		const pending = transport.request({ method: "GET", url: `${server.url}/b/stalled`, headers: {}, signal: controller.signal });
		// The request reaches the server, which never answers; only then is it cancelled.
		await expect.poll(() => server.seen.length).toBe(1);
		controller.abort();
		expect(await failure(pending)).toMatchObject({ code: "cancelled" });
		expect(await failure(transport.request({ method: "GET", url: `${server.url}/b/k`, headers: {}, signal: controller.signal }))).toMatchObject({ code: "cancelled" });
		expect(server.seen).toHaveLength(1);
	});

	it("maps Obsidian's own network errors: a refused connection is transient, an untrusted certificate is TLS", async () => {
		const failing = (message: string) => (_param: RequestUrlParam): Promise<RequestUrlResponse> => Promise.reject(new Error(message));
		const refused = await failure(requestUrlTransport(failing("net::ERR_CONNECTION_REFUSED")).request({ method: "GET", url: "https://s3.example/b", headers: {} }));
		expect(refused).toMatchObject({ code: "transient" });
		expect(refused.message).toMatch(/refused the connection while sending a request to s3\.example/);
		const tls = await failure(requestUrlTransport(failing("net::ERR_CERT_AUTHORITY_INVALID")).request({ method: "GET", url: "https://s3.example/b", headers: {} }));
		expect(tls).toMatchObject({ code: "tls" });
		expect(tls.message).toMatch(/certificate is not trusted/);
	});

	it.skipIf(requireBinary("openssl") === null)("reports a server whose certificate is not trusted as a TLS failure", async () => {
		const dir = await tempDir();
		const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
		await promisify(execFile)("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"]);
		const seen: Seen[] = [];
		const port = await listen(createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }), (_s, res) => res.end(), seen);
		const error = await failure(transport.request({ method: "GET", url: `https://127.0.0.1:${port}/b`, headers: {} }));
		expect(error.code).toBe("tls");
		expect(error.message).toMatch(/certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
		expect(seen).toEqual([]);
	});
});
