/**
 * The HttpTransport port over Node's http and https modules, for the CLI and the desktop plugin: sockets
 * kept open between requests (an S3 backup sends thousands), whole byte arrays both ways, and a request
 * ended when nothing moves for a while or when its signal aborts.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { TargetError } from "../../core/model/target-error";
import type { HttpRequest, HttpResponse, HttpTransport } from "../../core/ports/http-transport";
import { transportFailure } from "../../core/targets/webdav-errors";

export interface NodeHttpTransportOptions {
	/** No byte moving either way for this long ends the request as a transient failure (default 60 s). */
	idleMs?: number;
	/** Connections kept per host (default 16: parts in parallel times files in parallel). */
	maxSockets?: number;
}

export interface NodeHttpTransport extends HttpTransport {
	/** Closes the kept connections. */
	close(): void;
}

const DEFAULT_IDLE_MS = 60_000;
/** Below the 5 s after which Node servers (and many others) close an idle kept connection. */
const FREE_SOCKET_MS = 4_000;
/** Methods that carry a body and so always say its length, an empty one included (S3 refuses a POST without). */
const BODY_METHODS = new Set(["PUT", "POST", "PATCH"]);

function headersOf(response: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(response.headers)) {
		if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
	}
	return out;
}

export function createNodeHttpTransport(options: NodeHttpTransportOptions = {}): NodeHttpTransport {
	const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
	// A kept connection idle for FREE_SOCKET_MS is closed by us, before a server closes it as it is reused.
	const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 16, timeout: FREE_SOCKET_MS };
	const http = new HttpAgent(agentOptions);
	const https = new HttpsAgent(agentOptions);
	return {
		request: (request) => send(request, request.url.startsWith("https:") ? https : http, idleMs),
		close() {
			http.destroy();
			https.destroy();
		},
	};
}

/** Codes of a kept connection the server closed just as it was reused: the request never reached it. */
const STALE_SOCKET = new Set(["ECONNRESET", "EPIPE"]);

function send(request: HttpRequest, agent: HttpAgent, idleMs: number, retried = false): Promise<HttpResponse> {
	return new Promise((resolve, reject) => {
		const url = new URL(request.url);
		const action = `sending a request to ${url.host}`;
		const { signal, body } = request;
		let timedOut = false;
		let settled = false;
		const fail = (error: unknown): void => {
			if (settled) return;
			settled = true;
			signal?.removeEventListener("abort", onAbort);
			reject(
				error instanceof TargetError
					? error
					: transportFailure(error, { action, cancelled: signal?.aborted === true, timedOutAfterSeconds: timedOut ? idleMs / 1000 : undefined }),
			);
		};
		if (signal?.aborted) return fail(signal.reason ?? new Error("aborted"));
		const headers: Record<string, string> = { ...request.headers };
		const hasLength = Object.keys(headers).some((name) => name.toLowerCase() === "content-length");
		if (!hasLength && (body !== undefined || BODY_METHODS.has(request.method.toUpperCase()))) headers["content-length"] = String(body?.byteLength ?? 0);
		const open = url.protocol === "https:" ? httpsRequest : httpRequest;
		let answered = false;
		const outgoing = open(url, { method: request.method, headers, agent }, (response) => {
			answered = true;
			const chunks: Buffer[] = [];
			response.on("data", (chunk: Buffer) => chunks.push(chunk));
			response.on("error", fail);
			response.on("end", () => {
				if (settled) return;
				if (!response.complete) return fail(new Error("the connection was closed before the whole answer came"));
				settled = true;
				signal?.removeEventListener("abort", onAbort);
				const all = Buffer.concat(chunks);
				resolve({ status: response.statusCode ?? 0, headers: headersOf(response), body: new Uint8Array(all.buffer, all.byteOffset, all.byteLength) });
			});
			response.on("close", () => {
				if (!settled) fail(new Error("the connection was closed before the whole answer came"));
			});
		});
		function onAbort(): void {
			outgoing.destroy(new Error("aborted"));
		}
		signal?.addEventListener("abort", onAbort, { once: true });
		// The socket's own idle timer: reset by every byte sent or received, so a large part on a slow line is not cut.
		outgoing.setTimeout(idleMs, () => {
			timedOut = true;
			outgoing.destroy(new Error(`no answer for ${idleMs} ms`));
		});
		outgoing.on("error", (error: NodeJS.ErrnoException) => {
			// Node's advice for kept connections: a reused socket reset before any answer is tried once more, on a new one.
			if (!settled && !retried && !answered && outgoing.reusedSocket && STALE_SOCKET.has(error.code ?? "") && !signal?.aborted) {
				settled = true;
				signal?.removeEventListener("abort", onAbort);
				resolve(send(request, agent, idleMs, true));
				return;
			}
			fail(error);
		});
		outgoing.end(body === undefined ? undefined : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
	});
}
