/** A mistake in how the command line was called (exit status 2, printed with the usage). */
export class UsageError extends Error {}
