// Text fields: trimmed, control characters gone, syntax that matters to YAML or Markdown left alone.
import { describe, expect, it } from "vitest";
import { cleanText, firstNumber, positiveNumber } from "../../../src/core/metadata/clean-text";

describe("cleanText", () => {
	it("trims and drops NULs and control characters except newline and tab", () => {
		expect(cleanText("  Canon\u0000\u0000\u0000")).toBe("Canon");
		expect(cleanText("a\u0001b\u001bc\u007fd\u0085e")).toBe("abcde");
		expect(cleanText("line one\r\nline\ttwo")).toBe("line one\nline\ttwo");
	});

	it("keeps YAML and Markdown syntax for the note writer to escape", () => {
		const text = "---\nkey: value\n'quoted' \"double\" [[Wiki link]] # not a heading";
		expect(cleanText(text)).toBe(text);
	});

	it("is null for nothing printable, and for values that are not text", () => {
		expect(cleanText(" \u0000 ")).toBeNull();
		expect(cleanText("")).toBeNull();
		expect(cleanText(42)).toBeNull();
		expect(cleanText(undefined)).toBeNull();
	});
});

describe("numbers", () => {
	it("takes the first of a list and refuses what is not a finite number", () => {
		expect(firstNumber([400, 200])).toBe(400);
		expect(firstNumber(new Uint16Array([80]))).toBe(80);
		expect(firstNumber(Number.POSITIVE_INFINITY)).toBeNull();
		expect(firstNumber("400")).toBeNull();
	});

	it("counts zero and negatives as not recorded", () => {
		expect(positiveNumber(0)).toBeNull();
		expect(positiveNumber(-1)).toBeNull();
		expect(positiveNumber(2.8)).toBe(2.8);
	});
});
