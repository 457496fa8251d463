/** requestUrl cannot be stopped: a cancelled request is let go of, and its answer ignored. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined, reason: () => Error): Promise<T> {
	if (!signal) return work;
	return new Promise<T>((resolve, reject) => {
		const onAbort = (): void => reject(reason());
		signal.addEventListener("abort", onAbort, { once: true });
		work.then(
			(value) => {
				signal.removeEventListener("abort", onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener("abort", onAbort);
				reject(error instanceof Error ? error : new Error(String(error)));
			},
		);
	});
}
