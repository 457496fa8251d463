/** Binary search in items sorted by path (JavaScript string order): the place of `path`, or -1. */
export function indexOfPath(sorted: readonly { readonly path: string }[], path: string): number {
	let low = 0;
	let high = sorted.length - 1;
	while (low <= high) {
		const mid = (low + high) >>> 1;
		const at = (sorted[mid] as { readonly path: string }).path;
		if (at === path) return mid;
		if (at < path) low = mid + 1;
		else high = mid - 1;
	}
	return -1;
}
