import { describe, expect, it } from "vitest";
import { createPathFilter, extensionOf, globToRegExp } from "../../../src/core/index/path-filter";
import { DEFAULT_INDEX_SETTINGS } from "../../../src/core/settings";

describe("globToRegExp", () => {
	it.each([
		{ glob: "Photos/Private/**", path: "Photos/Private/a/b.jpg", match: true },
		{ glob: "Photos/*.jpg", path: "Photos/a.jpg", match: true },
		{ glob: "Photos/*.jpg", path: "Photos/sub/a.jpg", match: false },
		{ glob: "**/*.tmp.jpg", path: "x.tmp.jpg", match: true },
		{ glob: "**/*.tmp.jpg", path: "Photos/a/x.tmp.jpg", match: true },
		{ glob: "Photos/IMG_????.jpg", path: "Photos/IMG_0001.jpg", match: true },
		{ glob: "Photos/(1).jpg", path: "Photos/(1).jpg", match: true },
	])("$glob vs $path → $match", ({ glob, path, match }) => {
		expect(globToRegExp(glob).test(path)).toBe(match);
	});
});

describe("createPathFilter", () => {
	const isPhoto = createPathFilter({
		...DEFAULT_INDEX_SETTINGS,
		photoFolders: ["Photos", "Camera Roll"],
		exclusions: ["Photos/Private", "**/*.edited.jpg"],
	});

	it.each([
		{ path: "Photos/2024/IMG_1.HEIC", expected: true },
		{ path: "Camera Roll/a.mov", expected: true },
		{ path: "Photos/a.txt", expected: false },
		{ path: "Other/a.jpg", expected: false },
		{ path: "PhotosX/a.jpg", expected: false },
		{ path: "Photos/Private/a.jpg", expected: false },
		{ path: "Photos/x.edited.jpg", expected: false },
		{ path: "Photos/.thumbs/a.jpg", expected: false },
		{ path: "Photos/noext", expected: false },
	])("$path → $expected", ({ path, expected }) => {
		expect(isPhoto(path)).toBe(expected);
	});

	it("never indexes the notes folder, even when it sits inside a photo folder", () => {
		const filter = createPathFilter({ ...DEFAULT_INDEX_SETTINGS, photoFolders: [""], notesFolder: "Photo Notes" });
		expect(filter("Photo Notes/a.jpg")).toBe(false);
		expect(filter("a.jpg")).toBe(true);
	});

	it("reads extensions case-insensitively", () => {
		expect(extensionOf("a/B.JPG")).toBe("jpg");
		expect(extensionOf("a/.hidden")).toBe("");
	});
});
