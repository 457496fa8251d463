/** Errors the shells can turn into plain words: each has a stable code besides its message. */

export type ErrorCode =
	| "empty-file"
	| "unknown-format"
	| "unreadable"
	| "corrupt"
	| "cancelled"
	| "invalid-settings"
	| "io";

export class PhotoArchivistError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		options?: { cause?: unknown },
	) {
		super(message, options);
		this.name = "PhotoArchivistError";
	}
}

/** A one-line reason for a report, whatever was thrown. */
export function describeError(error: unknown): string {
	if (error instanceof Error) return error.message;
	return String(error);
}
