/** Runs `work` over items with at most `limit` at a time; stops taking new items once `signal` aborts. */
export async function runPool<T>(
	items: readonly T[],
	limit: number,
	work: (item: T) => Promise<void>,
	signal?: AbortSignal,
): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length && !signal?.aborted) {
			const item = items[next++] as T;
			await work(item);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
