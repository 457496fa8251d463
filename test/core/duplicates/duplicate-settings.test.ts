// The `duplicates` section of data.json, as written by any version or by hand.
import { describe, expect, it } from "vitest";
import { DEFAULT_DUPLICATE_THRESHOLD, normalizeDuplicateSettings } from "../../../src/core/duplicates/duplicate-settings";

describe("duplicate settings", () => {
	it("keeps a whole number 0–16 and gives the default for anything else", () => {
		expect(normalizeDuplicateSettings({ threshold: 0 })).toEqual({ threshold: 0 });
		expect(normalizeDuplicateSettings({ threshold: 16, other: true })).toEqual({ threshold: 16 });
		for (const bad of [17, -1, 2.5, "8", null, Number.NaN]) {
			expect(normalizeDuplicateSettings({ threshold: bad }), String(bad)).toEqual({ threshold: DEFAULT_DUPLICATE_THRESHOLD });
		}
		for (const section of [undefined, null, 10, [10]]) expect(normalizeDuplicateSettings(section)).toEqual({ threshold: 10 });
	});
});
