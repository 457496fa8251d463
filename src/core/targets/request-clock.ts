/**
 * One request's abort signal: fires when the caller cancels, or when nothing has moved for `idleMs`
 * (no body bytes taken, no answer). A deadline of "no progress" rather than of the whole request lets a
 * large upload over a slow line take as long as it needs while a stalled one still ends.
 */
export class RequestClock {
	private readonly controller = new AbortController();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private idle: number;
	private timedOutFlag = false;
	private readonly unlink: () => void;

	constructor(idleMs: number, callerSignal?: AbortSignal) {
		this.idle = idleMs;
		const onAbort = (): void => this.controller.abort(callerSignal?.reason);
		if (callerSignal?.aborted) onAbort();
		else callerSignal?.addEventListener("abort", onAbort, { once: true });
		this.unlink = () => callerSignal?.removeEventListener("abort", onAbort);
		this.touch();
	}

	get signal(): AbortSignal {
		return this.controller.signal;
	}

	/** How long the request may go without progress. */
	get idleMs(): number {
		return this.idle;
	}

	/** True when the request was ended by the clock, not by the caller. */
	get timedOut(): boolean {
		return this.timedOutFlag;
	}

	/** Something moved: the idle deadline starts again. */
	touch(): void {
		if (this.controller.signal.aborted) return;
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timedOutFlag = true;
			this.controller.abort(new Error(`no progress for ${this.idle} ms`));
		}, this.idle);
	}

	/**
	 * A whole body handed over at once (no stream, as through Obsidian's requestUrl) shows no progress
	 * while it is sent, so the deadline for that request is stretched once by the time sending may take.
	 */
	allow(extraMs: number): void {
		this.idle += extraMs;
		this.touch();
	}

	stop(): void {
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = undefined;
		this.unlink();
	}
}
