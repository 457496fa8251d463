/** A Target that counts what is asked of it, so a verification can say how many requests it sent. */
import type { Target } from "../ports/target";

export interface CountingTarget {
	target: Target;
	readonly requests: number;
}

export function countRequests(inner: Target): CountingTarget {
	let requests = 0;
	const counted = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => (...args: A): Promise<R> => {
		requests++;
		return call(...args);
	};
	const target: Target = {
		capabilities: inner.capabilities,
		stat: counted((path, signal) => inner.stat(path, signal)),
		list: counted((folder, signal) => inner.list(folder, signal)),
		read: counted((path, range, signal) => inner.read(path, range, signal)),
		put: counted((path, body, options) => inner.put(path, body, options)),
		move: counted((from, to, signal) => inner.move(from, to, signal)),
		remove: counted((path, signal) => inner.remove(path, signal)),
		quota: counted((signal) => inner.quota(signal)),
	};
	return {
		target,
		get requests() {
			return requests;
		},
	};
}
