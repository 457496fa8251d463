import { describe, expect, it } from "vitest";
import { sampleSize, samplePercentProblem, takeSample } from "../../../src/core/verify/sample-rotation";

const paths = Array.from({ length: 10 }, (_, i) => `p/${String(i).padStart(2, "0")}.jpg`);

describe("sample rotation", () => {
	it("reads every copy over successive runs: 25% of 10 copies takes 3 a run, all of them within 4 runs", () => {
		let after: string | null = null;
		const seen: string[] = [];
		for (let run = 0; run < 4; run++) {
			const { chosen, next } = takeSample(paths, 25, after);
			expect(chosen).toHaveLength(3);
			seen.push(...chosen);
			after = next;
		}
		expect(new Set(seen)).toEqual(new Set(paths));
		// The fourth run wrapped around to the start.
		expect(seen.slice(9)).toEqual(["p/09.jpg", "p/00.jpg", "p/01.jpg"]);
	});

	it("goes on after the last path read even when that copy is gone, and reaches a copy added before it", () => {
		const first = takeSample(paths, 30, null);
		expect(first.next).toBe("p/02.jpg");
		const changed = ["p/00.5.jpg", ...paths.filter((p) => p !== "p/02.jpg")].sort();
		expect(takeSample(changed, 30, first.next).chosen).toEqual(["p/03.jpg", "p/04.jpg", "p/05.jpg"]);
		const later = takeSample(changed, 50, "p/06.jpg").chosen;
		expect(later).toEqual(["p/07.jpg", "p/08.jpg", "p/09.jpg", "p/00.5.jpg", "p/00.jpg"]);
	});

	it("reads at least one copy, at most all, none of none", () => {
		expect(sampleSize(1000, 0.01)).toBe(1);
		expect(sampleSize(7, 100)).toBe(7);
		expect(sampleSize(0, 10)).toBe(0);
		expect(takeSample([], 10, "x")).toEqual({ chosen: [], next: "x" });
	});

	it("accepts a share above 0 and at most 100 percent, and says why otherwise", () => {
		expect(samplePercentProblem(10)).toBeNull();
		expect(samplePercentProblem(100)).toBeNull();
		expect(samplePercentProblem(0)).toMatch(/above 0 and at most 100, not 0/);
		expect(samplePercentProblem(150)).toMatch(/not 150/);
		expect(samplePercentProblem(Number.NaN)).toMatch(/not NaN/);
	});
});
