/** The index and note settings: their shape, defaults and the clean-up of values read from data.json. */

export const DEFAULT_EXTENSIONS: readonly string[] = [
	"jpg", "jpeg", "heic", "heif", "png", "tif", "tiff", "avif", "webp", "gif",
	"dng", "cr2", "cr3", "nef", "arw", "orf", "rw2", "raf",
	"mov", "mp4", "m4v", "3gp",
];

export interface IndexSettings {
	/** Vault folders whose photos are indexed, recursively. */
	photoFolders: string[];
	/** Where the notes go; a photo at Photos/2024/a.jpg gets its note at <notesFolder>/Photos/2024/a.jpg.md. */
	notesFolder: string;
	/** Lower-case file extensions without the dot. */
	extensions: string[];
	/**
	 * Paths to leave out: glob patterns over vault-relative paths, where `*` matches within one folder
	 * name and `**` across folders ("Photos/Private/**", "**\/*.tmp.jpg").
	 */
	exclusions: string[];
	/** Index new and renamed photos as they appear (inside Obsidian). */
	autoIndex: boolean;
}

export const DEFAULT_INDEX_SETTINGS: Readonly<IndexSettings> = Object.freeze({
	photoFolders: ["Photos"],
	notesFolder: "Photo Notes",
	extensions: [...DEFAULT_EXTENSIONS],
	exclusions: [],
	autoIndex: true,
});

function stringList(value: unknown, fallback: readonly string[]): string[] {
	if (!Array.isArray(value)) return [...fallback];
	return value.filter((v): v is string => typeof v === "string").map((v) => v.trim()).filter((v) => v !== "");
}

function folderPath(value: string): string {
	return value.replace(/\\/g, "/").replace(/\/+/g, "/").replace(/^\/|\/$/g, "");
}

/** Settings from an untrusted object (data.json written by any version, or by hand): unknown keys dropped, bad values defaulted. */
export function normalizeIndexSettings(raw: unknown): IndexSettings {
	const source = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
	const d = DEFAULT_INDEX_SETTINGS;
	const notesFolder = typeof source.notesFolder === "string" ? folderPath(source.notesFolder) : "";
	return {
		photoFolders: stringList(source.photoFolders, d.photoFolders).map(folderPath),
		notesFolder: notesFolder === "" ? d.notesFolder : notesFolder,
		extensions: stringList(source.extensions, d.extensions).map((e) => e.replace(/^\./, "").toLowerCase()),
		exclusions: stringList(source.exclusions, d.exclusions),
		autoIndex: typeof source.autoIndex === "boolean" ? source.autoIndex : d.autoIndex,
	};
}
