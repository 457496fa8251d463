import { describe, expect, it } from "vitest";
import { notePathFor, notePathKey, safeName } from "../../../src/core/notes/note-path";
import { isWikilinkSafe } from "../../../src/core/notes/photo-link";

const free = () => false;

/** Characters Windows refuses in a name, or that break a wikilink. */
const FORBIDDEN = /[#|[\]^:\\*?"<>\p{Cc}]/u;

function expectPortable(notePath: string): void {
	for (const segment of notePath.split("/")) {
		expect(segment).not.toMatch(FORBIDDEN);
		expect(segment).not.toMatch(/^\.|[. ]$|^\s/);
		expect(new TextEncoder().encode(segment).length).toBeLessThanOrEqual(255);
	}
	expect(notePath).not.toContain("%%");
	expect(isWikilinkSafe(notePath)).toBe(true);
}

describe("notePathFor", () => {
	it("mirrors the photo's folders under the notes folder and keeps the extension", () => {
		expect(notePathFor("Photos/2024/IMG_1.HEIC", "Photo Notes", free)).toBe("Photo Notes/Photos/2024/IMG_1.HEIC.md");
		expect(notePathFor("IMG_1.HEIC", "Notes/Photos", free)).toBe("Notes/Photos/IMG_1.HEIC.md");
	});

	it("gives a RAW+JPEG pair two notes", () => {
		const raw = notePathFor("P/IMG_1.DNG", "N", free);
		const jpeg = notePathFor("P/IMG_1.JPG", "N", free);
		expect(raw).not.toBe(jpeg);
	});

	it("tolerates slashes around the notes folder and an empty one (the vault root)", () => {
		expect(notePathFor("a.jpg", "/Notes/", free)).toBe("Notes/a.jpg.md");
		expect(notePathFor("P/a.jpg", "", free)).toBe("P/a.jpg.md");
	});

	it.each([
		["IMG#1.jpg", "IMG_1.jpg.md"],
		["a|b.jpg", "a_b.jpg.md"],
		["[x] ^y.jpg", "_x_ _y.jpg.md"],
		['q:"w"*?<>.jpg', "q__w_____.jpg.md"],
		["100%%.jpg", "100%.jpg.md"],
		["50% off.jpg", "50% off.jpg.md"],
		["line\nbreak\t.jpg", "line_break_.jpg.md"],
		[".hidden.jpg", "_hidden.jpg.md"],
		["..", "__.md"],
		["  padded  .jpg  ", "padded  .jpg.md"],
		["trailing.", "trailing_.md"],
		["CON.jpg", "_CON.jpg.md"],
		["lpt1", "_lpt1.md"],
		["東京タワー.jpg", "東京タワー.jpg.md"],
		["🎉 party 👨‍👩‍👧.jpg", "🎉 party 👨‍👩‍👧.jpg.md"],
	])("makes %j safe: %j", (name, expected) => {
		const path = notePathFor(`P/${name}`, "N", free);
		expect(path).toBe(`N/P/${expected}`);
		expectPortable(path);
	});

	it("makes hostile folder names safe too, and never climbs out of the notes folder", () => {
		const path = notePathFor("../#tag/. ./x:y/a.jpg", "N", free);
		expect(path).toBe("N/__/_tag/___/x_y/a.jpg.md");
		expectPortable(path);
	});

	it("composes a decomposed (macOS) name to NFC so every device sees one name", () => {
		expect(notePathFor("P/Cafe\u0301.jpg", "N", free)).toBe("N/P/Caf\u00e9.jpg.md");
	});

	it("shortens over-long names below the file-system limit, keeping the extension, without splitting a character", () => {
		const long = `${"写真".repeat(200)}.HEIC`;
		const path = notePathFor(`P/${long}`, "N", free);
		const name = path.split("/").pop() ?? "";
		expect(name.endsWith("….HEIC.md")).toBe(true);
		expect(name).not.toContain("\ufffd");
		expectPortable(path);
		expect(safeName(long)).toBe(safeName(long));
	});

	it("numbers colliding names before .md", () => {
		const taken = new Set(["N/P/a_b.jpg.md", "N/P/a_b.jpg (2).md"]);
		expect(notePathFor("P/a#b.jpg", "N", (p) => taken.has(p))).toBe("N/P/a_b.jpg (3).md");
	});

	it("asks about candidates in order and stops at the first free one", () => {
		const asked: string[] = [];
		notePathFor("P/a.jpg", "N", (p) => {
			asked.push(p);
			return asked.length < 2;
		});
		expect(asked).toEqual(["N/P/a.jpg.md", "N/P/a.jpg (2).md"]);
	});

	it("refuses an empty photo path with a clear message", () => {
		expect(() => notePathFor("", "N", free)).toThrow(/empty photo path/);
	});

	it("gives up with a clear message rather than looping forever", () => {
		expect(() => notePathFor("P/a.jpg", "N", () => true)).toThrow(/No free note name/);
	});
});

describe("notePathKey", () => {
	it("treats names that differ only in case or normalization as the same note", () => {
		expect(notePathKey("N/IMG_1.JPG.md")).toBe(notePathKey("n/img_1.jpg.md"));
		expect(notePathKey("Cafe\u0301.md")).toBe(notePathKey("caf\u00e9.md"));
	});
});
