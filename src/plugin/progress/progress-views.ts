/** The two progress displays: the status bar on desktop, a Notice that updates its message on mobile (no status bar there). */
import { Notice } from "obsidian";
import type { ProgressView } from "../indexing/run-feedback";
import { throttledProgress } from "./progress-text";

const IDLE_CLASS = "photo-archivist-idle";

/** Prepares the (long-lived) status bar item: hidden until a run starts; a click on it cancels the run. */
export function setUpStatusBarItem(item: HTMLElement): void {
	item.addClass("photo-archivist-status", IDLE_CLASS);
	item.setAttr("aria-label", "Click to cancel indexing");
}

export function statusBarProgress(item: HTMLElement): ProgressView {
	item.setText("Indexing photos…");
	item.removeClass(IDLE_CLASS);
	return {
		update: throttledProgress((text) => item.setText(text)),
		end: () => {
			item.setText("");
			item.addClass(IDLE_CLASS);
		},
	};
}

export function noticeProgress(): ProgressView {
	// Duration 0: the Notice stays until the run ends, however long it takes.
	const notice = new Notice("Indexing photos…", 0);
	const hint = "\nRun “Cancel indexing” to stop.";
	return {
		update: throttledProgress((text) => notice.setMessage(text + hint)),
		end: () => notice.hide(),
	};
}
