import { describe, expect, it } from "vitest";
import {
	finite, formatBytes, formatCoordinates, formatDuration, formatExposure, openStreetMapUrl, trimNumber,
} from "../../../src/core/notes/format-values";

describe("formatExposure", () => {
	it.each([
		[1 / 250, "1/250"],
		[0.004, "1/250"],
		[1 / 8000, "1/8000"],
		[0.0166666, "1/60"],
		[0.25, "1/4"],
		[0.3, "0.3"],
		[0.5, "0.5"],
		[1, "1"],
		[2.5, "2.5"],
		[30, "30"],
	])("writes %d s as %j", (seconds, expected) => {
		expect(formatExposure(seconds)).toBe(expected);
	});

	it("has no value for a missing, zero, negative or non-finite time", () => {
		for (const bad of [null, undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatExposure(bad)).toBeNull();
	});
});

describe("number formats", () => {
	it("trims without exponent, locale or negative zero", () => {
		expect(trimNumber(1.2, 2)).toBe("1.2");
		expect(trimNumber(3, 2)).toBe("3");
		expect(trimNumber(1e-7, 6)).toBe("0");
		expect(trimNumber(-1e-7, 6)).toBe("0");
		expect(trimNumber(1234567.5, 1)).toBe("1234567.5");
	});

	it("treats NaN and infinities as unknown", () => {
		expect(finite(Number.NaN)).toBeNull();
		expect(finite(Number.NEGATIVE_INFINITY)).toBeNull();
		expect(finite(0)).toBe(0);
	});

	it("writes sizes in decimal units", () => {
		expect(formatBytes(999)).toBe("999 B");
		expect(formatBytes(2_412_345)).toBe("2.4 MB");
		expect(formatBytes(45_000_000)).toBe("45 MB");
		expect(formatBytes(3_200_000_000_000)).toBe("3.2 TB");
	});

	it("writes durations in seconds, then minutes and hours", () => {
		expect(formatDuration(12.46)).toBe("12.5 s");
		expect(formatDuration(62)).toBe("1:02");
		expect(formatDuration(3725)).toBe("1:02:05");
	});

	it("writes coordinates with hemispheres and links them to OpenStreetMap", () => {
		expect(formatCoordinates(-33.8568, 151.2153)).toBe("33.85680° S, 151.21530° E");
		expect(formatCoordinates(40.6892, -74.0445)).toBe("40.68920° N, 74.04450° W");
		expect(openStreetMapUrl(40.6892, -74.0445)).toBe("https://www.openstreetmap.org/?mlat=40.6892&mlon=-74.0445#map=17/40.6892/-74.0445");
	});
});
