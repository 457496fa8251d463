/** Puts a freshly rendered generated section into an existing note body, leaving the user's text as it was. */
import { SECTION_END } from "./generated-section";

const BEGIN_LINE = /^<!-- photo-archivist:begin\b.*-->[ \t]*$/;
const END_LINE = /^<!-- photo-archivist:end\b.*-->[ \t]*$/;

interface Span {
	/** Offset of the begin marker line. */
	start: number;
	/** Offset just after the end marker (before its line break). */
	end: number;
}

/** The first begin marker line and the first end marker line after it, or null when there is no such pair. */
export function findGeneratedSection(body: string): Span | null {
	let start = -1;
	let offset = 0;
	while (offset <= body.length) {
		const next = body.indexOf("\n", offset);
		const lineEnd = next < 0 ? body.length : next;
		const contentEnd = lineEnd > offset && body.charAt(lineEnd - 1) === "\r" ? lineEnd - 1 : lineEnd;
		const line = body.slice(offset, contentEnd);
		if (start < 0 && BEGIN_LINE.test(line)) start = offset;
		else if (start >= 0 && END_LINE.test(line)) return { start, end: contentEnd };
		if (next < 0) break;
		offset = next + 1;
	}
	return null;
}

/**
 * `body` with the text from its begin marker line through its end marker line replaced by `section`;
 * everything outside is kept byte for byte, and the section takes the body's line endings (CRLF or LF).
 * When the markers are missing or broken (the user deleted one, or pasted them out of order), nothing is
 * removed: the fresh section goes at the top of the body, where a new note has it, followed by a blank
 * line and the whole old body. Leftover stray markers stay where the user left them; the next run finds
 * the fresh pair first, so applying the same section again changes nothing.
 */
export function replaceGeneratedSection(body: string, section: string): string {
	// Any begin marker line will do: album notes name their own gallery in theirs.
	const firstLine = section.split("\n", 1)[0] ?? "";
	if (!BEGIN_LINE.test(firstLine) || !section.endsWith(SECTION_END)) {
		throw new Error("replaceGeneratedSection: the section must start and end with its markers");
	}
	const eol = body.includes("\r\n") ? "\r\n" : "\n";
	const fresh = section.replace(/\r?\n/g, eol);
	const span = findGeneratedSection(body);
	if (span !== null) return body.slice(0, span.start) + fresh + body.slice(span.end);
	return body === "" ? `${fresh}${eol}` : `${fresh}${eol}${eol}${body}`;
}
