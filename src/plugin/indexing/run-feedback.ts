/** How an index run speaks to the user; the service decides when, the implementation (Notices, status bar) how. */
import type { IndexProgress, IndexSummary } from "../../core/engine-types";

export interface ProgressView {
	update(progress: IndexProgress): void;
	/** The run is over (finished, cancelled or failed): take the progress away. */
	end(): void;
}

export interface RunFeedback {
	/** A run the user started; `cancel` stops it (clicking the status bar item, for one). */
	begin(cancel: () => void): ProgressView;
	/** The end of a run the user started: every count, and the failures with their reasons. */
	summary(summary: IndexSummary): void;
	/** An automatic run that failed on some files. */
	failures(summary: IndexSummary): void;
	message(text: string): void;
	/** Something the engine did not expect (the index could not be saved, …). */
	error(error: unknown): void;
}
