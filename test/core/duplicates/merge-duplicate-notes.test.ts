// What "keep this one" carries from the other copies' notes: tags, albums, the user's other properties and text.
import { describe, expect, it } from "vitest";
import { appendMergedText, mergeUserProperties, userText, type MergedNote } from "../../../src/core/duplicates/merge-duplicate-notes";
import { SECTION_BEGIN, SECTION_END } from "../../../src/core/notes/generated-section";

const section = `${SECTION_BEGIN}\n![[Photos/b.jpg]]\n\n| Detail | Value |\n${SECTION_END}`;

function other(photoPath: string, properties: Record<string, unknown>, body: string): MergedNote {
	return { photoPath, properties, body };
}

describe("merging duplicate notes", () => {
	it("joins tags (as Obsidian compares them) and albums (by target), and leaves managed properties alone", () => {
		const kept: Record<string, unknown> = { sha256: "aaa", make: "Canon", tags: ["family", "photo/2024/06"], albums: ["[[Albums/Summer]]"] };
		const conflicts = mergeUserProperties(kept, [
			other("Photos/b.jpg", { sha256: "bbb", make: "Apple", tags: ["#Family", "beach"], albums: ["[[Albums/Summer|Summer 2024]]", "[[Albums/Best]]"] }, ""),
			other("Photos/c.jpg", { tags: "grandma", albums: null }, ""),
		]);
		expect(kept).toEqual({
			sha256: "aaa",
			make: "Canon",
			tags: ["family", "photo/2024/06", "beach", "grandma"],
			albums: ["[[Albums/Summer]]", "[[Albums/Best]]"],
		});
		expect(conflicts).toEqual([[], []]);
	});

	it("adds the user's other properties the kept note lacks, joins lists, and reports values it cannot merge", () => {
		const kept: Record<string, unknown> = { rating: 4, people: ["Ann"], caption: "" };
		const conflicts = mergeUserProperties(kept, [other("Photos/b.jpg", { rating: 5, people: ["Bob", "Ann"], caption: "At the lake", place: "Lake Bled" }, "")]);
		expect(kept).toEqual({ rating: 4, people: ["Ann", "Bob"], caption: "At the lake", place: "Lake Bled" });
		expect(conflicts).toEqual([["rating: 5"]]);
	});

	it("takes the user's text outside the generated section", () => {
		expect(userText(`Before\n\n${section}\n\nGrandma's 80th birthday.\n`)).toBe("Before\n\nGrandma's 80th birthday.");
		expect(userText(`${section}\n`)).toBe("");
		expect(userText("No markers at all.\r\n")).toBe("No markers at all.");
		// The heading every new note starts with is not the user's.
		expect(userText(`${section}\n\n## Notes\n\n`)).toBe("");
		expect(userText(`${section}\n\n## Notes\n\nA windy day.\n`)).toBe("A windy day.");
	});

	it("appends each other note's text under a heading naming it, once, and never text the kept note has", () => {
		const kept = `${section}\n\nOur trip.\n`;
		const others = [
			other("Photos/b.jpg", {}, `${section}\n\nGrandma's 80th birthday.\n`),
			other("Photos/c #2.jpg", {}, `${section}\n\nOur trip.\n`),
			other("Photos/d.jpg", {}, section),
		];
		const merged = appendMergedText(kept, others, [[], ["rating: 5"], []]);
		expect(merged).toBe(
			`${section}\n\nOur trip.\n\n## From the note of Photos/b.jpg\n\nGrandma's 80th birthday.\n\n` +
				"## From the note of Photos/c \\#2.jpg\n\nProperties of that copy that differ from this note's:\n\n- rating: 5\n",
		);
		// Applied again (the note store may run an edit twice, or the user keeps again): nothing more.
		expect(appendMergedText(merged, others, [[], ["rating: 5"], []])).toBe(merged);
	});

	it("keeps the kept note's Windows line endings", () => {
		const merged = appendMergedText("Mine.\r\n", [other("Photos/b.jpg", {}, "Theirs.\n")], [[]]);
		expect(merged).toBe("Mine.\r\n\r\n## From the note of Photos/b.jpg\r\n\r\nTheirs.\r\n");
	});
});
