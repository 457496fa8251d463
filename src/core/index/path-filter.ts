/** Which vault paths are photos to index: inside a photo folder, a known extension, not excluded. */
import type { IndexSettings } from "../settings";

/** A glob over "/"-separated paths: `**` spans folders, `*` and `?` stay inside one name. */
export function globToRegExp(glob: string): RegExp {
	let source = "";
	for (let i = 0; i < glob.length; i++) {
		const c = glob.charAt(i);
		if (c === "*") {
			if (glob.charAt(i + 1) === "*") {
				// "**/" also matches no folder at all, so "**/x.jpg" matches "x.jpg".
				const slash = glob.charAt(i + 2) === "/";
				source += slash ? "(?:.*/)?" : ".*";
				i += slash ? 2 : 1;
			} else {
				source += "[^/]*";
			}
		} else if (c === "?") {
			source += "[^/]";
		} else {
			source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
		}
	}
	return new RegExp(`^${source}$`, "i");
}

export function extensionOf(path: string): string {
	const dot = path.lastIndexOf(".");
	// No dot in the name, or only a leading one (".jpg" is a hidden file's name, not an extension).
	if (dot <= path.lastIndexOf("/") + 1) return "";
	return path.slice(dot + 1).toLowerCase();
}

export type PathFilter = (path: string) => boolean;

export function createPathFilter(settings: Pick<IndexSettings, "photoFolders" | "extensions" | "exclusions" | "notesFolder">): PathFilter {
	const extensions = new Set(settings.extensions);
	const exclusions = settings.exclusions.map(globToRegExp);
	// A bare folder name in the exclusions ("Photos/Private") means everything under it, as users expect.
	const excludedFolders = settings.exclusions.filter((e) => !/[*?]/.test(e)).map((e) => e.replace(/\/+$/, "") + "/");
	const folders = settings.photoFolders.map((f) => (f === "" ? "" : f + "/"));
	const notesPrefix = settings.notesFolder + "/";
	// Asked once per file of the library on every rescan: no allocation on the way to "yes".
	return (path) => {
		if (!extensions.has(extensionOf(path))) return false;
		if (!folders.some((f) => path.startsWith(f))) return false;
		if (path.startsWith(notesPrefix)) return false;
		if (path.startsWith(".") || path.includes("/.")) return false;
		if (excludedFolders.some((f) => path.startsWith(f))) return false;
		return !exclusions.some((re) => re.test(path));
	};
}
