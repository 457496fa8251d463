import { describe, expect, it } from "vitest";
import { formatIsoTime } from "../../../src/core/notes/format-values";

describe("formatIsoTime, in every time zone of the test run", () => {
	it("shows the camera's wall-clock time and its own offset, never the machine's", () => {
		expect(formatIsoTime("2024-06-01T14:03:22.120+02:00")).toBe("2024-06-01 14:03:22 (UTC+02:00)");
		expect(formatIsoTime("2024-12-31T23:59:59-0930")).toBe("2024-12-31 23:59:59 (UTC-09:30)");
		expect(formatIsoTime("2024-01-01T00:00:00+05:45")).toBe("2024-01-01 00:00:00 (UTC+05:45)");
	});

	it("shows a time without offset as it is, as the camera's local time", () => {
		expect(formatIsoTime("2024-06-01T14:03:22")).toBe("2024-06-01 14:03:22");
		expect(formatIsoTime("2024-06-01T14:03")).toBe("2024-06-01 14:03");
	});

	it("marks an instant as UTC", () => {
		expect(formatIsoTime("2024-03-31T01:30:00.000Z")).toBe("2024-03-31 01:30:00 UTC");
		expect(formatIsoTime("2024-03-31T01:30:00.000Z", false)).toBe("2024-03-31 01:30 UTC");
	});

	it("passes through what it does not recognise rather than guessing", () => {
		expect(formatIsoTime("2024:06:01 14:03:22")).toBe("2024:06:01 14:03:22");
	});
});
