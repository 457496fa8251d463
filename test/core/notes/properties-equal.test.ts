import { describe, expect, it } from "vitest";
import { propertiesEqual } from "../../../src/core/notes/properties-equal";

describe("propertiesEqual", () => {
	it("compares values, not identity or key order", () => {
		expect(propertiesEqual({ a: 1, b: [1, "x", { c: null }] }, { b: [1, "x", { c: null }], a: 1 })).toBe(true);
		expect(propertiesEqual({ n: Number.NaN }, { n: Number.NaN })).toBe(true);
	});

	it("ignores keys whose value is undefined, as YAML does not write them", () => {
		expect(propertiesEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
	});

	it("tells apart what reads differently", () => {
		expect(propertiesEqual({ a: 1 }, { a: "1" })).toBe(false);
		expect(propertiesEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
		expect(propertiesEqual({ a: [] }, { a: {} })).toBe(false);
		expect(propertiesEqual({ a: null }, {})).toBe(false);
		expect(propertiesEqual({ a: { b: 1 } }, { a: { b: 1, c: 2 } })).toBe(false);
		expect(propertiesEqual([1], [1, 1])).toBe(false);
	});
});
