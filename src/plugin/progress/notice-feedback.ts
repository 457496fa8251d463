/** RunFeedback inside Obsidian: progress in the status bar or a Notice, summaries and failures in Notices and the console. */
import { Notice } from "obsidian";
import type { IndexSummary } from "../../core/engine-types";
import { describeError } from "../../core/model/errors";
import type { ProgressView, RunFeedback } from "../indexing/run-feedback";
import { noticeProgress, statusBarProgress } from "./progress-views";
import { failureLine, failuresText, summaryText } from "./summary-text";

export interface NoticeFeedbackDeps {
	/** Null where there is no status bar (mobile). */
	statusBar: HTMLElement | null;
	isMobile: () => boolean;
}

const SUMMARY_MS = 10_000;

export class NoticeFeedback implements RunFeedback {
	private cancelCurrent: (() => void) | null = null;

	constructor(private readonly deps: NoticeFeedbackDeps) {}

	/** The status bar item was clicked: cancel the run it shows. */
	statusBarClicked(): void {
		this.cancelCurrent?.();
	}

	begin(cancel: () => void): ProgressView {
		this.cancelCurrent = cancel;
		const bar = this.deps.statusBar;
		const view = bar !== null && !this.deps.isMobile() ? statusBarProgress(bar) : noticeProgress();
		return {
			update: (progress) => view.update(progress),
			end: () => {
				this.cancelCurrent = null;
				view.end();
			},
		};
	}

	summary(summary: IndexSummary): void {
		// A summary with failures stays until dismissed: the user has something to act on.
		new Notice(summaryText(summary), summary.failed.length > 0 ? 0 : SUMMARY_MS);
		logFailures(summary);
	}

	failures(summary: IndexSummary): void {
		const n = summary.failed.length;
		new Notice(`Could not index ${n === 1 ? "a changed photo" : `${n} changed photos`}:\n${failuresText(summary.failed, 3)}`, 0);
		logFailures(summary);
	}

	message(text: string): void {
		new Notice(text);
	}

	error(error: unknown): void {
		new Notice(`Indexing stopped: ${describeError(error)}`, 0);
		console.error("Photo index:", error);
	}
}

function logFailures(summary: IndexSummary): void {
	if (summary.failed.length === 0) return;
	console.warn(`Photo index: ${summary.failed.length} file(s) not indexed:\n${summary.failed.map(failureLine).join("\n")}`);
}
