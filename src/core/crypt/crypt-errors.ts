/** Ciphertext that does not open: damaged, cut short, not an rclone crypt file, or sealed with another key. */

export class CiphertextError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "CiphertextError";
	}
}

/** Whether `error` is, or was caused by, ciphertext that failed to open (for callers that tell damage from other failures). */
export function isCiphertextError(error: unknown): boolean {
	for (let at: unknown = error, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) {
		if (at instanceof CiphertextError) return true;
	}
	return false;
}
