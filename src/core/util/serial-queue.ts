/** Runs async operations one after another: index runs and rename/delete events must never interleave. */
export class SerialQueue {
	private tail: Promise<unknown> = Promise.resolve();

	run<T>(operation: () => Promise<T>): Promise<T> {
		const result = this.tail.then(operation, operation);
		// The queue goes on after a failure; the caller still sees the error through `result`.
		this.tail = result.catch(() => undefined);
		return result;
	}
}
