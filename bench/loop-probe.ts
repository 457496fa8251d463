/**
 * Measures how long the event loop stays blocked: a timer re-armed at every turn notes the longest gap
 * between two of its runs. Inside Obsidian that gap is time the interface could neither paint nor answer.
 */
import { performance } from "node:perf_hooks";

export class LoopProbe {
	/** Longest gap seen between two turns of the probe, ms (a free loop shows about 1 ms: the timer's own delay). */
	longest = 0;
	private last = 0;
	private timer: NodeJS.Timeout | null = null;

	start(): this {
		this.longest = 0;
		this.last = performance.now();
		const tick = (): void => {
			const now = performance.now();
			this.longest = Math.max(this.longest, now - this.last);
			this.last = now;
			this.timer = setTimeout(tick, 0);
		};
		this.timer = setTimeout(tick, 0);
		return this;
	}

	/** Stops the probe; the time since its last turn counts too (the work measured may have ended blocked). */
	stop(): number {
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = null;
		this.longest = Math.max(this.longest, performance.now() - this.last);
		return this.longest;
	}
}
