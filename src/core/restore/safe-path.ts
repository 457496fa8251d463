/**
 * Checks a path that came from a manifest or a server before anything is written there: it must name a
 * file strictly inside the destination, whatever the host (POSIX, Windows, Android) makes of it.
 */

/** Characters that read as a slash or a dot to a person or to some file system, but are not "/" or ".". */
const LOOKALIKES = /[\u2024\u2025\u2026\u2044\u2215\u2216\u29F8\u29F9\uFE52\uFE68\uFF0E\uFF0F\uFF3C]/u;
/** Bidirectional overrides and invisible characters, which can disguise a name. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** C0 and C1 control characters (NUL included), checked by code so the pattern above holds none. */
function hasControl(path: string): boolean {
	for (let i = 0; i < path.length; i++) {
		const code = path.charCodeAt(i);
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
	}
	return false;
}
/** Percent-encoded ".", "/", "\" or NUL, also double-encoded ("%252e"): a decoder further on would produce traversal. */
const ENCODED = /%(25)*(2e|2f|5c|00)/i;
const DRIVE = /^[a-z]:/i;
/** Names Windows reserves: writing "CON.jpg" there opens a device, not a file. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * Why `path` may not be written to, in plain words; null when it is a safe relative path. Hidden names
 * (a segment starting with ".") are refused as well: photos are never hidden, and ".obsidian" holds the
 * vault's settings and plugins' code, which a hostile manifest must not be able to reach.
 */
export function unsafePathReason(path: string): string | null {
	if (path === "") return "the path is empty";
	if (hasControl(path) || INVISIBLE.test(path)) return "the path holds control or invisible characters";
	if (ENCODED.test(path)) return "the path holds a percent-encoded dot, slash or NUL";
	const reason = structuralReason(path);
	if (reason !== null) return reason;
	// Full-width dots and slashes become "." and "/" under compatibility normalization, which some hosts apply.
	if (LOOKALIKES.test(path) || structuralReason(path.normalize("NFKC")) !== null) {
		return "the path holds characters that imitate dots or slashes";
	}
	return null;
}

function structuralReason(path: string): string | null {
	if (path.includes("\\")) return "the path holds a backslash";
	if (path.startsWith("/")) return "the path is absolute";
	if (DRIVE.test(path)) return "the path starts with a drive letter";
	for (const segment of path.split("/")) {
		if (segment === "") return "the path has an empty folder name";
		if (segment === "." || segment === "..") return "the path leads out of its folder (\"..\")";
		if (segment.startsWith(".")) return "the path names a hidden file or folder";
		if (segment.endsWith(".") || segment.endsWith(" ")) return "a name ends with a dot or a space, which Windows drops";
		if (segment.includes(":")) return "a name holds \":\"";
		if (RESERVED.test(segment)) return `"${segment}" is a device name on Windows`;
	}
	return null;
}

/** `folder` ("" for the root) joined with a checked relative path. */
export function joinInside(folder: string, path: string): string {
	const base = folder.replace(/^\/+|\/+$/g, "");
	return base === "" ? path : `${base}/${path}`;
}
