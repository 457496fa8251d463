import { describe, expect, it } from "vitest";
import { LineReader } from "../../../src/core/util/line-reader";

function allLines(reader: LineReader): string[] {
	const lines: string[] = [];
	for (let line = reader.next(); line !== null; line = reader.next()) lines.push(line);
	return lines;
}

describe("LineReader", () => {
	it("reads the same lines from UTF-8 bytes, across megabyte chunks and multi-byte characters, as from the text", () => {
		const lines = Array.from({ length: 40_000 }, (_, i) => `["Photos/Été 日本/${i}.jpg",${i},"${"é".repeat(i % 50)}"]`);
		const text = lines.join("\n") + "\n";
		const fromBytes = new LineReader(new TextEncoder().encode(text));
		expect(allLines(fromBytes)).toEqual(lines);
		expect(fromBytes.unterminated).toBe(false);
		expect(allLines(new LineReader(text))).toEqual(lines);
	});

	it("reads a line longer than a chunk whole", () => {
		const long = "x".repeat(3 << 20);
		expect(allLines(new LineReader(new TextEncoder().encode(`a\n${long}\nb\n`)))).toEqual(["a", long, "b"]);
	});

	it("says when text follows the last line break (a file cut short)", () => {
		for (const content of ["a\nb", new TextEncoder().encode("a\nb")]) {
			const reader = new LineReader(content);
			expect(allLines(reader)).toEqual(["a"]);
			expect(reader.unterminated).toBe(true);
		}
		const empty = new LineReader(new Uint8Array(0));
		expect(empty.next()).toBeNull();
		expect(empty.unterminated).toBe(false);
	});
});
