/** Node's HTTP for the large uploads of the desktop app: the body is read from disk as the connection takes it, so memory stays bounded. */
import { Platform } from "obsidian";
import type { RawAnswer } from "./fetch-like-response";
import type { StreamedRequest, StreamingTransport } from "./streamed-body";

type NodeHttp = typeof import("http");
type NodeHttps = typeof import("https");
type ClientRequest = import("http").ClientRequest;
type IncomingMessage = import("http").IncomingMessage;

export interface NodeHttpModules {
	http: Pick<NodeHttp, "request">;
	https: Pick<NodeHttps, "request">;
	/** Node's tls, for the system's certificate authorities where this Node has them (22.15 and later); left out, Node's own list is used. */
	tls?: { readonly rootCertificates: readonly string[]; getCACertificates?: (type: "default" | "system") => string[] };
}

/**
 * The streaming transport where the desktop app has Node; null anywhere else (mobile), and large bodies
 * then go to requestUrl whole as before. The imports stay dynamic and behind this guard for the reasons
 * given in desktop-fs.ts: the bundle is built for the browser platform and must load on a phone, and
 * esbuild lowers them to require() calls, which Electron's renderer resolves.
 */
export async function loadDesktopHttp(): Promise<StreamingTransport | null> {
	if (!Platform.isDesktop) return null;
	if (!Platform.isDesktopApp) return null;
	try {
		// One awaited import() per statement: esbuild only lets an unresolved import through when it sees it awaited in a try.
		const http = await import("http");
		const https = await import("https");
		const tls = await import("tls");
		return createNodeTransport({ http, https, tls });
	} catch (error) {
		console.warn("Photo backup: large files will be sent from memory, Node's HTTP is not available here:", error);
		return null;
	}
}

/** The Node implementation: one connection per request (no stale kept-alive socket to fail a long upload), never chunk-encoded. */
export function createNodeTransport(node: NodeHttpModules): StreamingTransport {
	// Read once, on the first HTTPS upload: the system's store can take a moment to read.
	let tlsOptions: { ca?: string[] } | undefined;
	return (request) => {
		const url = new URL(request.url);
		const headers = withLength(request.headers, request.body.size);
		if (url.protocol !== "https:") return send(() => node.http.request(url, { method: request.method, headers, agent: false }), request);
		if (tlsOptions === undefined) {
			const ca = trustedAuthorities(node.tls);
			tlsOptions = ca === undefined ? {} : { ca };
		}
		const options = tlsOptions;
		return send(() => node.https.request(url, { method: request.method, headers, agent: false, ...options }), request);
	};
}

/**
 * Node's own certificate authorities and the system's, which requestUrl (Chromium) trusts: a NAS whose
 * certificate the user installed in the system must not fail for large files only. `getCACertificates`
 * exists from Node 22.15 (recent Obsidian); elsewhere Node's defaults apply (undefined).
 */
export function trustedAuthorities(tls: NodeHttpModules["tls"]): string[] | undefined {
	if (typeof tls?.getCACertificates !== "function") return undefined;
	try {
		const system = tls.getCACertificates("system");
		return system.length === 0 ? undefined : [...new Set([...tls.getCACertificates("default"), ...system])];
	} catch (error) {
		console.warn("Photo backup: the system's certificate authorities could not be read:", error);
		return undefined;
	}
}

/** A body of known size goes out with Content-Length: some WebDAV servers refuse a chunk-encoded PUT. */
function withLength(headers: Record<string, string>, size: number): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() !== "content-length") out[name] = value;
	out["Content-Length"] = String(size);
	return out;
}

function send(open: () => ClientRequest, request: StreamedRequest): Promise<RawAnswer> {
	const { signal } = request;
	return new Promise<RawAnswer>((resolve, reject) => {
		if (signal?.aborted) {
			reject(abortError());
			return;
		}
		const req = open();
		let settled = false;
		let answered = false;
		const settle = (done: () => void): void => {
			if (settled) return;
			settled = true;
			signal?.removeEventListener("abort", onAbort);
			// Also after an answer: a body cut short by an early answer (401, 507) must not leave the connection open.
			req.destroy();
			done();
		};
		const fail = (error: unknown): void => settle(() => reject(error instanceof Error ? error : new Error(String(error))));
		const onAbort = (): void => fail(abortError());
		signal?.addEventListener("abort", onAbort, { once: true });
		// After an answer, a failed write (the server closed on an early 401 or 507) is not the outcome: the answer is.
		req.on("error", (error) => {
			if (!answered) fail(error);
		});
		req.on("response", (response: IncomingMessage) => {
			answered = true;
			readAnswer(response).then((answer) => settle(() => resolve(answer)), fail);
		});
		writeBody(req, request, () => settled || answered).then(
			() => {
				if (settled || answered) return;
				if (req.destroyed) fail(connectionClosed());
				else req.end();
			},
			(error: unknown) => {
				// The body's own failure (the file changed, or could not be read) ends the request; an answer already in wins.
				if (!answered) fail(error);
			},
		);
	});
}

/** Writes the body as the socket drains: one chunk in flight at most, whatever the file's size. */
async function writeBody(req: ClientRequest, request: StreamedRequest, stop: () => boolean): Promise<void> {
	for await (const chunk of request.body.open()) {
		if (stop() || req.destroyed) return;
		if (!req.write(chunk)) await drained(req);
	}
}

function drained(req: ClientRequest): Promise<void> {
	return new Promise((resolve) => {
		const done = (): void => {
			req.off("drain", done);
			req.off("close", done);
			resolve();
		};
		req.on("drain", done);
		req.on("close", done);
	});
}

async function readAnswer(response: IncomingMessage): Promise<RawAnswer> {
	const chunks: Uint8Array[] = [];
	let length = 0;
	for await (const chunk of response) {
		const bytes = chunk as Uint8Array;
		chunks.push(bytes);
		length += bytes.byteLength;
	}
	const body = new Uint8Array(length);
	let offset = 0;
	for (const chunk of chunks) {
		body.set(chunk, offset);
		offset += chunk.byteLength;
	}
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(response.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
	}
	return { status: response.statusCode ?? 0, headers, arrayBuffer: body.buffer };
}

function abortError(): Error {
	const error = new Error("The request was cancelled.");
	error.name = "AbortError";
	return error;
}

function connectionClosed(): Error {
	return Object.assign(new Error("The connection closed while the file was being sent."), { code: "ECONNRESET" });
}
