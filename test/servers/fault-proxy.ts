/**
 * An HTTP proxy on a free 127.0.0.1 port in front of a real server, failing chosen requests on purpose
 * (an error status, a dropped connection, a slow or silent server) and recording every request it saw.
 */
import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export type Fault =
	/** Answer with this status (after reading the whole body), never reaching the server. */
	| { kind: "status"; status: number; headers?: Record<string, string>; body?: string }
	/**
	 * Cut the client's connection: at once, never reaching the server (afterBodyBytes 0), or after passing
	 * that many body bytes on to the server, whose request is cut too (a connection dropped mid-upload).
	 * A request whose body is shorter than afterBodyBytes goes through untouched.
	 */
	| { kind: "drop"; afterBodyBytes: number }
	/** Pass the request on, let the server carry it out, then cut the connection instead of answering. */
	| { kind: "drop-response" }
	/** Wait this long, then pass the request on: a slow server. */
	| { kind: "delay"; ms: number }
	/** Accept the request and never answer, until the client gives up or the proxy closes. */
	| { kind: "stall" };

export const faults = {
	status: (status: number, headers?: Record<string, string>, body?: string): Fault => ({ kind: "status", status, headers, body }),
	drop: (afterBodyBytes = 0): Fault => ({ kind: "drop", afterBodyBytes }),
	dropResponse: (): Fault => ({ kind: "drop-response" }),
	delay: (ms: number): Fault => ({ kind: "delay", ms }),
	stall: (): Fault => ({ kind: "stall" }),
};

export interface ProxiedRequest {
	/** Position among all requests the proxy saw, from 0. */
	index: number;
	method: string;
	/** The path and query as the client sent them (still percent-encoded). */
	path: string;
	headers: IncomingHttpHeaders;
	/** Body bytes read from the client so far. */
	bodyBytes: number;
	/** The fault applied to this request, if any. */
	fault?: Fault["kind"];
	/** The status the client received, the server's or the fault's; unset when it received none. */
	status?: number;
	/** Set when the server could not be reached (ECONNREFUSED while it is stopped); the client was cut off. */
	upstreamError?: string;
}

export type FaultRule = (req: ProxiedRequest) => Fault | undefined;

export interface FaultProxy {
	/** The upstream URL given, with the proxy's origin. */
	url: string;
	origin: string;
	/** Every request seen, in arrival order. */
	readonly requests: readonly ProxiedRequest[];
	/** Maps a URL on the server to the same URL through the proxy. */
	via(upstreamUrl: string): string;
	/** Applies `fault` to the next `n` requests (those `match` accepts, when given). */
	failNext(n: number, fault: Fault, match?: (req: ProxiedRequest) => boolean): void;
	/** Adds a rule asked about every request after the failNext queue; returns a function that removes it. */
	rule(rule: FaultRule): () => void;
	/** Requests seen with this method (all when none). */
	count(method?: string): number;
	/** Forgets queued faults, rules and recorded requests. */
	reset(): void;
	close(): Promise<void>;
}

// Hop-by-hop headers belong to one connection; Node sets its own on each side.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "upgrade", "te", "trailer"]);

function rewrite(headers: IncomingHttpHeaders, from: string, to: string): OutgoingHttpHeaders {
	const out: OutgoingHttpHeaders = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined || HOP_BY_HOP.has(name)) continue;
		// WebDAV servers refuse a MOVE/COPY whose Destination names another host (rclone answers 502).
		out[name] = (name === "destination" || name === "location") && typeof value === "string" && value.startsWith(from) ? to + value.slice(from.length) : value;
	}
	return out;
}

export interface FaultProxyOptions {
	/**
	 * Pass the client's Host header on as it is, instead of the server's: S3 requests sign their Host, so
	 * rewriting it would break every signature (Ceph's gateway answers path-style requests for any host).
	 */
	keepHost?: boolean;
}

export async function startFaultProxy(upstreamUrl: string, options: FaultProxyOptions = {}): Promise<FaultProxy> {
	const upstream = new URL(upstreamUrl);
	// No keep-alive upstream: a pooled socket would outlive a server restart and fail the next request.
	const agent = new Agent({ keepAlive: false });
	const requests: ProxiedRequest[] = [];
	let queue: { left: number; fault: Fault; match?: (req: ProxiedRequest) => boolean }[] = [];
	let rules: FaultRule[] = [];
	const sockets = new Set<Socket>();
	const timers = new Set<NodeJS.Timeout>();
	let origin = "";

	const choose = (rec: ProxiedRequest): Fault | undefined => {
		const queued = queue.find((q) => q.left > 0 && (q.match === undefined || q.match(rec)));
		if (queued !== undefined) {
			queued.left--;
			return queued.fault;
		}
		for (const rule of rules) {
			const fault = rule(rec);
			if (fault !== undefined) return fault;
		}
		return undefined;
	};

	const forward = (req: IncomingMessage, res: ServerResponse, rec: ProxiedRequest, fault: Fault | undefined): void => {
		const cutAfter = fault?.kind === "drop" ? fault.afterBodyBytes : Infinity;
		const out = request(
			{ agent, host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...rewrite(req.headers, origin, upstream.origin), host: options.keepHost ? req.headers.host : upstream.host } },
			(upRes) => {
				if (fault?.kind === "drop-response") {
					upRes.resume();
					req.socket.destroy();
					return;
				}
				rec.status = upRes.statusCode;
				res.writeHead(upRes.statusCode ?? 502, rewrite(upRes.headers, upstream.origin, origin));
				// A server stopped mid-answer must cut the client off too, not leave it waiting for the rest.
				upRes.on("close", () => {
					if (!upRes.complete) req.socket.destroy();
				});
				upRes.pipe(res);
			},
		);
		// A client that goes away (an aborted upload) takes the server's request down with it, as it would directly.
		res.on("close", () => {
			if (!res.writableFinished) out.destroy();
		});
		out.on("error", (error: NodeJS.ErrnoException) => {
			if (rec.fault !== "drop") rec.upstreamError = error.code ?? error.message;
			req.socket.destroy();
		});
		let cut = false;
		req.on("data", (chunk: Buffer) => {
			if (cut) return;
			const room = cutAfter - rec.bodyBytes;
			rec.bodyBytes += Math.min(chunk.length, room);
			if (chunk.length >= room) {
				cut = true;
				// Let the server have the bytes before the cut, so it sees a partial upload, as after a real drop.
				out.write(chunk.subarray(0, room), () => {
					out.destroy();
					req.socket.destroy();
				});
				req.pause();
				return;
			}
			if (!out.write(chunk)) {
				req.pause();
				out.once("drain", () => {
					if (!cut) req.resume();
				});
			}
		});
		req.on("end", () => out.end());
		// A delayed request was paused explicitly, and a 'data' listener alone does not undo that.
		req.resume();
	};

	const handle = (req: IncomingMessage, res: ServerResponse): void => {
		const rec: ProxiedRequest = { index: requests.length, method: req.method ?? "", path: req.url ?? "", headers: req.headers, bodyBytes: 0 };
		requests.push(rec);
		const fault = choose(rec);
		rec.fault = fault?.kind;
		if (fault === undefined || fault.kind === "drop-response") return forward(req, res, rec, fault);
		switch (fault.kind) {
			case "status":
				req.on("data", (chunk: Buffer) => (rec.bodyBytes += chunk.length));
				req.on("end", () => {
					rec.status = fault.status;
					res.writeHead(fault.status, fault.headers).end(fault.body ?? "");
				});
				return;
			case "drop":
				if (fault.afterBodyBytes <= 0) {
					req.socket.destroy();
					return;
				}
				return forward(req, res, rec, fault);
			case "delay": {
				req.pause();
				const timer = setTimeout(() => {
					timers.delete(timer);
					if (!req.socket.destroyed) forward(req, res, rec, undefined);
				}, fault.ms);
				timers.add(timer);
				return;
			}
			case "stall":
				return;
		}
	};

	const server = createServer(handle);
	server.on("connection", (socket) => {
		sockets.add(socket);
		socket.once("close", () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(0, "127.0.0.1", resolve);
	});
	const address = server.address();
	if (address === null || typeof address === "string") throw new Error("fault proxy has no port");
	origin = `http://127.0.0.1:${address.port}`;

	const via = (url: string): string => {
		if (!url.startsWith(upstream.origin)) throw new Error(`${url} is not on the proxied server ${upstream.origin}`);
		return origin + url.slice(upstream.origin.length);
	};

	return {
		url: via(upstream.href),
		origin,
		requests,
		via,
		failNext(n, fault, match) {
			queue.push({ left: n, fault, match });
		},
		rule(rule) {
			rules.push(rule);
			return () => {
				rules = rules.filter((r) => r !== rule);
			};
		},
		count: (method) => requests.filter((r) => method === undefined || r.method === method.toUpperCase()).length,
		reset() {
			queue = [];
			rules = [];
			requests.length = 0;
		},
		async close() {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const socket of sockets) socket.destroy();
			agent.destroy();
			await closed;
		},
	};
}
