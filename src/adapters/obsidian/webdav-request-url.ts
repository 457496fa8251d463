/**
 * Routes the webdav package's requests through Obsidian's requestUrl, which has no CORS limits and works
 * on mobile, where there is no Node and fetch is held to CORS. The one exception is a StreamedBody (a large
 * upload on desktop, see exact-body.ts), sent by the transport it carries, because requestUrl only takes a
 * whole body. Installed by the plugin on load and removed on unload, never at import time, so nothing
 * outside the plugin's life is changed.
 */
import type { RequestUrlParam, RequestUrlResponse } from "obsidian";
import { getPatcher } from "webdav";
import { FetchLikeResponse } from "./fetch-like-response";
import { StreamedBody } from "./streamed-body";
import { abortable } from "./abortable";

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
	if (options.data instanceof StreamedBody) return sendStreamed(options.data, options);
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
	const answer = await abortable(requestUrl(param), signal, abortError);
	// Obsidian's types promise both; should one be missing, the client must still read an empty answer, not fail on it.
	return new FetchLikeResponse(options.url, { status: answer.status, headers: answer.headers ?? {}, arrayBuffer: answer.arrayBuffer ?? new ArrayBuffer(0) });
}

/** The transport stops on the signal itself (unlike requestUrl), so no request is left sending after a cancel. */
async function sendStreamed(data: StreamedBody, options: ClientRequest): Promise<FetchLikeResponse> {
	const request = { url: options.url, method: options.method, headers: { ...options.headers }, body: data.body, signal: options.signal };
	return new FetchLikeResponse(options.url, await data.transport(request));
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

function abortError(): Error {
	const error = new Error("The request was cancelled.");
	error.name = "AbortError";
	return error;
}

