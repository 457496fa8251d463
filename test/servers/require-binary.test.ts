// The skip rule for tests that need a server program: skip with a reason locally, fail under CI.
import { basename, dirname } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findBinary, requireBinary } from "./require-binary";

const MISSING = "pa-no-such-program-3f9c";

describe("requireBinary", () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.restoreAllMocks();
	});

	it("finds a program on PATH, trying each name in turn", () => {
		vi.stubEnv("PATH", dirname(process.execPath));
		expect(findBinary(MISSING, basename(process.execPath))).toBe(process.execPath);
	});

	it("returns null with a warning naming what is missing, outside CI", () => {
		vi.stubEnv("CI", "");
		const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
		expect(requireBinary(MISSING)).toBeNull();
		expect(warn).toHaveBeenCalledWith(expect.stringContaining(MISSING));
	});

	it("throws under CI=true, where skipping would hide untested code", () => {
		vi.stubEnv("CI", "true");
		expect(() => requireBinary(MISSING)).toThrow(/CI=true does not allow skipping/);
	});
});
