// GPS: EXIF degree/minute/second rationals and ISO 6709 text to signed decimal degrees.
import { describe, expect, it } from "vitest";
import { altitudeFrom, degreesFromDms, positionFromIso6709 } from "../../../src/core/metadata/gps";

describe("degreesFromDms", () => {
	it("adds minutes and seconds and signs by the ref", () => {
		expect(degreesFromDms([50, 17, 58.57], "N", 90)).toBeCloseTo(50.2996027778, 9);
		expect(degreesFromDms([73, 59, 36.0754799], "W", 180)).toBeCloseTo(-73.9933543, 7);
		expect(degreesFromDms([33, 51, 24.48], "S ", 90)).toBeCloseTo(-33.8568, 6);
	});

	it("accepts decimal minutes and a single decimal-degree value", () => {
		expect(degreesFromDms([54, 59.38, 0], "N", 90)).toBeCloseTo(54.9896667, 6);
		expect(degreesFromDms(12.5, "E", 180)).toBe(12.5);
		expect(degreesFromDms(new Float64Array([1, 30]), "E", 180)).toBe(1.5);
	});

	it("takes a missing ref as north or east", () => {
		expect(degreesFromDms([10, 0, 0], undefined, 90)).toBe(10);
	});

	it("rejects what cannot be a position", () => {
		expect(degreesFromDms([91, 0, 0], "N", 90)).toBeNull();
		expect(degreesFromDms([10, -1, 0], "N", 90)).toBeNull();
		expect(degreesFromDms([Number.NaN], "N", 90)).toBeNull();
		expect(degreesFromDms("50,17,58N", "N", 90)).toBeNull();
		expect(degreesFromDms([], "N", 90)).toBeNull();
	});
});

describe("altitudeFrom", () => {
	it("is negative below sea level, whether the ref is a number or exifr's one-byte array", () => {
		expect(altitudeFrom(8, new Uint8Array([1]))).toBe(-8);
		expect(altitudeFrom(8, 1)).toBe(-8);
		expect(altitudeFrom(252, new Uint8Array([0]))).toBe(252);
		expect(altitudeFrom(35, undefined)).toBe(35);
		expect(altitudeFrom(undefined, 1)).toBeNull();
	});
});

describe("positionFromIso6709", () => {
	it.each([
		["Apple decimal degrees with altitude", "+48.8584+002.2945+035.000/", { latitude: 48.8584, longitude: 2.2945, altitude: 35 }],
		["southern and western, no altitude", "-33.8568-070.6483/", { latitude: -33.8568, longitude: -70.6483, altitude: null }],
		["below sea level", "+31.5590+035.4732-430.500/", { latitude: 31.559, longitude: 35.4732, altitude: -430.5 }],
	])("%s", (_name, text, expected) => {
		expect(positionFromIso6709(text)).toEqual(expected);
	});

	it("reads degrees-minutes and degrees-minutes-seconds forms", () => {
		const dm = positionFromIso6709("+4851.504+00217.670/");
		expect(dm?.latitude).toBeCloseTo(48.8584, 6);
		expect(dm?.longitude).toBeCloseTo(2.2945, 4);
		const dms = positionFromIso6709("+485130.24+0021740.2/");
		expect(dms?.latitude).toBeCloseTo(48.8584, 6);
		expect(dms?.longitude).toBeCloseTo(2.2945, 4);
	});

	it("rejects malformed text", () => {
		expect(positionFromIso6709("48.8584,2.2945")).toBeNull();
		expect(positionFromIso6709("+95.0+010.0/")).toBeNull();
		expect(positionFromIso6709("+485.0+010.0/")).toBeNull();
		expect(positionFromIso6709(undefined)).toBeNull();
	});
});
