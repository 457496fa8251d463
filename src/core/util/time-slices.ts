/**
 * Cuts long CPU work (parsing a 100,000-photo index or manifest) into slices, so a host with a UI can paint
 * between them: a slice ends after SLICE_MS of work or MAX_SLICE_ITEMS items, whichever comes first. Slices
 * measured in time, not items, keep both a fast desktop and a slow phone responsive without yielding so often
 * that the waits themselves (a browser timer is at least 4 ms once nested) cost more than the work.
 */

/** Long enough that 100,000 records need only a dozen pauses, short enough to stay well under a 50 ms frame budget. */
export const SLICE_MS = 20;
/** A slice never holds more items than this, whatever the clock says (and tests can count on it); set so that fast per-item work (a record loaded) is cut by the clock, not by a count that would pause every few milliseconds. */
export const MAX_SLICE_ITEMS = 20_000;
/** The clock is read once per this many items: reading it costs more than handling a record. */
const CLOCK_EVERY = 64;

export type Pause = () => Promise<void>;

const defaultClock = (): number => (typeof performance === "undefined" ? Date.now() : performance.now());

export class TimeSlicer {
	private items = 0;
	private started: number;

	/** Without `pause` nothing ever yields: a host without a UI (the CLI) runs the work in one go. */
	constructor(
		private readonly pause: Pause | undefined,
		private readonly clock: () => number = defaultClock,
	) {
		this.started = clock();
	}

	/** Counts one item done; true when the slice is used up and the caller should `await yield()`. */
	due(): boolean {
		if (this.pause === undefined) return false;
		this.items++;
		if (this.items >= MAX_SLICE_ITEMS) return true;
		return this.items % CLOCK_EVERY === 0 && this.clock() - this.started >= SLICE_MS;
	}

	/** After a large step of work (not counted in items): yields when the slice's time is used up. */
	async checkpoint(): Promise<void> {
		if (this.pause !== undefined && this.clock() - this.started >= SLICE_MS) await this.yield();
	}

	/** Lets the host run (paint, handle input), then starts a new slice. */
	async yield(): Promise<void> {
		await this.pause?.();
		this.items = 0;
		this.started = this.clock();
	}
}
