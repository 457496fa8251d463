/** The words of a progress display, and how often to change them so 100,000 files do not mean 100,000 redraws. */
import type { IndexPhase, IndexProgress } from "../../core/engine-types";

const PHASES: Record<IndexPhase, string> = {
	listing: "Listing photos",
	reading: "Reading photos",
	notes: "Writing notes",
	saving: "Saving the index",
};

export function progressText(progress: IndexProgress): string {
	const label = PHASES[progress.phase];
	if (progress.total <= 0) return `${label}…`;
	const percent = Math.floor((progress.done / progress.total) * 100);
	return `${label}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} (${percent}%)`;
}

/** Calls `show` when the phase changes or another whole percent is done, never more often. */
export function throttledProgress(show: (text: string) => void): (progress: IndexProgress) => void {
	let last = "";
	return (progress) => {
		const step = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : -1;
		const key = `${progress.phase}:${step}`;
		if (key === last) return;
		last = key;
		show(progressText(progress));
	};
}
