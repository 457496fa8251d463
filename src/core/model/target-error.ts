/** Failures of a backup target, coded so the engine knows whether to retry and the shells what to say. */

export type TargetErrorCode =
	/** Worth trying again: dropped connection, timeout, 5xx, 429. */
	| "transient"
	/** 401/403: wrong user name or password, or no permission. Stops the target; never retried. */
	| "auth"
	/** 507 or a full disk. Stops the target; never retried. */
	| "no-space"
	| "not-found"
	/** Something already exists at the destination. */
	| "exists"
	/** Certificate or TLS failure. */
	| "tls"
	/** Anything else the server refused (4xx): reported for that file, not retried. */
	| "refused"
	| "cancelled";

export class TargetError extends Error {
	constructor(
		readonly code: TargetErrorCode,
		message: string,
		readonly details: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
	) {
		super(message, { cause: details.cause });
		this.name = "TargetError";
	}

	/** Errors that stop the whole target rather than one file. */
	get stopsTarget(): boolean {
		return this.code === "auth" || this.code === "no-space" || this.code === "tls";
	}
}
