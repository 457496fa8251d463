import { describe, expect, it } from "vitest";
import { joinInside, unsafePathReason } from "../../../src/core/restore/safe-path";

describe("unsafePathReason", () => {
	it.each([
		"Photos/2024/IMG_1.HEIC", "a.jpg", "Photos/été #1 (2).jpg", "Фото/снимок.jpg", "写真/2024/写真.jpg", "Photos/100%.jpg", "Photos/a..b.jpg",
	])("accepts %s", (path) => {
		expect(unsafePathReason(path)).toBeNull();
	});

	it.each([
		["", /empty/],
		["../x.jpg", /leads out/],
		["Photos/../../x.jpg", /leads out/],
		["Photos/./x.jpg", /leads out/],
		["/etc/passwd", /absolute/],
		["C:/Windows/x.jpg", /drive letter/],
		["c:x.jpg", /drive letter/],
		["Photos\\..\\x.jpg", /backslash/],
		["Photos/x\u0000.jpg", /control/],
		["%2e%2e/x.jpg", /percent-encoded/],
		["Photos/%2E%2e%2Fx.jpg", /percent-encoded/],
		["Photos/%252e%252e/x.jpg", /percent-encoded/],
		["Photos/%5c/x.jpg", /percent-encoded/],
		["Photos/\uff0e\uff0e/x.jpg", /imitate/],
		["Photos\uff0fx.jpg", /imitate/],
		["Photos/a\u2215b.jpg", /imitate/],
		["Photos/\u2024\u2024/x.jpg", /imitate/],
		["Photos/\u202egpj.exe", /invisible/],
		["Photos//x.jpg", /empty folder/],
		["Photos/", /empty folder/],
		[".obsidian/plugins/x/main.js", /hidden/],
		["Photos/.hidden.jpg", /hidden/],
		["Photos/x.jpg.", /ends with a dot/],
		["Photos/CON.jpg", /device name/],
		["Photos/a:b.jpg", /":"/],
	])("refuses %j", (path, reason) => {
		expect(unsafePathReason(path)).toMatch(reason);
	});
});

describe("joinInside", () => {
	it("joins under a folder, or at the root", () => {
		expect(joinInside("Restored/", "Photos/a.jpg")).toBe("Restored/Photos/a.jpg");
		expect(joinInside("", "Photos/a.jpg")).toBe("Photos/a.jpg");
	});
});
