/** Reading and comparing the values of a note's `tags` property as Obsidian does (with or without "#", case-insensitive, nested). */

/** A tag as written in a property, without the "#" and surrounding spaces. */
export function bareTag(value: string): string {
	return value.trim().replace(/^#+/, "");
}

/** The key two tags are compared by: Obsidian treats `#Family` and `#family` as one tag. */
export function tagKey(value: string): string {
	return bareTag(value).normalize("NFC").toLowerCase();
}

/**
 * The entries of a `tags` property: a YAML list as it is, a single string split at commas and spaces (how
 * Obsidian reads `tags: family, trip`), nothing for an absent or empty value. Null for a value that is not
 * a tag list at all (a map), which is then never rewritten.
 */
export function tagEntries(value: unknown): unknown[] | null {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return [...(value as unknown[])];
	if (typeof value === "string") return value.split(/[\s,]+/).filter((part) => part !== "");
	if (typeof value === "number") return [String(value)];
	return null;
}

/** The tags of a property value as bare strings, for matching (non-string entries left out). */
export function tagsOf(value: unknown): string[] {
	return (tagEntries(value) ?? [])
		.map((entry) => (typeof entry === "number" ? String(entry) : entry))
		.filter((entry): entry is string => typeof entry === "string")
		.map(bareTag)
		.filter((tag) => tag !== "");
}

/** Whether `tag` is `wanted` or nested under it: like Obsidian's `tag:#trip`, which also finds `#trip/rome`. */
export function tagMatches(tag: string, wanted: string): boolean {
	const a = tagKey(tag);
	const b = tagKey(wanted);
	return a === b || a.startsWith(`${b}/`);
}

/**
 * A tag typed by the user made valid for Obsidian: no "#", no spaces (they become "-"), none of the
 * characters a tag cannot hold. Null when nothing is left, or when it is all digits (Obsidian ignores those).
 */
export function cleanTag(value: string): string | null {
	const cleaned = bareTag(value)
		.normalize("NFC")
		.replace(/\s+/g, "-")
		.replace(/[^\p{L}\p{N}\p{Emoji_Presentation}_/-]+/gu, "")
		.replace(/\/{2,}/g, "/")
		.replace(/^\/+|\/+$/g, "");
	if (cleaned === "" || /^[\d/]+$/.test(cleaned)) return null;
	return cleaned;
}
