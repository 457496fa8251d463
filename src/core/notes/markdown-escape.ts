/** Makes any string (an EXIF lens name, a file name) inert inside one line of Markdown, e.g. a table cell. */

/** Line breaks of every kind, and other control characters: a newline inside a table cell ends the table. */
const BREAKS = /\r\n|[\p{Cc}\u2028\u2029]/gu;

/**
 * Characters that start Markdown or Obsidian syntax inside a line: emphasis (* _ ~ =), links and embeds
 * ([ ] !), tags (#), block ids (^), comments (%%), math ($), code (`), HTML and entities (< > &), table
 * cells (|) and the escape itself. Line-start syntax (headings, lists, "---") cannot occur: the text never
 * starts a line where this is used.
 */
const SPECIAL = /[\\`*_~=[\]!#^%$<>&|]/g;

/** The text with every break turned into a space and every special character backslash-escaped. */
export function escapeMarkdown(text: string): string {
	return text.replace(BREAKS, " ").trim().replace(SPECIAL, "\\$&");
}

/** Link text ("[text](…)"): only what would end the text early needs escaping; Obsidian shows the rest as is. */
export function escapeLinkText(text: string): string {
	return text.replace(BREAKS, " ").trim().replace(/[\\[\]]/g, "\\$&");
}
