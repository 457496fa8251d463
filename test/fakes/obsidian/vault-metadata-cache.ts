// The fake's MetadataCache: only the front matter, read from disk when asked (Obsidian's is filled in the background).
import * as fs from "node:fs";
import type { CachedMetadata, MetadataCache as RealMetadataCache } from "../../../node_modules/obsidian/obsidian";
import { Events } from "./vault-events";
import { TFile } from "./vault-files";
import type { Vault } from "./vault";
import { parseFrontMatter, splitNote } from "./vault-yaml";

type MetadataCachePart = Pick<RealMetadataCache, "getFileCache" | "getCache">;

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

	getCache(path: string): CachedMetadata | null {
		const file = this.vault.getFileByPath(path);
		return file ? this.getFileCache(file) : null;
	}
}
