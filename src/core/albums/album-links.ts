/**
 * The links between photos and albums: the `albums` entry a photo's note gets ("[[Albums/Trip]]", which
 * Obsidian keeps up to date when the album note is renamed), reading any link form back to its target, and
 * resolving a target to an album note as Obsidian would (full path, else a unique file name).
 */
import { escapeLinkText } from "../notes/markdown-escape";
import { encodeLinkPath, isWikilinkSafe } from "../notes/photo-link";

function withoutMd(path: string): string {
	return path.replace(/\.md$/i, "");
}

function baseName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

/** The entry of a photo's `albums` property for the album note at `albumPath`. */
export function albumLink(albumPath: string): string {
	const target = withoutMd(albumPath);
	if (isWikilinkSafe(target)) return `[[${target}]]`;
	return `[${escapeLinkText(baseName(target))}](<${encodeLinkPath(albumPath)}>)`;
}

const WIKILINK = /^!?\[\[([^\]|#^]+)(?:[#^][^\]|]*)?(?:\|[^\]]*)?\]\]$/;
const MARKDOWN_LINK = /^!?\[(?:[^\]\\]|\\.)*\]\((?:<([^>]*)>|([^)\s]*))\)$/;

/**
 * What a property value links to: "[[Albums/Trip|Trip]]" → "Albums/Trip", "[Trip](<Albums/Trip.md>)" →
 * "Albums/Trip.md", plain text "Albums/Trip" (typed by hand) → itself. Null for anything else.
 */
export function linkTarget(value: unknown): string | null {
	if (typeof value !== "string") return null;
	const text = value.trim();
	if (text === "") return null;
	const wiki = WIKILINK.exec(text);
	if (wiki) return wiki[1]?.trim() || null;
	const markdown = MARKDOWN_LINK.exec(text);
	if (markdown) {
		const raw = markdown[1] ?? markdown[2] ?? "";
		try {
			return decodeURIComponent(raw) || null;
		} catch {
			return raw || null;
		}
	}
	return text.includes("[[") || text.includes("](") ? null : text;
}

/** Album note paths by what a link may name them: the full path (with or without ".md"), or the file name when only one album has it. */
export class AlbumResolver {
	private readonly byPath = new Map<string, string>();
	private readonly byName = new Map<string, string | null>();

	constructor(albumPaths: Iterable<string>) {
		for (const path of albumPaths) {
			this.byPath.set(withoutMd(path).toLowerCase(), path);
			const name = baseName(withoutMd(path)).toLowerCase();
			// Two albums with one name: a bare name is ambiguous and resolves to neither.
			this.byName.set(name, this.byName.has(name) ? null : path);
		}
	}

	/** The album note a property entry links to, or null when it names no album. */
	resolve(entry: unknown): string | null {
		const target = linkTarget(entry);
		if (target === null) return null;
		const key = withoutMd(target.replace(/^\/+/, "")).toLowerCase();
		const exact = this.byPath.get(key);
		if (exact !== undefined) return exact;
		return key.includes("/") ? null : (this.byName.get(key) ?? null);
	}
}
