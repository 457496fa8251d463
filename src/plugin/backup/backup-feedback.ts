/** How a backup run speaks to the user; the runner decides when, the implementation (status bar, Notices) how. */
import type { BackupProgress, BackupSummary } from "../../core/backup/backup-types";

export interface BackupProgressView {
	update(progress: BackupProgress): void;
	/** Shown at once: while paused no progress arrives to redraw the display. */
	setPaused(paused: boolean): void;
	/** The run is over (finished, cancelled or failed): take the progress away. */
	end(): void;
}

export interface BackupFeedback {
	/** A run starts. An automatic (`quiet`) one is shown only where it asks for no attention: the status bar. */
	begin(quiet: boolean): BackupProgressView;
	/** The end of a run the user started: each target's verdict. */
	summary(summary: BackupSummary): void;
	/** An automatic run that left something to act on (a stopped target, failures, conflicts). */
	problems(summary: BackupSummary): void;
	message(text: string): void;
	/** Something the engine did not expect. */
	error(error: unknown): void;
}
