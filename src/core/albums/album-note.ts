/**
 * An album note: its properties (title, date range and count computed from the photos, a cover, the user's
 * description, a smart album's query) and its gallery, a generated section between the same markers as a
 * photo note's, holding one embed per photo in a callout that styles.css lays out as a grid. Each embed
 * names the photo's orientation as its alt text, so the grid gives portraits two rows and panoramas two columns.
 */
import type { PhotoMetadata } from "../model/photo-metadata";
import type { PhotoRecord } from "../model/photo-record";
import { finite } from "../notes/format-values";
import { SECTION_END } from "../notes/generated-section";
import { escapeMarkdown } from "../notes/markdown-escape";
import { findGeneratedSection } from "../notes/merge-note";
import { encodeLinkPath, isWikilinkSafe, photoLink } from "../notes/photo-link";
import type { Properties } from "../ports/note-store";
import { linkTarget } from "./album-links";
import { describeQuery, queryProperties, type AlbumQuery } from "./album-query";

export const ALBUM_SECTION_BEGIN =
	"<!-- photo-archivist:begin (written by Photo Archivist: the album's gallery, rewritten when its photos change; edits between these markers are replaced) -->";

/** The album note's properties; `title` and `description` are the user's once the note exists. */
export const ALBUM_PROPERTY = {
	title: "title",
	/** First and last day taken among the photos, "YYYY-MM-DD" as their cameras wrote them. */
	from: "date_from",
	to: "date_to",
	/** How many photos the album holds. */
	count: "count",
	/** Link to the photo that stands for the album: the first one, unless the user chose another of its photos. */
	cover: "cover",
	description: "description",
} as const;

/** The callout type of the gallery: styles.css lays `.callout[data-callout="photo-album"]` out as a grid. */
export const GALLERY_CALLOUT = "photo-album";

export type Orientation = "landscape" | "portrait" | "square" | "panorama";

/** As the photo is shown: width and height swapped when EXIF says it is turned a quarter (orientations 5–8). */
export function orientationOf(meta: PhotoMetadata): Orientation {
	const w = finite(meta.width);
	const h = finite(meta.height);
	if (w === null || h === null || w <= 0 || h <= 0) return "landscape";
	const turned = meta.orientation !== null && meta.orientation >= 5 && meta.orientation <= 8;
	const ratio = turned ? h / w : w / h;
	if (ratio >= 2) return "panorama";
	if (ratio > 1.05) return "landscape";
	if (ratio < 0.95) return "portrait";
	return "square";
}

function galleryEmbed(record: PhotoRecord): string {
	const orientation = orientationOf(record.meta);
	if (isWikilinkSafe(record.path)) return `![[${record.path}|${orientation}]]`;
	return `![${orientation}](<${encodeLinkPath(record.path)}>)`;
}

function takenDay(record: PhotoRecord): string | null {
	const match = /^\d{4}-\d{2}-\d{2}/.exec(record.meta.taken ?? "");
	return match ? match[0] : null;
}

/** The album's photos in the order the gallery shows them: by date taken (undated last), then by path. */
export function galleryOrder(records: Iterable<PhotoRecord>): PhotoRecord[] {
	return [...records].sort((a, b) => {
		const ta = a.meta.taken ?? "\uffff";
		const tb = b.meta.taken ?? "\uffff";
		return ta < tb ? -1 : ta > tb ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
	});
}

/** First and last day taken, or null when no photo has a date. */
export function dateRange(members: readonly PhotoRecord[]): { from: string; to: string } | null {
	const days = members.map(takenDay).filter((day): day is string => day !== null).sort();
	const from = days[0];
	const to = days[days.length - 1];
	return from !== undefined && to !== undefined ? { from, to } : null;
}

/** The gallery section, markers included, without a trailing newline. `members` in gallery order. */
export function renderGallery(members: readonly PhotoRecord[], query: AlbumQuery | null): string {
	const lines = [ALBUM_SECTION_BEGIN];
	if (query !== null) {
		lines.push(`Smart album: every photo ${escapeMarkdown(describeQuery(query))}. Change its \`smart_\` properties to change what it holds.`, "");
	}
	if (members.length === 0) {
		lines.push(query === null ? "No photos yet: open a photo and run “Add current photo to album…”." : "No photo matches yet.");
	} else {
		const range = dateRange(members);
		const span = range === null ? "" : range.from === range.to ? ` · ${range.from}` : ` · ${range.from} to ${range.to}`;
		lines.push(`> [!${GALLERY_CALLOUT}] ${members.length} ${members.length === 1 ? "photo" : "photos"}${span}`);
		members.forEach((record, i) => {
			// A blank callout line between embeds makes each its own paragraph: one grid cell each.
			if (i > 0) lines.push(">");
			lines.push(`> ${galleryEmbed(record)}`);
		});
	}
	lines.push(SECTION_END);
	return lines.join("\n");
}

const WIKI_EMBED = /!\[\[([^\]|#^]+)(?:\|[^\]]*)?\]\]/g;
const MARKDOWN_EMBED = /!\[[^\]]*\]\(<([^>]*)>\)/g;

/** The photo paths the gallery of `body` embeds (what the album held when it was last written). */
export function galleryPaths(body: string): string[] {
	const span = findGeneratedSection(body);
	if (span === null) return [];
	const section = body.slice(span.start, span.end);
	const paths: string[] = [];
	for (const match of section.matchAll(WIKI_EMBED)) if (match[1] !== undefined) paths.push(match[1]);
	for (const match of section.matchAll(MARKDOWN_EMBED)) {
		const target = linkTarget(`[x](<${match[1] ?? ""}>)`);
		if (target !== null) paths.push(target);
	}
	return paths;
}

/** The properties of a new album note. */
export function newAlbumProperties(title: string, query: AlbumQuery | null, description = ""): Properties {
	return { [ALBUM_PROPERTY.title]: title, [ALBUM_PROPERTY.count]: 0, [ALBUM_PROPERTY.description]: description, ...(query ? queryProperties(query) : {}) };
}

/**
 * Brings the computed properties up to date, in place: date range, count, and the cover (kept while it still
 * names one of the album's photos, else the first photo). Title, description and the query are not touched.
 */
export function applyAlbumFacts(properties: Properties, members: readonly PhotoRecord[]): void {
	const range = dateRange(members);
	if (range === null) {
		delete properties[ALBUM_PROPERTY.from];
		delete properties[ALBUM_PROPERTY.to];
	} else {
		properties[ALBUM_PROPERTY.from] = range.from;
		properties[ALBUM_PROPERTY.to] = range.to;
	}
	properties[ALBUM_PROPERTY.count] = members.length;
	const cover = linkTarget(properties[ALBUM_PROPERTY.cover]);
	const first = members[0];
	if (first === undefined) delete properties[ALBUM_PROPERTY.cover];
	else if (cover === null || !members.some((m) => m.path === cover)) properties[ALBUM_PROPERTY.cover] = photoLink(first.path);
}
