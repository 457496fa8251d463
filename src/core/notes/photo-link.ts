/**
 * The link from a note to its photo. A wikilink with the full vault path ("[[Photos/2024/IMG_1.HEIC]]") is
 * what Obsidian users expect and what it keeps up to date on rename, so it is used whenever the path can
 * sit inside one. Wikilinks have no escape syntax: "#" starts a heading reference, "^" a block reference,
 * "|" an alias, "]]" ends the link, "%%" opens a comment. For such paths the link is a Markdown link whose
 * destination is percent-encoded and wrapped in <…>, which Obsidian accepts for vault files. It is not
 * updated on rename the way a wikilink is; the next index run rewrites it (it is a managed property).
 */
import { escapeLinkText } from "./markdown-escape";

/** Characters a wikilink cannot hold, plus "`" and "$" which could pair up with code or math around it. */
const WIKILINK_UNSAFE = /[[\]|#^<>`$\p{Cc}\u2028\u2029]|%%|^\s|\s$|\s\/|\/\s/u;

export function isWikilinkSafe(path: string): boolean {
	return path !== "" && !WIKILINK_UNSAFE.test(path);
}

/** The link for the `photo` property. */
export function photoLink(path: string): string {
	if (isWikilinkSafe(path)) return `[[${path}]]`;
	return `[${escapeLinkText(fileName(path))}](<${encodeLinkPath(path)}>)`;
}

/** The embed that shows the photo in the note's body. */
export function photoEmbed(path: string): string {
	if (isWikilinkSafe(path)) return `![[${path}]]`;
	return `![](<${encodeLinkPath(path)}>)`;
}

/**
 * Percent-encodes everything but unreserved ASCII, "/" and printable non-ASCII: letters of any script stay
 * readable in the source view, while every character Markdown or a URL could read as syntax is encoded.
 */
export function encodeLinkPath(path: string): string {
	let out = "";
	for (const char of path) {
		if (/^[A-Za-z0-9\-._~/]$/.test(char) || /^[^\p{ASCII}\p{C}\p{Z}]$/u.test(char)) {
			out += char;
		} else {
			out += encodeChar(char);
		}
	}
	return out;
}

function encodeChar(char: string): string {
	const code = char.charCodeAt(0);
	// encodeURIComponent leaves ! ' ( ) * as they are; a Markdown destination is safer with them encoded.
	if (code < 0x80) return `%${code.toString(16).toUpperCase().padStart(2, "0")}`;
	try {
		return encodeURIComponent(char);
	} catch {
		// A lone surrogate (a file name that was not valid UTF-16) has no UTF-8 form: encode U+FFFD.
		return "%EF%BF%BD";
	}
}

function fileName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}
