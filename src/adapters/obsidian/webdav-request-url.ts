/**
 * Routes the webdav package's requests through Obsidian's requestUrl, which has no CORS limits and works
 * on mobile, where there is no Node and fetch is held to CORS. Installed by the plugin on load and removed
 * on unload, never at import time, so nothing outside the plugin's life is changed.
 */
import type { RequestUrlParam, RequestUrlResponse } from "obsidian";
import { getPatcher } from "webdav";

export type RequestUrl = (request: RequestUrlParam) => Promise<RequestUrlResponse>;

/** The part of the webdav package's patcher (hot-patcher) used here. */
export interface RequestPatcher {
	patch(key: string, method: (...args: unknown[]) => unknown): unknown;
	readonly configuration: { registry: Record<string, { methods: unknown[] } | undefined> };
}

/** What the webdav client hands its "request" hook. */
interface ClientRequest {
	url: string;
	method: string;
	headers?: Record<string, string>;
	data?: unknown;
	signal?: AbortSignal;
}

/**
 * Patches `patcher` (by default the one of the webdav build this bundle holds) so that every request goes
 * through `requestUrl`. Returns the function that undoes it.
 */
export function installRequestUrlPatch(requestUrl: RequestUrl, patcher: RequestPatcher = getPatcher()): () => void {
	const send = (options: unknown): Promise<FetchLikeResponse> => sendThroughRequestUrl(requestUrl, options as ClientRequest);
	patcher.patch("request", send);
	return () => {
		// Without an entry the client falls back to its own fetch on the next request.
		if (patcher.configuration.registry.request?.methods[0] === send) delete patcher.configuration.registry.request;
	};
}

async function sendThroughRequestUrl(requestUrl: RequestUrl, options: ClientRequest): Promise<FetchLikeResponse> {
	const { signal } = options;
	if (signal?.aborted) throw abortError();
	const headers: Record<string, string> = {};
	let contentType: string | undefined;
	for (const [name, value] of Object.entries(options.headers ?? {})) {
		const lower = name.toLowerCase();
		// requestUrl sets these from the body itself, and Electron refuses them when given.
		if (lower === "content-length" || lower === "host") continue;
		if (lower === "content-type") contentType = value;
		else headers[name] = value;
	}
	const param: RequestUrlParam = { url: options.url, method: options.method, headers, throw: false };
	if (contentType !== undefined) param.contentType = contentType;
	const body = requestBody(options.data);
	if (body !== undefined) param.body = body;
	const answer = await abortable(requestUrl(param), signal);
	return new FetchLikeResponse(options.url, answer);
}

/** A string, or an ArrayBuffer holding exactly the body (never the larger buffer behind a view). */
function requestBody(data: unknown): string | ArrayBuffer | undefined {
	if (data === undefined || data === null) return undefined;
	if (typeof data === "string" || data instanceof ArrayBuffer) return data;
	if (ArrayBuffer.isView(data)) {
		const { buffer, byteOffset, byteLength } = data;
		if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
		return new Uint8Array(buffer, byteOffset, byteLength).slice().buffer;
	}
	throw new Error("Obsidian's requestUrl can only send a whole body (a string or an ArrayBuffer), not a stream.");
}

/** requestUrl cannot be stopped: a cancelled request is let go of, and its answer ignored. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return work;
	return new Promise<T>((resolve, reject) => {
		const onAbort = (): void => reject(abortError());
		signal.addEventListener("abort", onAbort, { once: true });
		work.then(
			(value) => {
				signal.removeEventListener("abort", onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener("abort", onAbort);
				reject(error instanceof Error ? error : new Error(String(error)));
			},
		);
	});
}

function abortError(): Error {
	const error = new Error("The request was cancelled.");
	error.name = "AbortError";
	return error;
}

/** The parts of a fetch Response the webdav client reads. */
class FetchLikeResponse {
	readonly status: number;
	readonly statusText: string;
	readonly ok: boolean;
	readonly headers: FetchLikeHeaders;

	constructor(
		readonly url: string,
		private readonly answer: RequestUrlResponse,
	) {
		this.status = answer.status;
		this.statusText = STATUS_TEXT[answer.status] ?? "";
		this.ok = answer.status >= 200 && answer.status < 300;
		this.headers = new FetchLikeHeaders(answer.headers ?? {});
	}

	arrayBuffer(): Promise<ArrayBuffer> {
		return Promise.resolve(this.answer.arrayBuffer ?? new ArrayBuffer(0));
	}

	async text(): Promise<string> {
		return new TextDecoder().decode(await this.arrayBuffer());
	}

	async json(): Promise<unknown> {
		return JSON.parse(await this.text()) as unknown;
	}
}

/** Header names compared without case, as HTTP wants; values kept as received (no ISO-8859-1 check to fail on). */
class FetchLikeHeaders {
	private readonly byName = new Map<string, string>();

	constructor(headers: Record<string, string>) {
		for (const [name, value] of Object.entries(headers)) this.byName.set(name.toLowerCase(), String(value));
	}

	get(name: string): string | null {
		return this.byName.get(name.toLowerCase()) ?? null;
	}

	has(name: string): boolean {
		return this.byName.has(name.toLowerCase());
	}

	forEach(callback: (value: string, key: string) => void): void {
		for (const [name, value] of this.byName) callback(value, name);
	}
}

/** requestUrl gives no reason phrase; the client only puts it in messages. */
const STATUS_TEXT: Record<number, string> = {
	200: "OK",
	201: "Created",
	204: "No Content",
	206: "Partial Content",
	207: "Multi-Status",
	301: "Moved Permanently",
	302: "Found",
	304: "Not Modified",
	400: "Bad Request",
	401: "Unauthorized",
	403: "Forbidden",
	404: "Not Found",
	405: "Method Not Allowed",
	409: "Conflict",
	412: "Precondition Failed",
	416: "Range Not Satisfiable",
	423: "Locked",
	429: "Too Many Requests",
	500: "Internal Server Error",
	502: "Bad Gateway",
	503: "Service Unavailable",
	504: "Gateway Timeout",
	507: "Insufficient Storage",
};
