import { describe, expect, it } from "vitest";

describe("time-zone projects", () => {
	it("run with the zone they name, so date tests see a non-UTC machine", () => {
		const zone = process.env.TZ ?? "";
		const january = new Date(2024, 0, 15, 12).getTimezoneOffset();
		const expected: Record<string, number> = {
			"Asia/Tokyo": -540,
			"America/Los_Angeles": 480,
			"Asia/Kathmandu": -345,
			UTC: 0,
		};
		expect(january).toBe(expected[zone]);
	});
});
