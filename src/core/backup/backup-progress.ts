/**
 * Progress of a backup run over all its targets: files and bytes done of total, a smoothed speed and the
 * time left, reported at most five times a second (a status bar or a Notice needs no more).
 */
import type { BackupProgress } from "./backup-types";

/** Emit at most this often, except for changes the user caused (pause) and the end. */
const EMIT_INTERVAL_MS = 200;
/** A speed sample covers at least this long, so one fast chunk does not swing the estimate. */
const SAMPLE_MS = 1000;
/** Weight of the newest sample in the moving average: about the last five seconds count. */
const SMOOTHING = 0.3;

export interface ProgressTrackerOptions {
	/** Milliseconds, monotonic enough for intervals. */
	now: () => number;
	emit?: (progress: BackupProgress) => void;
}

/** One file's share of the progress; every file started is ended once, whatever happened to it. */
export interface FileProgress {
	/** Body bytes sent (a retry sends them again: they count for the speed, not twice for the total). */
	sent(bytes: number): void;
	/** The file is dealt with (uploaded, adopted, failed): its bytes count as done. */
	end(): void;
}

export class ProgressTracker {
	private readonly state: BackupProgress = {
		filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, bytesPerSecond: 0, secondsLeft: null, paused: false,
	};
	private lastEmit = Number.NEGATIVE_INFINITY;
	private sampleStart: number;
	private sampleBytes = 0;

	constructor(private readonly options: ProgressTrackerOptions) {
		this.sampleStart = options.now();
	}

	addWork(files: number, bytes: number): void {
		this.state.filesTotal += files;
		this.state.bytesTotal += bytes;
	}

	/** Takes work off the totals that will not be done (a stopped target's remaining files). */
	dropWork(files: number, bytes: number): void {
		this.state.filesTotal = Math.max(this.state.filesDone, this.state.filesTotal - files);
		this.state.bytesTotal = Math.max(this.state.bytesDone, this.state.bytesTotal - bytes);
		this.update();
	}

	startFile(targetName: string, path: string, size: number): FileProgress {
		this.state.targetName = targetName;
		this.state.path = path;
		let counted = 0;
		let ended = false;
		return {
			sent: (bytes) => {
				if (ended) return;
				const add = Math.min(bytes, size - counted);
				counted += add;
				this.state.bytesDone += add;
				this.measure(bytes);
				this.update();
			},
			end: () => {
				if (ended) return;
				ended = true;
				this.state.bytesDone += size - counted;
				this.state.filesDone++;
				this.update();
			},
		};
	}

	setPaused(paused: boolean): void {
		this.state.paused = paused;
		// Time spent paused is not time spent uploading.
		this.sampleStart = this.options.now();
		this.sampleBytes = 0;
		this.update(true);
	}

	snapshot(): BackupProgress {
		const s = this.state;
		const left = s.bytesTotal - s.bytesDone;
		return { ...s, secondsLeft: s.bytesPerSecond > 0 ? Math.ceil(left / s.bytesPerSecond) : null };
	}

	/** Reports now, throttled unless `force`. */
	update(force = false): void {
		const now = this.options.now();
		if (!force && now - this.lastEmit < EMIT_INTERVAL_MS) return;
		this.lastEmit = now;
		this.options.emit?.(this.snapshot());
	}

	private measure(bytes: number): void {
		this.sampleBytes += bytes;
		const now = this.options.now();
		const elapsed = now - this.sampleStart;
		if (elapsed < SAMPLE_MS) return;
		const rate = (this.sampleBytes * 1000) / elapsed;
		const previous = this.state.bytesPerSecond;
		this.state.bytesPerSecond = previous === 0 ? rate : SMOOTHING * rate + (1 - SMOOTHING) * previous;
		this.sampleStart = now;
		this.sampleBytes = 0;
	}
}
