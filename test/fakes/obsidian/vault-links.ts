// The link rewriting of the fake's FileManager.renameFile: wikilinks and Markdown links that name a moved file by its full path.

/** `text` with every link to `oldPath` pointing at `newPath` instead; other text is kept byte for byte. */
export function rewriteLinks(text: string, oldPath: string, newPath: string): string {
	return rewriteMarkdownLinks(rewriteWikilinks(text, oldPath, newPath), oldPath, newPath);
}

// [[target]], [[target#heading]], [[target|alias]], and the same as embeds (![[…]]).
const WIKILINK = /\[\[([^\]|#^\n]+)([#^][^\]|\n]*)?(\|[^\]\n]*)?\]\]/g;

function rewriteWikilinks(text: string, oldPath: string, newPath: string): string {
	return text.replace(WIKILINK, (whole, target: string, sub: string | undefined, alias: string | undefined) => {
		const replacement = replaceTarget(target, oldPath, newPath);
		return replacement === null ? whole : `[[${replacement}${sub ?? ""}${alias ?? ""}]]`;
	});
}

// [text](<path with spaces>) and [text](path%20encoded), optionally embeds.
const MARKDOWN_LINK = /(\[[^\]\n]*\]\()(<[^>\n]*>|[^)\s]+)\)/g;

function rewriteMarkdownLinks(text: string, oldPath: string, newPath: string): string {
	return text.replace(MARKDOWN_LINK, (whole, head: string, destination: string) => {
		const angled = destination.startsWith("<");
		const raw = angled ? destination.slice(1, -1) : destination;
		const target = safeDecode(raw);
		const replacement = target === null ? null : replaceTarget(target, oldPath, newPath);
		if (replacement === null) return whole;
		const encoded = encodePath(replacement);
		return `${head}${angled ? `<${encoded}>` : encoded})`;
	});
}

/** The new link target when `target` names `oldPath` (a Markdown note may be named without ".md"); else null. */
function replaceTarget(target: string, oldPath: string, newPath: string): string | null {
	if (target === oldPath) return newPath;
	if (oldPath.endsWith(".md") && target === oldPath.slice(0, -3)) return newPath.replace(/\.md$/, "");
	return null;
}

function safeDecode(value: string): string | null {
	try {
		return decodeURIComponent(value);
	} catch {
		return null;
	}
}

function encodePath(path: string): string {
	return encodeURI(path).replace(/[#?()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
