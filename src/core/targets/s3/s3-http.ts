/**
 * One S3 request: signed just before it is sent, under a no-progress deadline, through the host's
 * transport, with every failure as a TargetError that says what was being done.
 */
import type { TargetError } from "../../model/target-error";
import type { HttpResponse, HttpTransport } from "../../ports/http-transport";
import { RequestClock } from "../request-clock";
import type { S3ErrorDocument } from "./s3-answers";
import { s3DocumentFailure, s3Failure, s3NoAnswer } from "./s3-errors";
import { EMPTY_SHA256, sha256Hex, type S3Signer } from "./s3-signing";

export interface S3Request {
	method: string;
	url: string;
	headers?: Record<string, string>;
	body?: Uint8Array;
	/** The body's SHA-256 when the caller has it already. */
	bodySha256?: string;
	/** Bytes the answer is expected to hold (a ranged read): the deadline allows for receiving them. */
	expectBytes?: number;
	signal?: AbortSignal;
	/** For messages: "uploading Photos/a.jpg". */
	action: string;
	/** Said for a missing object. */
	notFound?: string;
	/** Failure statuses handed back as answers instead of thrown (404 for a HEAD that finds nothing). */
	accept?: readonly number[];
}

/** A whole body shows no progress while it goes: allow it this slow a line before giving up. */
const SLOWEST_LINE_BYTES_PER_SECOND = 64 * 1024;

export class S3Http {
	constructor(
		private readonly transport: HttpTransport,
		private readonly signer: S3Signer,
		/** "the bucket photos at s3.example.com", for messages. */
		private readonly bucket: string,
		private readonly idleMs: number,
		private readonly now: () => Date,
	) {}

	async send(request: S3Request): Promise<HttpResponse> {
		const body = request.body;
		const payload = request.bodySha256 ?? (body ? await sha256Hex(body) : EMPTY_SHA256);
		const clock = new RequestClock(this.idleMs, request.signal);
		const moving = (body?.byteLength ?? 0) + (request.expectBytes ?? 0);
		if (moving > 0) clock.allow(Math.ceil((moving / SLOWEST_LINE_BYTES_PER_SECOND) * 1000));
		const signedAt = this.now();
		try {
			const headers = await this.signer.sign(request.method, request.url, request.headers ?? {}, payload);
			let response: HttpResponse;
			try {
				if (clock.signal.aborted) throw clock.signal.reason;
				response = await this.transport.request({ method: request.method, url: request.url, headers, body, signal: clock.signal });
			} catch (error) {
				throw s3NoAnswer(error, {
					action: request.action,
					cancelled: request.signal?.aborted === true,
					timedOutAfterSeconds: clock.timedOut ? Number((clock.idleMs / 1000).toFixed(1)) : undefined,
				});
			}
			if (response.status < 300 || request.accept?.includes(response.status)) return response;
			throw s3Failure(response, { action: request.action, notFound: request.notFound, bucket: this.bucket, signedAt });
		} finally {
			clock.stop();
		}
	}

	/** The failure an error document in a 200 answer stands for (CompleteMultipartUpload, CopyObject). */
	documentFailure(doc: S3ErrorDocument, response: HttpResponse, action: string): TargetError {
		return s3DocumentFailure(doc, response, { action, bucket: this.bucket, signedAt: this.now() });
	}
}
