// The fault proxy against a small in-process upstream that records what reached it.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { faults, startFaultProxy, type FaultProxy } from "./fault-proxy";

interface Arrival {
	method: string;
	path: string;
	destination?: string;
	host?: string;
	bytes: number;
	complete: boolean;
}

const sha = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

let upstream: Server;
let upstreamOrigin: string;
const arrivals: Arrival[] = [];
const stored = new Map<string, Buffer>();

beforeAll(async () => {
	upstream = createServer((req, res) => {
		const arrival: Arrival = { method: req.method ?? "", path: req.url ?? "", destination: req.headers.destination as string | undefined, host: req.headers.host, bytes: 0, complete: false };
		arrivals.push(arrival);
		const chunks: Buffer[] = [];
		req.on("data", (chunk: Buffer) => {
			arrival.bytes += chunk.length;
			chunks.push(chunk);
		});
		req.on("end", () => {
			arrival.complete = true;
			const path = req.url ?? "";
			if (req.method === "PUT") {
				stored.set(path, Buffer.concat(chunks));
				res.writeHead(201, { location: `${upstreamOrigin}${path}` }).end();
			} else if (path.endsWith("/half")) {
				// Dies halfway through its answer, as a server stopped mid-download does.
				res.writeHead(200, { "content-length": 1000 });
				res.write("x".repeat(10), () => res.destroy());
			} else if (req.method === "GET") {
				const body = stored.get(path);
				if (body === undefined) res.writeHead(404).end();
				else res.writeHead(200, { "content-length": body.length }).end(body);
			} else {
				res.writeHead(204).end();
			}
		});
	});
	await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
	const address = upstream.address();
	if (address === null || typeof address === "string") throw new Error("no upstream port");
	upstreamOrigin = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
	upstream.closeAllConnections();
	await new Promise((resolve) => upstream.close(resolve));
});

describe("fault proxy", () => {
	let proxy: FaultProxy;
	beforeEach(async () => {
		arrivals.length = 0;
		stored.clear();
		proxy = await startFaultProxy(`${upstreamOrigin}/dav/`);
	});
	afterEach(async () => {
		await proxy.close();
	});

	it("passes requests and bodies through unchanged and records them", async () => {
		const body = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
		expect(proxy.url).toBe(`${proxy.origin}/dav/`);
		const put = await fetch(`${proxy.url}a%20b.bin`, { method: "PUT", body });
		expect(put.status).toBe(201);
		expect(put.headers.get("location")).toBe(`${proxy.origin}/dav/a%20b.bin`);
		const got = new Uint8Array(await (await fetch(`${proxy.url}a%20b.bin`)).arrayBuffer());
		expect(sha(got)).toBe(sha(body));
		expect(proxy.requests.map((r) => [r.method, r.path, r.bodyBytes, r.status, r.fault])).toEqual([
			["PUT", "/dav/a%20b.bin", body.length, 201, undefined],
			["GET", "/dav/a%20b.bin", 0, 200, undefined],
		]);
		expect(arrivals[0]?.host).toBe(new URL(upstreamOrigin).host);
	});

	it("answers the next n requests with a status, headers included, without reaching the server", async () => {
		proxy.failNext(2, faults.status(503, { "retry-after": "1" }, "busy"));
		const first = await fetch(`${proxy.url}x`, { method: "PUT", body: "abc" });
		expect([first.status, first.headers.get("retry-after"), await first.text()]).toEqual([503, "1", "busy"]);
		expect((await fetch(`${proxy.url}x`, { method: "PUT", body: "abc" })).status).toBe(503);
		expect((await fetch(`${proxy.url}x`, { method: "PUT", body: "abc" })).status).toBe(201);
		expect(arrivals).toHaveLength(1);
		expect(proxy.requests.map((r) => [r.fault, r.status, r.bodyBytes])).toEqual([
			["status", 503, 3],
			["status", 503, 3],
			[undefined, 201, 3],
		]);
	});

	it("fails only the requests a match accepts, and rules apply until removed", async () => {
		proxy.failNext(1, faults.status(401), (r) => r.method === "PUT");
		expect((await fetch(`${proxy.url}y`)).status).toBe(404);
		expect((await fetch(`${proxy.url}y`, { method: "PUT", body: "1" })).status).toBe(401);
		const remove = proxy.rule((r) => (r.method === "PUT" ? faults.status(507) : undefined));
		expect((await fetch(`${proxy.url}y`, { method: "PUT", body: "1" })).status).toBe(507);
		expect((await fetch(`${proxy.url}y`, { method: "PUT", body: "1" })).status).toBe(507);
		remove();
		expect((await fetch(`${proxy.url}y`, { method: "PUT", body: "1" })).status).toBe(201);
		expect(proxy.count("put")).toBe(4);
		expect(proxy.count()).toBe(5);
	});

	it("drops a connection at once without reaching the server", async () => {
		proxy.failNext(1, faults.drop());
		await expect(fetch(`${proxy.url}z`, { method: "PUT", body: "abc" })).rejects.toThrow();
		expect(arrivals).toHaveLength(0);
		expect(proxy.requests[0]?.fault).toBe("drop");
		expect(proxy.requests[0]?.status).toBeUndefined();
	});

	it("drops a connection mid-upload after passing exactly N body bytes to the server", async () => {
		proxy.failNext(1, faults.drop(100_000));
		const body = new Uint8Array(2_000_000);
		await expect(fetch(`${proxy.url}big`, { method: "PUT", body })).rejects.toThrow();
		await expect.poll(() => arrivals[0]?.bytes, { timeout: 5_000 }).toBe(100_000);
		expect(arrivals[0]?.complete).toBe(false);
		expect(stored.has("/dav/big")).toBe(false);
		expect(proxy.requests[0]?.bodyBytes).toBe(100_000);
	});

	it("lets the server carry a request out, then loses the answer", async () => {
		proxy.failNext(1, faults.dropResponse());
		await expect(fetch(`${proxy.url}done`, { method: "PUT", body: "kept" })).rejects.toThrow();
		expect(stored.get("/dav/done")?.toString()).toBe("kept");
	});

	it("delays a request before passing it on, so a short client timeout expires", async () => {
		proxy.failNext(1, faults.delay(400));
		await expect(fetch(`${proxy.url}slow`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
		proxy.failNext(1, faults.delay(300));
		const started = Date.now();
		expect((await fetch(`${proxy.url}slow`)).status).toBe(404);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it("stalls a request forever, and still closes promptly", async () => {
		proxy.failNext(1, faults.stall());
		await expect(fetch(`${proxy.url}never`, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
		expect(arrivals).toHaveLength(0);
		proxy.failNext(1, faults.stall());
		const pending = fetch(`${proxy.url}never`).then(
			() => "answered",
			() => "cut",
		);
		await expect.poll(() => proxy.count()).toBe(2);
		await proxy.close();
		expect(await pending).toBe("cut");
	});

	it("cuts the client off when the server dies halfway through its answer", async () => {
		const res = await fetch(`${proxy.url}half`, { signal: AbortSignal.timeout(5_000) });
		expect(res.status).toBe(200);
		const failure: unknown = await res.arrayBuffer().then(() => null, (e: unknown) => e);
		// Cut off ("terminated"), not left waiting until the client's own timeout.
		expect(failure).toBeInstanceOf(TypeError);
		expect(proxy.requests[0]?.status).toBe(200);
	});

	it("rewrites a MOVE's Destination to the server's origin", async () => {
		const res = await fetch(`${proxy.url}from`, { method: "MOVE", headers: { destination: `${proxy.url}to%20here` } });
		expect(res.status).toBe(204);
		expect(arrivals[0]?.destination).toBe(`${upstreamOrigin}/dav/to%20here`);
		expect(proxy.requests[0]?.headers.destination).toBe(`${proxy.origin}/dav/to%20here`);
	});

	it("maps server URLs through the proxy and forgets everything on reset", async () => {
		expect(proxy.via(`${upstreamOrigin}/dav/sub/`)).toBe(`${proxy.origin}/dav/sub/`);
		expect(() => proxy.via("http://elsewhere/dav/")).toThrow(/not on the proxied server/);
		proxy.failNext(1, faults.status(500));
		await fetch(`${proxy.url}r`);
		proxy.failNext(5, faults.status(500));
		proxy.rule(() => faults.status(429));
		proxy.reset();
		expect(proxy.requests).toHaveLength(0);
		expect((await fetch(`${proxy.url}r`)).status).toBe(404);
	});
});

describe("fault proxy in front of a stopped server", () => {
	it("cuts the client off and records why", async () => {
		const gone = createServer();
		await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", resolve));
		const address = gone.address();
		if (address === null || typeof address === "string") throw new Error("no port");
		await new Promise((resolve) => gone.close(resolve));
		const proxy = await startFaultProxy(`http://127.0.0.1:${address.port}/`);
		try {
			await expect(fetch(`${proxy.url}x`)).rejects.toThrow();
			expect(proxy.requests[0]?.upstreamError).toBe("ECONNREFUSED");
		} finally {
			await proxy.close();
		}
	});
});
