/** The tags already used in the vault, most used first, for suggestions while tagging photos. */
import { getAllTags, type App, type MetadataCache } from "obsidian";
import { cleanTag } from "../../core/organize/tag-values";

/**
 * Obsidian's own tag counts (what the Tags pane shows) when the running version has them: obsidian.d.ts does
 * not declare `getTags`, so it is looked for, and the notes' cached tags are counted otherwise.
 */
function hasTagCounts(cache: MetadataCache): cache is MetadataCache & { getTags(): unknown } {
	return "getTags" in cache && typeof cache.getTags === "function";
}

function tagCounts(app: App): Record<string, number> {
	const cache = app.metadataCache;
	if (hasTagCounts(cache)) {
		const counts = cache.getTags();
		if (typeof counts === "object" && counts !== null) return counts as Record<string, number>;
	}
	const counts: Record<string, number> = {};
	for (const file of app.vault.getMarkdownFiles()) {
		const metadata = app.metadataCache.getFileCache(file);
		for (const tag of new Set((metadata ? getAllTags(metadata) : null) ?? [])) counts[tag] = (counts[tag] ?? 0) + 1;
	}
	return counts;
}

export function vaultTags(app: App): string[] {
	return Object.entries(tagCounts(app))
		.sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
		.map(([tag]) => tag.replace(/^#/, ""));
}

/** The tags typed in a field ("family, #trip/rome kids"): each made valid, duplicates dropped. */
export function typedTags(text: string): string[] {
	const seen = new Set<string>();
	const tags: string[] = [];
	for (const part of text.split(/[\s,]+/)) {
		const tag = cleanTag(part);
		if (tag === null || seen.has(tag.toLowerCase())) continue;
		seen.add(tag.toLowerCase());
		tags.push(tag);
	}
	return tags;
}
