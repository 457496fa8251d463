/**
 * The automatic tags of a photo's note, computed from its record: `photo/2024/06` (year and month taken;
 * one tag is enough, as Obsidian's nested tags make `#photo/2024` find it), `photo/camera/apple-iphone-15`,
 * `photo/video` or `photo/raw`, and `photo/has-location`. They are merged into the note's `tags`: a tag under
 * the prefix that has one of these shapes is the index's and follows the photo; every other tag is the
 * user's and keeps its place.
 */
import type { PhotoRecord } from "../model/photo-record";
import { finite } from "../notes/format-values";
import type { Properties } from "../ports/note-store";
import type { OrganizeSettings } from "./organize-settings";
import { bareTag, tagEntries, tagKey } from "./tag-values";

const RAW_MIMES: ReadonlySet<string> = new Set([
	"image/x-adobe-dng", "image/x-canon-cr2", "image/x-canon-cr3", "image/x-nikon-nef",
	"image/x-sony-arw", "image/x-olympus-orf", "image/x-panasonic-rw2", "image/x-fujifilm-raf",
]);

/** The shapes of automatic tags after the prefix; a tag of such a shape under the prefix is the index's. */
const MANAGED_SHAPES: readonly RegExp[] = [
	/^\d{4}\/(0[1-9]|1[0-2])$/u,
	/^camera\/[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u,
	/^(video|raw)$/u,
	/^has-location$/u,
];

/** "Apple" + "iPhone 15" → "apple-iphone-15"; "Canon" + "Canon EOS R5" → "canon-eos-r5" (the maker said once). */
export function cameraSlug(make: string | null, model: string | null): string | null {
	const mk = make?.trim() ?? "";
	const md = model?.trim() ?? "";
	const name = mk !== "" && md.toLowerCase().startsWith(mk.toLowerCase()) ? md : [mk, md].filter((part) => part !== "").join(" ");
	const slug = name
		.normalize("NFKD")
		.replace(/\p{M}+/gu, "")
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, "-")
		.replace(/^-+|-+$/g, "");
	return slug === "" ? null : slug;
}

/** The automatic tags `record` gets under `settings`, without "#", in a fixed order. */
export function autoTagsFor(record: PhotoRecord, settings: OrganizeSettings): string[] {
	const { tagPrefix: p, autoTags: kinds } = settings;
	const m = record.meta;
	const tags: string[] = [];
	// The wall-clock date as written: never shifted by a time zone.
	const month = /^(\d{4})-(\d{2})/.exec(m.taken ?? "");
	if (kinds.date && month) tags.push(`${p}${month[1]}/${month[2]}`);
	const camera = cameraSlug(m.make, m.model);
	if (kinds.camera && camera !== null) tags.push(`${p}camera/${camera}`);
	if (kinds.media && m.mime.startsWith("video/")) tags.push(`${p}video`);
	if (kinds.media && RAW_MIMES.has(m.mime)) tags.push(`${p}raw`);
	if (kinds.location && finite(m.latitude) !== null && finite(m.longitude) !== null) tags.push(`${p}has-location`);
	return tags;
}

/** Which kind of automatic tag `tag` is (an index into the managed shapes), or -1 when it is not one under `prefixes`. */
function managedKind(tag: string, prefixes: readonly string[]): number {
	const key = tagKey(tag);
	for (const prefix of prefixes) {
		const p = prefix.toLowerCase();
		if (!key.startsWith(p)) continue;
		const kind = MANAGED_SHAPES.findIndex((shape) => shape.test(key.slice(p.length)));
		if (kind >= 0) return kind;
	}
	return -1;
}

/** Whether `tag` has the shape of an automatic tag under one of `prefixes` (case-insensitive, "#" or not). */
export function isManagedTag(tag: string, prefixes: readonly string[]): boolean {
	return managedKind(tag, prefixes) >= 0;
}

/**
 * The `tags` list with the automatic tags brought to `wanted`, or null when it already holds exactly them
 * (so an up-to-date note is not rewritten). A managed tag still wanted stays where it is, as the user wrote
 * it; a stale one is replaced in place by the wanted tag of its kind (a new month, another camera), or goes;
 * a wanted tag with no place yet goes after the last managed tag (else at the end). Every other entry keeps
 * its place and spelling. A value that is not a tag list is left alone.
 */
export function mergeManagedTags(current: unknown, wanted: readonly string[], prefixes: readonly string[]): unknown[] | null {
	const entries = tagEntries(current);
	if (entries === null) return null;
	const wantedKeys = new Set(wanted.map(tagKey));
	const present = new Set(entries.filter((e): e is string => typeof e === "string" && isManagedTag(e, prefixes)).map(tagKey));
	const pending = wanted.filter((tag) => !present.has(tagKey(tag))).map(bareTag);
	const kept = new Set<string>();
	const out: unknown[] = [];
	let insertAt = -1;
	let dropped = false;
	for (const entry of entries) {
		const kind = typeof entry === "string" ? managedKind(entry, prefixes) : -1;
		if (typeof entry !== "string" || kind < 0) {
			out.push(entry);
			continue;
		}
		const key = tagKey(entry);
		if (wantedKeys.has(key) && !kept.has(key)) {
			out.push(entry);
			kept.add(key);
		} else {
			dropped = true;
			const replacement = pending.findIndex((tag) => managedKind(tag, prefixes) === kind);
			if (replacement >= 0) out.push(...pending.splice(replacement, 1));
		}
		insertAt = out.length;
	}
	if (!dropped && pending.length === 0) return null;
	out.splice(insertAt < 0 ? out.length : insertAt, 0, ...pending);
	return out;
}

/**
 * Brings the automatic tags of a note's properties up to date, in place (the shape of processFrontMatter's
 * callback). `formerPrefixes`: prefixes used before, whose automatic tags go too.
 */
export function applyAutoTags(properties: Properties, record: PhotoRecord, settings: OrganizeSettings, formerPrefixes: readonly string[] = []): void {
	const prefixes = [settings.tagPrefix, ...formerPrefixes.filter((p) => p.toLowerCase() !== settings.tagPrefix.toLowerCase())];
	const next = mergeManagedTags(properties.tags, autoTagsFor(record, settings), prefixes);
	if (next !== null) properties.tags = next;
}
