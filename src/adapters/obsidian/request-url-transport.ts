/**
 * The HTTP port (S3 targets) over Obsidian's requestUrl: no CORS limits, and the same path on desktop and
 * mobile. requestUrl takes a whole body, which suits the port: S3 sends large files in bounded parts.
 */
import type { RequestUrlParam, RequestUrlResponse } from "obsidian";
import { TargetError } from "../../core/model/target-error";
import type { HttpRequest, HttpResponse, HttpTransport } from "../../core/ports/http-transport";
import { transportFailure } from "../../core/targets/webdav-errors";
import { abortable } from "./abortable";

export type RequestUrl = (request: RequestUrlParam) => Promise<RequestUrlResponse>;

export function requestUrlTransport(requestUrl: RequestUrl): HttpTransport {
	return {
		async request(request) {
			const { signal } = request;
			if (signal?.aborted) throw cancelled();
			const action = `sending a request to ${hostOf(request.url)}`;
			try {
				return responseOf(await abortable(requestUrl(paramOf(request)), signal, cancelled));
			} catch (error) {
				throw transportFailure(error, { action, cancelled: signal?.aborted === true });
			}
		},
	};
}

function paramOf(request: HttpRequest): RequestUrlParam {
	const headers: Record<string, string> = {};
	let contentType: string | undefined;
	for (const [name, value] of Object.entries(request.headers)) {
		const lower = name.toLowerCase();
		// requestUrl sets these from the URL and the body itself, and Electron refuses them when given.
		if (lower === "host" || lower === "content-length") continue;
		if (lower === "content-type") contentType = value;
		else headers[name] = value;
	}
	// Every status comes back as an answer: the S3 target reads the error document of a 403 or a 503.
	const param: RequestUrlParam = { url: request.url, method: request.method, headers, throw: false };
	if (contentType !== undefined) param.contentType = contentType;
	if (request.body !== undefined) param.body = exactBuffer(request.body);
	return param;
}

/**
 * The body's own bytes as an ArrayBuffer: a view into a larger buffer (a slice of a read) would send the
 * bytes around it too, and the signature's checksum would not match. A view that fills its buffer goes as is.
 */
export function exactBuffer(bytes: Uint8Array): ArrayBuffer {
	const { buffer, byteOffset, byteLength } = bytes;
	if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
	return bytes.slice().buffer;
}

function responseOf(answer: RequestUrlResponse): HttpResponse {
	const headers: Record<string, string> = {};
	// Obsidian's types promise both; should one be missing, an empty answer is still an answer.
	for (const [name, value] of Object.entries(answer.headers ?? {})) headers[name.toLowerCase()] = value;
	const body = answer.arrayBuffer ?? new ArrayBuffer(0);
	return { status: answer.status, headers, body: new Uint8Array(body) };
}

function cancelled(): TargetError {
	return new TargetError("cancelled", "Cancelled.");
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}
