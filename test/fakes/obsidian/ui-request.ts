// The fake's requestUrl: what it does is up to each test (`setRequestUrl`); `httpRequestUrl` is one that
// performs real HTTP with Node's fetch, holding the body to requestUrl's contract (a string or an exact ArrayBuffer).
import type {
	RequestUrlParam,
	RequestUrlResponse,
	RequestUrlResponsePromise,
} from "../../../node_modules/obsidian/obsidian";

export type RequestUrlHandler = (request: RequestUrlParam) => Promise<RequestUrlResponse>;

let handler: RequestUrlHandler | null = null;

/** For tests: what requestUrl does from now on; null restores the default (every call fails). */
export function setRequestUrl(next: RequestUrlHandler | null): void {
	handler = next;
}

export function requestUrl(request: RequestUrlParam | string): RequestUrlResponsePromise {
	const param = typeof request === "string" ? { url: request } : request;
	const promise: Promise<RequestUrlResponse> =
		handler === null ? Promise.reject(new Error("requestUrl is not set up in this test (setRequestUrl)")) : handler(param);
	// Getters, so a rejection is only observed through the promise the caller actually awaits.
	return Object.defineProperties(promise, {
		arrayBuffer: { get: () => promise.then((r) => r.arrayBuffer) },
		json: { get: () => promise.then((r) => r.json as unknown) },
		text: { get: () => promise.then((r) => r.text) },
	}) as RequestUrlResponsePromise;
}

export interface RecordedRequest {
	method: string;
	url: string;
	/** Bytes of the body as sent. */
	bodyLength: number;
}

/**
 * A requestUrl that performs real HTTP with fetch. Like Obsidian's, it rejects a body that is neither a
 * string nor an ArrayBuffer (a Uint8Array view would go out wrong on mobile), and throws on a status of
 * 400 or more unless `throw: false`.
 */
export function httpRequestUrl(log: RecordedRequest[] = []): RequestUrlHandler {
	return async (request) => {
		const { body } = request;
		if (body !== undefined && typeof body !== "string" && !(body instanceof ArrayBuffer)) {
			throw new TypeError(`requestUrl body must be a string or an ArrayBuffer, got ${Object.prototype.toString.call(body)}`);
		}
		const method = request.method ?? "GET";
		const headers: Record<string, string> = { ...request.headers };
		if (request.contentType !== undefined) headers["content-type"] = request.contentType;
		const response = await fetch(request.url, { method, headers, body });
		log.push({ method, url: request.url, bodyLength: typeof body === "string" ? Buffer.byteLength(body) : (body?.byteLength ?? 0) });
		const arrayBuffer = await response.arrayBuffer();
		const text = new TextDecoder().decode(arrayBuffer);
		if (request.throw !== false && response.status >= 400) throw new Error(`Request failed, status ${response.status}`);
		const responseHeaders: Record<string, string> = {};
		response.headers.forEach((value, name) => {
			responseHeaders[name] = value;
		});
		return {
			status: response.status,
			headers: responseHeaders,
			arrayBuffer,
			text,
			get json(): unknown {
				return JSON.parse(text) as unknown;
			},
		};
	};
}
