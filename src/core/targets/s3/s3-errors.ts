/**
 * What a failed S3 request means, in TargetError codes and plain words: the error document's code first
 * (S3 says precisely what is wrong), the status where there is no document (HEAD answers carry none).
 */
import { TargetError } from "../../model/target-error";
import type { HttpResponse } from "../../ports/http-transport";
import { parseRetryAfter } from "../retry-after";
import { transportFailure } from "../webdav-errors";
import { parseErrorDocument, type S3ErrorDocument } from "./s3-answers";

export interface S3FailureContext {
	/** What was being done, for the message: "uploading Photos/a.jpg". */
	action: string;
	/** Said for a missing object (404 NoSuchKey). */
	notFound?: string;
	/** "the bucket photos at s3.example.com". */
	bucket: string;
	/** This device's time when the request was signed, to tell how far off its clock is. */
	signedAt: Date;
}

const AUTH_WRONG = "The access key or secret key is wrong";
const DENIED = new Set(["AccessDenied", "AllAccessDisabled", "AccountProblem", "InvalidSecurity", "ExpiredToken", "InvalidToken"]);
const REGION = new Set(["AuthorizationHeaderMalformed", "PermanentRedirect", "IllegalLocationConstraintException", "InvalidRegion", "TemporaryRedirect"]);
const NO_SPACE = new Set(["QuotaExceeded", "InsufficientStorage", "NotEnoughSpace", "StorageFull"]);
/** The body arrived other than it was sent, or incomplete: sending it again is the cure. */
const DAMAGED = new Set(["BadDigest", "XAmzContentSHA256Mismatch", "IncompleteBody", "RequestTimeout", "InvalidChunkSizeError"]);
const BUSY = new Set(["SlowDown", "ServiceUnavailable", "InternalError", "OperationAborted", "Throttling", "ThrottlingException", "TooManyRequests"]);

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function minutesOff(response: HttpResponse, signedAt: Date): { minutes: number; ahead: boolean } | null {
	const date = response.headers["date"];
	const server = date ? Date.parse(date) : NaN;
	if (Number.isNaN(server)) return null;
	const off = signedAt.getTime() - server;
	return { minutes: Math.round(Math.abs(off) / 60_000), ahead: off > 0 };
}

function skewMessage(response: HttpResponse, context: S3FailureContext): string {
	const off = minutesOff(response, context.signedAt);
	const by = off ? `by ${off.minutes} minute${off.minutes === 1 ? "" : "s"} (${off.ahead ? "ahead of" : "behind"} the server's)` : "";
	return `This device's clock is off${by ? ` ${by}` : ""}: the server refuses requests signed at a time more than 15 minutes from its own (RequestTimeTooSkewed). Set the date and time to be set automatically, then try again.`;
}

function byCode(code: string, doc: S3ErrorDocument | null, status: number, response: HttpResponse, context: S3FailureContext, details: TargetError["details"]): TargetError | null {
	const { action, bucket } = context;
	if (code === "InvalidAccessKeyId") return new TargetError("auth", `${AUTH_WRONG}: the server does not know the access key id (InvalidAccessKeyId).`, details);
	if (code === "SignatureDoesNotMatch") {
		return new TargetError("auth", `${AUTH_WRONG}: the server could not verify the request's signature with them (SignatureDoesNotMatch). Check the secret key.`, details);
	}
	if (code === "RequestTimeTooSkewed") return new TargetError("auth", skewMessage(response, context), details);
	if (code === "NoSuchBucket") {
		return new TargetError("auth", `${capitalized(bucket)} does not exist (NoSuchBucket): check the bucket's name and the endpoint, or create the bucket.`, details);
	}
	if (code === "InvalidBucketName") return new TargetError("auth", `The server refuses the name of ${bucket} (InvalidBucketName): check the bucket's name.`, details);
	if (DENIED.has(code)) return new TargetError("auth", `Access denied while ${action} (${code}): this access key has no permission for that on ${bucket}.`, details);
	if (REGION.has(code)) {
		const where = doc?.region ? ` to "${doc.region}"` : "";
		return new TargetError("auth", `${capitalized(bucket)} answers from another region or address (${code}): set the target's region${where} and check the endpoint.`, details);
	}
	if (NO_SPACE.has(code)) return new TargetError("no-space", `The bucket or the account is over its storage quota (${code}): free up space on it or raise the quota.`, details);
	if (code === "EntityTooLarge") return new TargetError("refused", `The server refuses an object this large while ${action} (EntityTooLarge).`, details);
	if (code === "NoSuchKey") return new TargetError("not-found", context.notFound ?? `Not found while ${action} (NoSuchKey).`, details);
	if (code === "NoSuchUpload") return new TargetError("not-found", `The unfinished upload is no longer on the server (${action}, NoSuchUpload).`, details);
	if (code === "PreconditionFailed") return new TargetError("exists", `Something is already there on the server (${action}).`, details);
	if (DAMAGED.has(code)) {
		return new TargetError("transient", `The server received other bytes than were sent while ${action} (${code}): it kept nothing, and they are sent again.`, details);
	}
	if (BUSY.has(code)) return new TargetError("transient", `The server is busy or failing (${status} ${code}) while ${action}.`, details);
	return null;
}

function byStatus(status: number, code: string, doc: S3ErrorDocument | null, context: S3FailureContext, details: TargetError["details"]): TargetError {
	const { action, bucket } = context;
	const named = code ? ` ${code}` : "";
	if (status === 401 || status === 403) {
		return new TargetError("auth", `The server refused access while ${action} (${status}${named}): ${AUTH_WRONG.toLowerCase()}, or this key has no permission on ${bucket}.`, details);
	}
	if (status === 404) return new TargetError("not-found", context.notFound ?? `Not found while ${action} (404${named}).`, details);
	if (status === 412) return new TargetError("exists", `Something is already there on the server (${action}).`, details);
	if (status === 507) return new TargetError("no-space", `The server has no space left (507${named}).`, details);
	if (status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505)) {
		return new TargetError("transient", `The server answered ${status}${named} while ${action} (${status === 429 ? "too many requests" : "busy or failing"}).`, details);
	}
	if (status >= 300 && status < 400) {
		return new TargetError("auth", `The server sent the request elsewhere (${status}${named}) while ${action}: check the endpoint, the region and the addressing style.`, details);
	}
	if (status === 501) return new TargetError("refused", `The server does not support what was asked while ${action} (501${named}).`, details);
	const said = doc?.message ? `: ${doc.message}` : "";
	return new TargetError("refused", `The server refused the request while ${action} (${status}${named}${said}).`, details);
}

/** A status >= 300 the server answered with, read with its error document when there is one. */
export function s3Failure(response: HttpResponse, context: S3FailureContext): TargetError {
	const { status } = response;
	const parsed = response.body.byteLength > 0 ? parseErrorDocument(new TextDecoder().decode(response.body)) : null;
	// AWS answers a HEAD to a bucket of another region with a bare 301 naming the right one in a header.
	const region = parsed?.region ?? response.headers["x-amz-bucket-region"];
	const doc = parsed && region ? { ...parsed, region } : (parsed ?? (region ? { code: "", message: "", region } : null));
	const code = doc?.code || response.headers["x-amz-error-code"] || (region && status === 301 ? "PermanentRedirect" : "");
	const details = { status, retryAfterMs: parseRetryAfter(response.headers["retry-after"], Date.now()) };
	return byCode(code, doc, status, response, context, details) ?? byStatus(status, code, doc, context, details);
}

/** A 200 answer whose body is an error document (CompleteMultipartUpload, CopyObject), as if it had its own status. */
export function s3DocumentFailure(doc: S3ErrorDocument, response: HttpResponse, context: S3FailureContext): TargetError {
	const details = { status: response.status };
	const status = doc.code === "NoSuchUpload" || doc.code === "NoSuchKey" ? 404 : 500;
	return byCode(doc.code, doc, status, response, context, details) ?? byStatus(status, doc.code, doc, context, details);
}

export interface NoAnswerContext {
	action: string;
	cancelled: boolean;
	/** Set when the request was ended by its no-progress deadline. */
	timedOutAfterSeconds?: number;
}

/** The transport got no answer: say so with what was being done (the transport does not know). */
export function s3NoAnswer(error: unknown, context: NoAnswerContext): TargetError {
	if (context.cancelled) return new TargetError("cancelled", "Cancelled.", { cause: error });
	if (context.timedOutAfterSeconds !== undefined) {
		return new TargetError("transient", `The server did not answer within ${context.timedOutAfterSeconds} seconds (${context.action}).`, { cause: error });
	}
	const cause = error instanceof TargetError ? error.details.cause : error;
	if (cause === undefined || cause instanceof TargetError) return error instanceof TargetError ? error : transportFailure(error, context);
	return transportFailure(cause, context);
}
