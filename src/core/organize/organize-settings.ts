/** The "organize" settings (automatic tags, albums): their shape, defaults and the clean-up of values read from data.json. */

/** The kinds of automatic tag, each switchable. */
export interface AutoTagKinds {
	/** `photo/2024/06`: year and month taken (Obsidian's nested tags make `#photo/2024` find the whole year). */
	date: boolean;
	/** `photo/camera/apple-iphone-15`. */
	camera: boolean;
	/** `photo/video`, `photo/raw`. */
	media: boolean;
	/** `photo/has-location` when the photo records where it was taken. */
	location: boolean;
}

export interface OrganizeSettings {
	/** Prefix of every automatic tag, ending in "/" ("photo/"). Tags of a managed shape under it belong to the index. */
	tagPrefix: string;
	autoTags: AutoTagKinds;
	/** Vault folder of the album notes. */
	albumsFolder: string;
}

export const DEFAULT_TAG_PREFIX = "photo/";

export const DEFAULT_ORGANIZE_SETTINGS: Readonly<OrganizeSettings> = Object.freeze({
	tagPrefix: DEFAULT_TAG_PREFIX,
	autoTags: Object.freeze({ date: true, camera: true, media: true, location: true }),
	albumsFolder: "Albums",
});

/**
 * A tag prefix Obsidian accepts as the start of a nested tag: no "#", no spaces, only letters, digits, "_",
 * "-" and "/" between non-empty parts, ending in "/". Null when nothing usable is left: an empty prefix would
 * make the user's own `#video` look like an automatic tag.
 */
export function cleanTagPrefix(value: string): string | null {
	const parts = value
		.trim()
		.replace(/^#+/, "")
		.split("/")
		.map((part) => part.normalize("NFC").replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, ""))
		.filter((part) => part !== "");
	if (parts.length === 0 || parts.every((part) => /^\d+$/.test(part))) return null;
	return `${parts.join("/")}/`;
}

function folderPath(value: string): string {
	return value.replace(/\\/g, "/").replace(/\/+/g, "/").replace(/^\/|\/$/g, "").trim();
}

function flag(value: unknown, fallback: boolean): boolean {
	return typeof value === "boolean" ? value : fallback;
}

function record(value: unknown): Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Settings from an untrusted object (data.json written by any version, or by hand): unknown keys dropped, bad values defaulted. */
export function normalizeOrganizeSettings(raw: unknown): OrganizeSettings {
	const source = record(raw);
	const kinds = record(source.autoTags);
	const d = DEFAULT_ORGANIZE_SETTINGS;
	const prefix = typeof source.tagPrefix === "string" ? cleanTagPrefix(source.tagPrefix) : null;
	const albums = typeof source.albumsFolder === "string" ? folderPath(source.albumsFolder) : "";
	return {
		tagPrefix: prefix ?? d.tagPrefix,
		autoTags: {
			date: flag(kinds.date, d.autoTags.date),
			camera: flag(kinds.camera, d.autoTags.camera),
			media: flag(kinds.media, d.autoTags.media),
			location: flag(kinds.location, d.autoTags.location),
		},
		albumsFolder: albums === "" || albums.split("/").some((part) => part.startsWith(".") || part === "..") ? d.albumsFolder : albums,
	};
}
