import { describe, expect, it } from "vitest";
import type { IndexProgress, IndexSummary } from "../../src/core/engine-types";
import { progressText, throttledProgress } from "../../src/plugin/progress/progress-text";
import { failuresText, summaryText } from "../../src/plugin/progress/summary-text";

const SUMMARY: IndexSummary = {
	photos: 1200, indexed: 12, created: 10, updated: 2, unchanged: 1188, moved: 1, missing: 3, failed: [], cancelled: false,
};

describe("progress and summary text", () => {
	it("names the phase and how far it is", () => {
		expect(progressText({ phase: "reading", done: 50, total: 200 })).toBe("Reading photos: 50 of 200 (25%)");
		expect(progressText({ phase: "listing", done: 0, total: 0 })).toBe("Listing photos…");
	});

	it("redraws at most once per whole percent, and on every change of phase", () => {
		const shown: string[] = [];
		const update = throttledProgress((text) => shown.push(text));
		for (let done = 0; done <= 10_000; done++) update({ phase: "reading", done, total: 10_000 } satisfies IndexProgress);
		update({ phase: "notes", done: 0, total: 3 });
		expect(shown).toHaveLength(102);
		expect(shown[shown.length - 1]).toBe("Writing notes: 0 of 3 (0%)");
	});

	it("gives every count of a run", () => {
		expect(summaryText(SUMMARY)).toBe(
			"Indexing finished.\n1,200 photos in the index.\nIndexed 12 files: 10 new, 2 updated, 1 moved, 1,188 unchanged, 3 missing, 0 failed.",
		);
		expect(summaryText({ ...SUMMARY, cancelled: true })).toMatch(/^Indexing cancelled; what was done is kept\./);
	});

	it("lists the first failures with their reasons and says where the others are", () => {
		const failed = [1, 2, 3, 4].map((n) => ({ path: `Photos/${n}.jpg`, reason: "empty file (0 bytes)" }));
		expect(failuresText(failed, 3)).toBe(
			"• Photos/1.jpg: empty file (0 bytes)\n• Photos/2.jpg: empty file (0 bytes)\n• Photos/3.jpg: empty file (0 bytes)\n" +
				"…and 1 other: run “Show last index report” to see them all.",
		);
		expect(failuresText(failed.slice(0, 2), 3)).not.toContain("…and");
		expect(summaryText({ ...SUMMARY, failed })).toContain("4 failed.\n• Photos/1.jpg: empty file (0 bytes)");
	});
});
