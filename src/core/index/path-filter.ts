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
	const name = path.slice(path.lastIndexOf("/") + 1);
	const dot = name.lastIndexOf(".");
	return dot <= 0 ? "" : name.slice(dot + 1).toLowerCase();
}

export type PathFilter = (path: string) => boolean;

export function createPathFilter(settings: Pick<IndexSettings, "photoFolders" | "extensions" | "exclusions" | "notesFolder">): PathFilter {
	const extensions = new Set(settings.extensions);
	const exclusions = settings.exclusions.map(globToRegExp);
	// A bare folder name in the exclusions ("Photos/Private") means everything under it, as users expect.
	const excludedFolders = settings.exclusions.filter((e) => !/[*?]/.test(e)).map((e) => e.replace(/\/+$/, "") + "/");
	const folders = settings.photoFolders.map((f) => (f === "" ? "" : f + "/"));
	const notesPrefix = settings.notesFolder + "/";
	return (path) => {
		if (!extensions.has(extensionOf(path))) return false;
		if (!folders.some((f) => path.startsWith(f))) return false;
		if (path.startsWith(notesPrefix)) return false;
		if (path.split("/").some((part) => part.startsWith("."))) return false;
		if (excludedFolders.some((f) => path.startsWith(f))) return false;
		return !exclusions.some((re) => re.test(path));
	};
}
