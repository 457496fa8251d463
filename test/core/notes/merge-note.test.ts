import { describe, expect, it } from "vitest";
import { SECTION_BEGIN, SECTION_END } from "../../../src/core/notes/generated-section";
import { findGeneratedSection, replaceGeneratedSection } from "../../../src/core/notes/merge-note";

const OLD = `${SECTION_BEGIN}\nold table\n${SECTION_END}`;
const NEW = `${SECTION_BEGIN}\n| Detail | Value |\n| --- | --- |\n| Taken | now |\n${SECTION_END}`;

describe("replaceGeneratedSection", () => {
	it("replaces only what is between the markers; text above and below survives byte for byte", () => {
		const above = "My trip to Paris!  \n\n> quote\n";
		const below = "\n\n## Notes\n\nMy text with [[links]] and trailing spaces   \n\n\n";
		expect(replaceGeneratedSection(above + OLD + below, NEW)).toBe(above + NEW + below);
	});

	it("keeps text touching the markers on the neighbouring lines", () => {
		const body = `right above\n${OLD}\nright below`;
		expect(replaceGeneratedSection(body, NEW)).toBe(`right above\n${NEW}\nright below`);
	});

	it("accepts marker lines with trailing spaces and CRLF, and writes the section with the note's line endings", () => {
		const body = `above\r\n${SECTION_BEGIN}  \r\nold\r\n${SECTION_END}\t\r\nbelow\r\n`;
		const merged = replaceGeneratedSection(body, NEW);
		expect(merged).toBe(`above\r\n${NEW.replace(/\n/g, "\r\n")}\r\nbelow\r\n`);
		expect(merged.replace(/\r\n/g, "")).not.toContain("\n");
	});

	it("is idempotent", () => {
		const bodies = ["", "text only", `a\n${OLD}\nb`, `${SECTION_END}\nx\n${SECTION_BEGIN}\n`, `x\n${SECTION_BEGIN}\nno end`];
		for (const body of bodies) {
			const once = replaceGeneratedSection(body, NEW);
			expect(replaceGeneratedSection(once, NEW)).toBe(once);
		}
	});

	it("inserts a fresh section at the top when the markers are gone, keeping all the user's text", () => {
		const body = "My notes, markers deleted.\n";
		expect(replaceGeneratedSection(body, NEW)).toBe(`${NEW}\n\n${body}`);
		expect(replaceGeneratedSection("", NEW)).toBe(`${NEW}\n`);
	});

	it.each([
		["the end marker deleted", `intro\n${SECTION_BEGIN}\nold table\n\n## Notes\nmine\n`],
		["the begin marker deleted", `intro\nold table\n${SECTION_END}\n## Notes\nmine\n`],
		["markers in the wrong order", `${SECTION_END}\nmine\n${SECTION_BEGIN}\n`],
	])("destroys nothing with %s", (_case, body) => {
		const merged = replaceGeneratedSection(body, NEW);
		expect(merged.endsWith(body)).toBe(true);
		expect(merged.startsWith(NEW)).toBe(true);
	});

	it("does not take a marker quoted inside a line for a marker", () => {
		const body = `See \`${SECTION_BEGIN}\` above.\n`;
		expect(findGeneratedSection(body)).toBeNull();
		expect(replaceGeneratedSection(body, NEW).endsWith(body)).toBe(true);
	});

	it("replaces the first section and leaves a duplicate the user pasted below", () => {
		const body = `${OLD}\nmiddle\n${OLD}\n`;
		expect(replaceGeneratedSection(body, NEW)).toBe(`${NEW}\nmiddle\n${OLD}\n`);
	});

	it("refuses a section without its markers, which would be lost on the next run", () => {
		expect(() => replaceGeneratedSection("x", "no markers")).toThrow(/markers/);
	});
});
