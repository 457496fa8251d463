// Taken times are built from text, never through a Date in the machine's zone: same output in every zone.
import { describe, expect, it } from "vitest";
import { instantFromFile, instantFromQuickTime, normalizeOffset, takenFrom } from "../../../src/core/metadata/taken-time";

describe("takenFrom", () => {
	it.each([
		["EXIF wall clock", ["2024:06:01 14:03:22"], "2024-06-01T14:03:22"],
		["EXIF with sub-seconds and offset", ["2024:06:01 14:03:22", "120", "+02:00"], "2024-06-01T14:03:22.120+02:00"],
		["sub-seconds cut to milliseconds", ["2024:06:01 14:03:22", "935476"], "2024-06-01T14:03:22.935"],
		["all-zero sub-seconds dropped", ["2024:06:01 14:03:22", "000"], "2024-06-01T14:03:22"],
		["padded sub-seconds", ["2024:06:01 14:03:22", " 87 "], "2024-06-01T14:03:22.87"],
		["offset without colon", ["2024:06:01 14:03:22", undefined, "-0530"], "2024-06-01T14:03:22-05:30"],
		["Nepal's offset", ["2024:06:01 14:03:22", undefined, "+05:45"], "2024-06-01T14:03:22+05:45"],
		["bad offset ignored", ["2024:06:01 14:03:22", undefined, "+25:00"], "2024-06-01T14:03:22"],
		["ISO text with inline offset", ["2024-05-01T10:11:12+0200"], "2024-05-01T10:11:12+02:00"],
		["inline offset wins over the separate one", ["2024-05-01T10:11:12+02:00", undefined, "+09:00"], "2024-05-01T10:11:12+02:00"],
		["UTC instant", ["2023-12-24T18:00:00Z"], "2023-12-24T18:00:00Z"],
		["XMP with fraction", ["2024-06-01T14:03:22.5-03:00"], "2024-06-01T14:03:22.5-03:00"],
		["minutes only", ["2024-06-01T14:03"], "2024-06-01T14:03:00"],
		["trailing NUL", ["2019:10:26 16:07:24\u0000"], "2019-10-26T16:07:24"],
		["leap day", ["2024:02:29 00:00:00"], "2024-02-29T00:00:00"],
	] as const)("%s", (_name, args, expected) => {
		expect(takenFrom(...(args as unknown as [unknown, unknown?, unknown?]))).toBe(expected);
	});

	it.each([
		["blank EXIF date", "    :  :     :  :  "],
		["zeros", "0000:00:00 00:00:00"],
		["month 13", "2024:13:01 00:00:00"],
		["February 30", "2024:02:30 00:00:00"],
		["hour 24", "2024:06:01 24:00:00"],
		["date only", "2024-06-01"],
		["free text", "June 1st"],
	])("rejects %s", (_name, text) => {
		expect(takenFrom(text)).toBeNull();
	});

	it("rejects values that are not text", () => {
		expect(takenFrom(undefined)).toBeNull();
		expect(takenFrom(1717250602)).toBeNull();
	});
});

describe("offsets and instants", () => {
	it("normalises offsets", () => {
		expect(normalizeOffset("+0000")).toBe("+00:00");
		expect(normalizeOffset("z")).toBe("Z");
		expect(normalizeOffset("+2")).toBeNull();
	});

	it("turns QuickTime seconds since 1904 into a UTC instant", () => {
		expect(instantFromQuickTime(0)).toBeNull();
		expect(instantFromQuickTime(3_799_830_896)).toBe("2024-05-29T12:34:56Z");
	});

	it("turns a file time into a UTC instant, with milliseconds when there are some", () => {
		expect(instantFromFile(Date.UTC(2024, 0, 2, 3, 4, 5))).toBe("2024-01-02T03:04:05Z");
		expect(instantFromFile(Date.UTC(2024, 0, 2, 3, 4, 5, 67))).toBe("2024-01-02T03:04:05.067Z");
		expect(instantFromFile(Number.NaN)).toBeNull();
	});
});
