/**
 * A Target decorator that tries transient failures again (dropped connections, timeouts, 5xx, 429) with
 * exponential backoff and jitter, honouring the server's Retry-After. Every other failure goes straight
 * through: a wrong password or a full server does not get better by asking again.
 */
import { TargetError } from "../model/target-error";
import type { Quota, RemoteFile, RemoteListing, Target, TargetCapabilities, UploadBody, UploadOptions } from "../ports/target";

export interface RetryInfo {
	/** "put", "stat"… and the path, for a log line. */
	operation: string;
	path?: string;
	/** The attempt that failed, from 1. */
	attempt: number;
	delayMs: number;
	error: TargetError;
}

export interface RetryPolicy {
	/** Tries in all, the first included (default 5). */
	attempts?: number;
	/** The first wait; each next one doubles (default 500 ms). */
	baseDelayMs?: number;
	/** The longest backoff (default 30 s). */
	maxDelayMs?: number;
	/** The longest wait a Retry-After may ask for (default 5 minutes). */
	maxRetryAfterMs?: number;
	/** Waits `ms`, or rejects when `signal` aborts. Tests pass one that does not really wait. */
	sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
	/** In [0, 1): the jitter's source. */
	random?: () => number;
	onRetry?: (info: RetryInfo) => void;
}

export function retrying(target: Target, policy: RetryPolicy = {}): Target {
	return new RetryingTarget(target, policy);
}

class RetryingTarget implements Target {
	private readonly attempts: number;
	private readonly baseDelayMs: number;
	private readonly maxDelayMs: number;
	private readonly maxRetryAfterMs: number;
	private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
	private readonly random: () => number;

	constructor(
		private readonly inner: Target,
		private readonly policy: RetryPolicy,
	) {
		this.attempts = Math.max(1, policy.attempts ?? 5);
		this.baseDelayMs = policy.baseDelayMs ?? 500;
		this.maxDelayMs = policy.maxDelayMs ?? 30_000;
		this.maxRetryAfterMs = policy.maxRetryAfterMs ?? 300_000;
		this.sleep = policy.sleep ?? abortableSleep;
		this.random = policy.random ?? Math.random;
	}

	get capabilities(): TargetCapabilities {
		return this.inner.capabilities;
	}

	stat(path: string, signal?: AbortSignal): Promise<RemoteFile | null> {
		return this.retry("stat", path, signal, () => this.inner.stat(path, signal));
	}

	list(folder: string, signal?: AbortSignal): Promise<RemoteListing> {
		return this.retry("list", folder, signal, () => this.inner.list(folder, signal));
	}

	/**
	 * Each attempt opens the body again. Progress counts a byte once: bytes an attempt sends again (or that
	 * a resumed upload finds already there) are reported only past the most any attempt reached.
	 */
	put(path: string, body: UploadBody, options: UploadOptions = {}): Promise<RemoteFile> {
		let reported = 0;
		return this.retry("put", path, options.signal, () => {
			let sent = 0;
			const onBytes = (bytes: number): void => {
				sent += bytes;
				if (sent > reported) {
					options.onBytes?.(sent - reported);
					reported = sent;
				}
			};
			return this.inner.put(path, body, { signal: options.signal, onBytes });
		});
	}

	move(from: string, to: string, signal?: AbortSignal): Promise<void> {
		return this.retry("move", from, signal, () => this.inner.move(from, to, signal));
	}

	read(path: string, range?: { start: number; end: number }, signal?: AbortSignal): Promise<Uint8Array> {
		return this.retry("read", path, signal, () => this.inner.read(path, range, signal));
	}

	remove(path: string, signal?: AbortSignal): Promise<void> {
		return this.retry("remove", path, signal, () => this.inner.remove(path, signal));
	}

	quota(signal?: AbortSignal): Promise<Quota | null> {
		return this.retry("quota", undefined, signal, () => this.inner.quota(signal));
	}

	private async retry<T>(operation: string, path: string | undefined, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			if (signal?.aborted) throw new TargetError("cancelled", "Cancelled.");
			try {
				return await work();
			} catch (error) {
				if (!(error instanceof TargetError) || error.code !== "transient" || attempt >= this.attempts || signal?.aborted) throw error;
				const delayMs = this.delay(attempt, error);
				this.policy.onRetry?.({ operation, path, attempt, delayMs, error });
				await this.sleep(delayMs, signal);
			}
		}
	}

	/** Retry-After when the server gave one (capped), else base·2^(n-1) capped, less up to half at random. */
	private delay(attempt: number, error: TargetError): number {
		const asked = error.details.retryAfterMs;
		if (asked !== undefined) return Math.min(asked, this.maxRetryAfterMs);
		const backoff = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
		return Math.round(backoff * (1 - this.random() / 2));
	}
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(new TargetError("cancelled", "Cancelled."));
		const onAbort = (): void => {
			clearTimeout(timer);
			reject(new TargetError("cancelled", "Cancelled."));
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener("abort", onAbort);
			resolve();
		}, ms);
		signal?.addEventListener("abort", onAbort, { once: true });
	});
}
