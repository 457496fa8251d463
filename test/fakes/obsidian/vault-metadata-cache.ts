// The fake's MetadataCache: only the front matter, read from disk when asked (Obsidian's is filled in the background).
import * as fs from "node:fs";
import type { CachedMetadata, MetadataCache as RealMetadataCache } from "../../../node_modules/obsidian/obsidian";
import { Events } from "./vault-events";
import { TFile } from "./vault-files";
import type { Vault } from "./vault";
import { parseFrontMatter, splitNote } from "./vault-yaml";

type MetadataCachePart = Pick<RealMetadataCache, "getFileCache" | "getCache">;

/** Obsidian's getAllTags, for the front matter's `tags` only (the fake reads no tags in the text): "#"-prefixed. */
export function getAllTags(cache: CachedMetadata): string[] | null {
	const raw: unknown = cache.frontmatter?.tags;
	const list: unknown[] = Array.isArray(raw) ? (raw as unknown[]) : typeof raw === "string" ? raw.split(/[\s,]+/) : [];
	const tags = list.filter((t): t is string => typeof t === "string" && t !== "").map((t) => (t.startsWith("#") ? t : `#${t}`));
	return tags.length > 0 ? tags : null;
}

export class MetadataCache extends Events implements MetadataCachePart {
	constructor(private readonly vault: Vault) {
		super();
	}

	getFileCache(file: TFile): CachedMetadata | null {
		if (this.vault.getFileByPath(file.path) !== file) return null;
		if (file.extension !== "md") return {};
		const { yaml } = splitNote(fs.readFileSync(this.vault.adapter.getFullPath(file.path), "utf8"));
		if (yaml === null) return {};
		try {
			return { frontmatter: parseFrontMatter(yaml) };
		} catch {
			// Obsidian shows no properties for front matter it cannot parse; it does not throw.
			return {};
		}
	}

	/**
	 * Every tag of the vault with how many notes use it, keys "#"-prefixed: Obsidian has it (the tag pane uses
	 * it) though obsidian.d.ts does not declare it.
	 */
	getTags(): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const file of this.vault.markdownFilesInternal()) {
			const cache = this.getFileCache(file);
			for (const tag of (cache ? getAllTags(cache) : null) ?? []) counts[tag] = (counts[tag] ?? 0) + 1;
		}
		return counts;
	}

	getCache(path: string): CachedMetadata | null {
		const file = this.vault.getFileByPath(path);
		return file ? this.getFileCache(file) : null;
	}
}
