/** Diagnostics for the developer console or stderr; never the user's only way to learn of a failure. */
export interface Log {
	warn(message: string, detail?: unknown): void;
	debug(message: string, detail?: unknown): void;
}

export const SILENT_LOG: Log = { warn: () => {}, debug: () => {} };
