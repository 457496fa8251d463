/** Pausing a backup run: uploads wait at the gate before they start; those already in flight finish. */

export class PauseGate {
	private closed: { opened: Promise<void>; open: () => void } | null = null;
	private readonly listeners = new Set<(paused: boolean) => void>();
	private waiters = 0;

	get paused(): boolean {
		return this.closed !== null;
	}

	pause(): void {
		if (this.closed) return;
		let open!: () => void;
		const opened = new Promise<void>((resolve) => {
			open = resolve;
		});
		this.closed = { opened, open };
		this.notify();
	}

	resume(): void {
		const closed = this.closed;
		if (!closed) return;
		this.closed = null;
		closed.open();
		this.notify();
	}

	/** Uploads waiting at the gate now (for a status line, and for tests to know a run has reached it). */
	get waiting(): number {
		return this.waiters;
	}

	/** Resolves at once when not paused, else on `resume` or when `signal` aborts (the caller checks which). */
	wait(signal?: AbortSignal): Promise<void> {
		const closed = this.closed;
		if (!closed || signal?.aborted) return Promise.resolve();
		this.waiters++;
		return new Promise<void>((resolve) => {
			let settled = false;
			const done = (): void => {
				if (settled) return;
				settled = true;
				signal?.removeEventListener("abort", done);
				this.waiters--;
				resolve();
			};
			signal?.addEventListener("abort", done, { once: true });
			void closed.opened.then(done);
		});
	}

	/** Called with the new state on every pause and resume; returns the unsubscribe. */
	onChange(listener: (paused: boolean) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private notify(): void {
		for (const listener of this.listeners) listener(this.paused);
	}
}
