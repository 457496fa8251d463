/**
 * One WebDAV request through the webdav package's client (its auth, and its patcher hook, which Obsidian
 * uses to send through requestUrl), under a no-progress deadline, with every failure as a TargetError.
 */
import type { RequestDataPayload, Response, WebDAVClient } from "webdav";
import type { UploadBody } from "../ports/target";
import { RequestClock } from "./request-clock";
import { type FailureContext, statusFailure, transportFailure } from "./webdav-errors";
import { watchedBody } from "./watched-body";

/** Turns an upload body into what the host's transport sends: a Node stream, or an exact ArrayBuffer. */
export type EncodeBody = (body: UploadBody) => Promise<unknown>;

export interface DavRequest {
	method: string;
	url: string;
	headers?: Record<string, string>;
	/** An XML request body. */
	xml?: string;
	/** Bytes to send: `body` from `offset` to its end. */
	upload?: { body: UploadBody; offset: number; onBytes?: (sent: number) => void };
	signal?: AbortSignal;
	/** For messages: what was being done, and what a 404/409 means here. */
	failure: Pick<FailureContext, "action" | "notFound">;
}

/** A body handed over whole shows no progress while it is sent: allow it this slow a line before giving up. */
const SLOWEST_LINE_BYTES_PER_SECOND = 64 * 1024;

export class DavHttp {
	constructor(
		private readonly client: WebDAVClient,
		private readonly encodeBody: EncodeBody,
		private readonly idleMs: number,
	) {}

	/** Sends the request and hands the answer (status < 300) to `read`, under the same deadline. */
	async send<T>(request: DavRequest, read: (response: Response) => Promise<T>): Promise<T> {
		const clock = new RequestClock(this.idleMs, request.signal);
		const headers: Record<string, string> = { ...request.headers };
		let data: unknown = request.xml;
		if (request.xml !== undefined) headers["Content-Type"] = 'application/xml; charset="utf-8"';
		const upload = request.upload;
		const body = upload
			? watchedBody(upload.body, upload.offset, (bytes) => {
					clock.touch();
					upload.onBytes?.(bytes);
				})
			: undefined;
		const fail = (error: unknown): unknown => {
			if (body?.sourceError !== undefined) return body.sourceError;
			return transportFailure(error, {
				...request.failure,
				cancelled: request.signal?.aborted === true,
				timedOutAfterSeconds: clock.timedOut ? Number((clock.idleMs / 1000).toFixed(1)) : undefined,
			});
		};
		try {
			if (body) {
				data = await this.encodeBody(body);
				headers["Content-Type"] = "application/octet-stream";
				headers["Content-Length"] = String(body.size);
				if (isWhole(data)) clock.allow(Math.ceil((body.size / SLOWEST_LINE_BYTES_PER_SECOND) * 1000));
			}
			// Reading a whole body takes time too; a request cancelled meanwhile is not started (node-fetch,
			// handed an aborted signal with a buffer body, throws the abort where no one can catch it).
			if (clock.signal.aborted) throw fail(clock.signal.reason);
			let response: Response;
			try {
				response = await this.client.customRequest("", {
					url: request.url,
					method: request.method,
					headers,
					data: data as RequestDataPayload | undefined,
					signal: clock.signal,
				});
			} catch (error) {
				const answered = statusOf(error);
				if (answered === null) throw fail(error);
				await discard(answered.response);
				throw statusFailure(answered.status, answered.response?.headers, request.failure);
			}
			clock.touch();
			if (response.status >= 300) {
				await discard(response);
				throw statusFailure(response.status, response.headers, request.failure);
			}
			try {
				return await read(response);
			} catch (error) {
				throw fail(error);
			}
		} finally {
			clock.stop();
		}
	}
}

function isWhole(data: unknown): boolean {
	return typeof data === "string" || data instanceof ArrayBuffer || ArrayBuffer.isView(data);
}

/** The webdav client throws for a status >= 400 with the status and the response attached. */
function statusOf(error: unknown): { status: number; response?: Response } | null {
	const status = (error as { status?: unknown } | null)?.status;
	if (typeof status !== "number") return null;
	return { status, response: (error as { response?: Response }).response };
}

/** Reads an unwanted answer to its end, so the connection can serve the next request. */
async function discard(response: Response | undefined): Promise<void> {
	try {
		await response?.arrayBuffer();
	} catch {
		// The answer is already a failure; a body that cannot be read adds nothing to it.
	}
}
