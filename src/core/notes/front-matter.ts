/** Splits a note's text into its front matter (the YAML between "---" lines) and its body, and joins them back. */

export interface NoteParts {
	/** The YAML text between the delimiter lines, each line ending in a newline; null when the note has none. */
	frontMatter: string | null;
	/** Everything after the closing delimiter line. */
	body: string;
	/** Offset in the text where the body starts: the front matter block, delimiters included, is text.slice(0, bodyStart). */
	bodyStart: number;
	/** The line ending the note uses ("\r\n" when its first line ends so), for writing it back alike. */
	eol: "\n" | "\r\n";
}

/** "---" alone on a line; like Obsidian, trailing spaces are tolerated. */
const DELIMITER = /^---[ \t]*$/;

/**
 * Front matter exists only when the very first line is "---" and a later line closes it with "---", as
 * Obsidian reads it. An unclosed block is not front matter: the whole text is body, so nothing in it is
 * mistaken for properties or dropped.
 */
export function splitFrontMatter(text: string): NoteParts {
	const firstBreak = text.indexOf("\n");
	const eol = firstBreak > 0 && text.charAt(firstBreak - 1) === "\r" ? "\r\n" : "\n";
	const none: NoteParts = { frontMatter: null, body: text, bodyStart: 0, eol };
	if (firstBreak < 0 || !DELIMITER.test(stripCr(text.slice(0, firstBreak)))) return none;
	let start = firstBreak + 1;
	while (start <= text.length) {
		const next = text.indexOf("\n", start);
		const end = next < 0 ? text.length : next;
		if (DELIMITER.test(stripCr(text.slice(start, end)))) {
			const bodyStart = next < 0 ? text.length : next + 1;
			return { frontMatter: text.slice(firstBreak + 1, start), body: text.slice(bodyStart), bodyStart, eol };
		}
		if (next < 0) break;
		start = next + 1;
	}
	return none;
}

function stripCr(line: string): string {
	return line.endsWith("\r") ? line.slice(0, -1) : line;
}

/** Whether `body` would be read as front matter if written at the top of a note without any. */
export function looksLikeFrontMatter(body: string): boolean {
	return splitFrontMatter(body).frontMatter !== null;
}

/**
 * The note text for YAML `frontMatter` (null: none) and `body`. A body that itself begins with a "---"
 * block gets an empty front matter above it, or a reader would take the user's block for properties.
 */
export function joinFrontMatter(frontMatter: string | null, body: string, eol: "\n" | "\r\n" = "\n"): string {
	if (frontMatter === null && !looksLikeFrontMatter(body)) return body;
	let yaml = (frontMatter ?? "").replace(/\r?\n/g, eol);
	if (yaml !== "" && !yaml.endsWith(eol)) yaml += eol;
	return `---${eol}${yaml}---${eol}${body}`;
}
