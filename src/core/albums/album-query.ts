/**
 * A search over the photo notes' properties: the query behind "Create album from search" and behind a smart
 * album, which keeps it in its own properties (`smart_from`, `smart_to`, `smart_tags`, `smart_camera`,
 * `smart_location`, `smart_folder`) so the user can read and edit it in the Properties panel.
 */
import type { PhotoRecord } from "../model/photo-record";
import { finite } from "../notes/format-values";
import type { Properties } from "../ports/note-store";
import { cameraSlug } from "../organize/auto-tags";
import { tagMatches, tagsOf } from "../organize/tag-values";

export interface AlbumQuery {
	/** Taken on or after this day: "YYYY-MM-DD", or "YYYY-MM" / "YYYY" for the start of that month or year. */
	from?: string;
	/** Taken on or before this day: "YYYY-MM-DD", or "YYYY-MM" / "YYYY" for the whole of that month or year. */
	to?: string;
	/** Every one of these tags (a tag also finds its nested tags: "trip" finds "trip/rome"). */
	tags?: string[];
	/** Words that must all appear in the camera's maker and model ("iphone 15"). */
	camera?: string;
	/** true: only photos that record where they were taken; false: only those that do not. */
	location?: boolean;
	/** Only photos under this vault folder. */
	folder?: string;
}

export const SMART_PROPERTY = {
	from: "smart_from",
	to: "smart_to",
	tags: "smart_tags",
	camera: "smart_camera",
	location: "smart_location",
	folder: "smart_folder",
} as const;

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A date bound as the query keeps it, from text or from a YAML date; null when it is not one. */
export function dateBound(value: unknown): string | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
	if (typeof value === "number" && Number.isInteger(value)) return dateBound(String(value));
	if (typeof value !== "string") return null;
	const text = value.trim();
	return PARTIAL_DATE.test(text) ? text : null;
}

function text(value: unknown): string | null {
	return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** The query of a smart album's properties, or null when the note holds none (a list album). */
export function queryFromProperties(properties: Properties): AlbumQuery | null {
	const names: readonly string[] = Object.values(SMART_PROPERTY);
	if (!Object.keys(properties).some((key) => names.includes(key))) return null;
	const query: AlbumQuery = {};
	const from = dateBound(properties[SMART_PROPERTY.from]);
	const to = dateBound(properties[SMART_PROPERTY.to]);
	const tags = tagsOf(properties[SMART_PROPERTY.tags]);
	const camera = text(properties[SMART_PROPERTY.camera]);
	const location = properties[SMART_PROPERTY.location];
	const folder = text(properties[SMART_PROPERTY.folder]);
	if (from !== null) query.from = from;
	if (to !== null) query.to = to;
	if (tags.length > 0) query.tags = tags;
	if (camera !== null) query.camera = camera;
	if (typeof location === "boolean") query.location = location;
	if (folder !== null) query.folder = folder.replace(/^\/+|\/+$/g, "");
	return query;
}

/** The properties a smart album holds for `query`. */
export function queryProperties(query: AlbumQuery): Properties {
	const properties: Properties = {};
	if (query.from !== undefined) properties[SMART_PROPERTY.from] = query.from;
	if (query.to !== undefined) properties[SMART_PROPERTY.to] = query.to;
	if (query.tags !== undefined && query.tags.length > 0) properties[SMART_PROPERTY.tags] = [...query.tags];
	if (query.camera !== undefined) properties[SMART_PROPERTY.camera] = query.camera;
	if (query.location !== undefined) properties[SMART_PROPERTY.location] = query.location;
	if (query.folder !== undefined) properties[SMART_PROPERTY.folder] = query.folder;
	return properties;
}

/** Whether the query says anything at all (an empty one would take the whole library). */
export function isEmptyQuery(query: AlbumQuery): boolean {
	return Object.keys(queryProperties(query)).length === 0;
}

/** In words, for the album note and the commands: "taken 2024-06-01 to 2024-06-30, tagged #trip, camera “iphone”". */
export function describeQuery(query: AlbumQuery): string {
	const parts: string[] = [];
	if (query.from !== undefined && query.to !== undefined) parts.push(`taken ${query.from} to ${query.to}`);
	else if (query.from !== undefined) parts.push(`taken from ${query.from}`);
	else if (query.to !== undefined) parts.push(`taken until ${query.to}`);
	if (query.tags?.length) parts.push(`tagged ${query.tags.map((t) => `#${t}`).join(" and ")}`);
	if (query.camera !== undefined) parts.push(`camera “${query.camera}”`);
	if (query.location !== undefined) parts.push(query.location ? "with a location" : "without a location");
	if (query.folder !== undefined) parts.push(`in ${query.folder === "" ? "the whole vault" : query.folder}`);
	return parts.length === 0 ? "every photo" : parts.join(", ");
}

/** The photo's calendar day as its camera wrote it (never moved to another zone), or null. */
function takenDay(record: PhotoRecord): string | null {
	const match = /^\d{4}-\d{2}-\d{2}/.exec(record.meta.taken ?? "");
	return match ? match[0] : null;
}

/**
 * Whether the photo matches. `tags` are the tags its note holds (the user's and the automatic ones); they are
 * needed only when the query names tags.
 */
export function matchesQuery(record: PhotoRecord, tags: readonly string[], query: AlbumQuery): boolean {
	if (query.from !== undefined || query.to !== undefined) {
		const day = takenDay(record);
		if (day === null) return false;
		if (query.from !== undefined && day.slice(0, query.from.length) < query.from) return false;
		if (query.to !== undefined && day.slice(0, query.to.length) > query.to) return false;
	}
	if (query.tags?.some((wanted) => !tags.some((tag) => tagMatches(tag, wanted)))) return false;
	if (query.camera !== undefined) {
		const name = `${record.meta.make ?? ""} ${record.meta.model ?? ""} ${cameraSlug(record.meta.make, record.meta.model) ?? ""}`.toLowerCase();
		if (!query.camera.toLowerCase().split(/\s+/).filter((w) => w !== "").every((word) => name.includes(word))) return false;
	}
	if (query.location !== undefined) {
		const located = finite(record.meta.latitude) !== null && finite(record.meta.longitude) !== null;
		if (located !== query.location) return false;
	}
	if (query.folder !== undefined && query.folder !== "" && !record.path.startsWith(`${query.folder}/`)) return false;
	return true;
}
