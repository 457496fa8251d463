import { describe, expect, it } from "vitest";
import { joinFrontMatter, splitFrontMatter } from "../../../src/core/notes/front-matter";

describe("splitFrontMatter", () => {
	it("splits a note whose first line opens front matter", () => {
		const parts = splitFrontMatter("---\na: 1\nb: x\n---\n# Title\n");
		expect(parts).toEqual({ frontMatter: "a: 1\nb: x\n", body: "# Title\n", bodyStart: 18, eol: "\n" });
	});

	it("handles CRLF notes and reports their line ending", () => {
		const text = "---\r\na: 1\r\n---\r\nbody\r\n";
		const parts = splitFrontMatter(text);
		expect(parts.frontMatter).toBe("a: 1\r\n");
		expect(parts.body).toBe("body\r\n");
		expect(parts.eol).toBe("\r\n");
		expect(text.slice(parts.bodyStart)).toBe(parts.body);
	});

	it("reads empty front matter, and a closing line at the very end", () => {
		expect(splitFrontMatter("---\n---\n")).toMatchObject({ frontMatter: "", body: "" });
		expect(splitFrontMatter("---\na: 1\n---")).toMatchObject({ frontMatter: "a: 1\n", body: "" });
		expect(splitFrontMatter("---  \na: 1\n---\t\nx")).toMatchObject({ frontMatter: "a: 1\n", body: "x" });
	});

	it("finds none without an opening line at the very start", () => {
		for (const text of ["", "body", "\n---\na: 1\n---\n", " ---\na: 1\n---\n", "----\na: 1\n----\n", "---"]) {
			expect(splitFrontMatter(text)).toMatchObject({ frontMatter: null, body: text, bodyStart: 0 });
		}
	});

	it("treats an unterminated block as body, so nothing in it is lost or read as properties", () => {
		const text = "---\na: 1\nno closing line\n";
		expect(splitFrontMatter(text)).toMatchObject({ frontMatter: null, body: text });
	});

	it("closes at the first delimiter: a later '---' belongs to the body", () => {
		expect(splitFrontMatter("---\na: 1\n---\ntext\n---\nmore")).toMatchObject({ frontMatter: "a: 1\n", body: "text\n---\nmore" });
	});
});

describe("joinFrontMatter", () => {
	it("puts YAML between delimiters and round-trips with splitFrontMatter", () => {
		const text = joinFrontMatter("a: 1\n", "body\n");
		expect(text).toBe("---\na: 1\n---\nbody\n");
		expect(splitFrontMatter(text)).toMatchObject({ frontMatter: "a: 1\n", body: "body\n" });
	});

	it("writes the requested line ending and adds a missing final newline", () => {
		expect(joinFrontMatter("a: 1\nb: 2", "x", "\r\n")).toBe("---\r\na: 1\r\nb: 2\r\n---\r\nx");
	});

	it("leaves a body alone when there are no properties", () => {
		expect(joinFrontMatter(null, "just text\n")).toBe("just text\n");
	});

	it("guards a body that starts with its own '---' block with an empty front matter", () => {
		const body = "---\nnot: properties\n---\n";
		const text = joinFrontMatter(null, body);
		expect(splitFrontMatter(text)).toMatchObject({ frontMatter: "", body });
	});
});
