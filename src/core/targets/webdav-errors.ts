/** What a failed WebDAV request means, in TargetError codes and plain words. */
import { TargetError } from "../model/target-error";
import { parseRetryAfter } from "./retry-after";

export interface FailureContext {
	/** What was being done, for the message: "uploading Photos/a.jpg". */
	action: string;
	/** Said when the server answers 404 or 409 (a missing file, or a missing parent folder). */
	notFound?: string;
	/** The caller cancelled. */
	cancelled?: boolean;
	/** The request was ended by its no-progress deadline (seconds). */
	timedOutAfterSeconds?: number;
	now?: () => number;
}

interface HeaderSource {
	get(name: string): string | null;
}

/** A status the server answered with (>= 300: a redirect is a failure here, never followed blindly). */
export function statusFailure(status: number, headers: HeaderSource | undefined, context: FailureContext): TargetError {
	const { action } = context;
	const retryAfterMs = parseRetryAfter(headers?.get("retry-after"), (context.now ?? Date.now)());
	const details = { status, retryAfterMs };
	if (status === 401) return new TargetError("auth", "The server refused the user name or password.", details);
	if (status === 403) {
		return new TargetError("auth", `The server refused access while ${action} (403 Forbidden): this user has no permission there.`, details);
	}
	if (status === 507) return new TargetError("no-space", "The server has no space left (507 Insufficient Storage).", details);
	if (status === 404 || status === 409) {
		return new TargetError("not-found", context.notFound ?? `Not found on the server while ${action} (${status}).`, details);
	}
	if (status === 412) return new TargetError("exists", `Something is already there on the server (${action}).`, details);
	if (status === 408 || status === 423 || status === 425 || status === 429 || (status >= 500 && status !== 501 && status !== 505)) {
		const reason = status === 429 ? "too many requests" : status === 423 ? "the file is locked" : "the server is busy or failing";
		return new TargetError("transient", `The server answered ${status} while ${action} (${reason}).`, details);
	}
	if (status >= 300 && status < 400) {
		const to = headers?.get("location");
		return new TargetError(
			"refused",
			`The server redirected to another address (${status}${to ? ` to ${to}` : ""}) while ${action}: check the URL (http or https, the folder).`,
			details,
		);
	}
	if (status === 413) return new TargetError("refused", `The server refused the file as too large (413) while ${action}.`, details);
	return new TargetError("refused", `The server refused the request (${status}) while ${action}.`, details);
}

const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|EPROTO$)/;
const TLS_WORDS = /certificate|ERR_CERT_|ERR_SSL_|\bSSL\b|\bTLS\b|self[- ]signed/i;
const REFUSED = /ECONNREFUSED|ERR_CONNECTION_REFUSED/;
const NO_NAME = /ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED/;

/** A request that got no answer at all: cancelled, timed out, TLS, or the connection failed. */
export function transportFailure(error: unknown, context: FailureContext): TargetError {
	if (error instanceof TargetError) return error;
	const { action } = context;
	if (context.cancelled) return new TargetError("cancelled", "Cancelled.", { cause: error });
	if (context.timedOutAfterSeconds !== undefined) {
		return new TargetError("transient", `The server did not answer within ${context.timedOutAfterSeconds} seconds (${action}).`, { cause: error });
	}
	const code = errorCode(error);
	const text = `${code} ${errorText(error)}`;
	if (TLS_CODES.test(code) || TLS_WORDS.test(text)) {
		return new TargetError(
			"tls",
			`The server's certificate is not trusted (${code || errorText(error)}). Check the address, or install a certificate the device trusts.`,
			{ cause: error },
		);
	}
	if (REFUSED.test(text)) {
		return new TargetError("transient", `The server refused the connection while ${action}: is it running, and are the address and port right?`, { cause: error });
	}
	if (NO_NAME.test(text)) {
		return new TargetError("transient", `The server's name could not be found while ${action}: check the address and the network.`, { cause: error });
	}
	return new TargetError("transient", `The connection to the server failed while ${action} (${code || errorText(error)}).`, { cause: error });
}

/** The system error code of a network failure, looking through the causes fetch implementations wrap it in. */
function errorCode(error: unknown): string {
	for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === "string" && code !== "") return code;
	}
	return "";
}

function errorText(error: unknown): string {
	const parts: string[] = [];
	for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
		parts.push(current instanceof Error ? current.message : typeof current === "string" ? current : JSON.stringify(current));
	}
	return parts.join(": ");
}
