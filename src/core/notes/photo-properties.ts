/**
 * The properties of a photo's note: their names (a public interface: users query them in Bases and
 * Dataview, so they are declared here and only here), their values, and how a re-index updates them.
 */
import type { PhotoRecord } from "../model/photo-record";
import type { Properties } from "../ports/note-store";
import { finite, formatExposure } from "./format-values";
import { photoLink } from "./photo-link";
import type { PhotoSafety } from "../status/photo-safety";

export const PHOTO_PROPERTY = {
	/** Link to the original: a wikilink, or a Markdown link for paths a wikilink cannot hold (see photo-link.ts). */
	photo: "photo",
	/**
	 * "missing" while the original is gone from the vault; "offloaded" when "Free up space" removed it because
	 * verified copies exist (the note's Backups part says where); absent otherwise.
	 */
	original: "original",
	/** ISO 8601, the camera's wall-clock time with its UTC offset when the file records one. */
	taken: "taken",
	make: "make",
	model: "model",
	lens: "lens",
	/** Millimetres, as recorded (not the 35 mm equivalent). */
	focalLength: "focal_length",
	/** F-number, e.g. 1.8. */
	aperture: "aperture",
	/**
	 * Exposure time as photographers write it, always a string: "1/250" below a quarter second, otherwise
	 * seconds ("0.5", "2", "30"). A string because "1/250" is what people search for and what cameras show;
	 * a number would read 0.004.
	 */
	exposure: "exposure",
	iso: "iso",
	/** Pixels, as stored (before the EXIF orientation is applied). */
	width: "width",
	height: "height",
	/** Seconds, videos only. */
	duration: "duration",
	/** [latitude, longitude], signed decimal degrees (WGS 84). */
	location: "location",
	/** Metres above sea level. */
	altitude: "altitude",
	/** Bytes of the original. */
	size: "size",
	/** Lower-case hex SHA-256 of the original. */
	sha256: "sha256",
	/**
	 * Backup status, a string "held/enabled": how many of the enabled backup targets hold a copy of this
	 * photo's exact content, of how many ("2/3"). Absent while no backup target is set up.
	 */
	backup: "backup",
	/** Names of the enabled backup targets holding a copy, in the order of the settings. Absent with `backup`. */
	backupTargets: "backup_targets",
	/**
	 * The 3-2-1 rule, written with `backup` and absent with it. `copies`: a number, copies of this exact
	 * content counting the vault's original while it is present (a photo on two targets has 3).
	 */
	copies: "copies",
	/** The distinct media holding a copy, a list: "device" (the vault's own copy), then the targets' media ("nas", "cloud"). */
	media: "media",
	/** true when an offsite target holds a copy, else false. */
	offsite: "offsite",
	/**
	 * true when the photo meets the 3-2-1 rule (at least 3 copies, on at least 2 media, at least one offsite),
	 * else false. A query for `321` not true lists the photos at risk.
	 */
	meets321: "321",
	/** The user's: created empty, never changed by a re-index. */
	tags: "tags",
	/** The user's: created empty, never changed by a re-index. */
	albums: "albums",
} as const;

export type PhotoPropertyName = (typeof PHOTO_PROPERTY)[keyof typeof PHOTO_PROPERTY];

/** Value of `original` while the photo is gone. */
export const ORIGINAL_MISSING = "missing";
/** Value of `original` once "Free up space" removed it on purpose; restoring clears it. */
export const ORIGINAL_OFFLOADED = "offloaded";

/** Properties the index owns, in the order a new note lists them. */
export const MANAGED_PROPERTIES: readonly PhotoPropertyName[] = [
	PHOTO_PROPERTY.photo, PHOTO_PROPERTY.original, PHOTO_PROPERTY.taken,
	PHOTO_PROPERTY.make, PHOTO_PROPERTY.model, PHOTO_PROPERTY.lens,
	PHOTO_PROPERTY.focalLength, PHOTO_PROPERTY.aperture, PHOTO_PROPERTY.exposure, PHOTO_PROPERTY.iso,
	PHOTO_PROPERTY.width, PHOTO_PROPERTY.height, PHOTO_PROPERTY.duration,
	PHOTO_PROPERTY.location, PHOTO_PROPERTY.altitude, PHOTO_PROPERTY.size, PHOTO_PROPERTY.sha256,
	PHOTO_PROPERTY.backup, PHOTO_PROPERTY.backupTargets,
	PHOTO_PROPERTY.copies, PHOTO_PROPERTY.media, PHOTO_PROPERTY.offsite, PHOTO_PROPERTY.meets321,
];

/** Properties that belong to the user once the note exists. */
export const USER_PROPERTIES: readonly PhotoPropertyName[] = [PHOTO_PROPERTY.tags, PHOTO_PROPERTY.albums];

/** What the backup feature knows of a photo, for its two properties; null or absent when no target is set up. */
export interface BackupStatus {
	/** "held/enabled", e.g. "2/3". */
	count: string;
	/** Names of the enabled targets holding a copy. */
	targets: string[];
	/** The 3-2-1 facts (`copies`, `media`, `offsite`, `321`); absent leaves those properties out. */
	safety?: PhotoSafety;
}

type Value = string | number | boolean | number[] | string[] | null;

function text(value: string | null): string | null {
	return value === null || value.trim() === "" ? null : value;
}

/** Every managed property's value for `record`; null means "remove the key". */
export function managedValues(record: PhotoRecord, backup: BackupStatus | null = null): Record<string, Value> {
	const m = record.meta;
	const lat = finite(m.latitude);
	const lon = finite(m.longitude);
	const duration = finite(m.duration);
	return {
		[PHOTO_PROPERTY.photo]: photoLink(record.path),
		[PHOTO_PROPERTY.original]: record.missingSince === undefined ? null : record.offloadedAt !== undefined ? ORIGINAL_OFFLOADED : ORIGINAL_MISSING,
		[PHOTO_PROPERTY.taken]: text(m.taken),
		[PHOTO_PROPERTY.make]: text(m.make),
		[PHOTO_PROPERTY.model]: text(m.model),
		[PHOTO_PROPERTY.lens]: text(m.lens),
		[PHOTO_PROPERTY.focalLength]: finite(m.focalLength),
		[PHOTO_PROPERTY.aperture]: finite(m.aperture),
		[PHOTO_PROPERTY.exposure]: formatExposure(m.exposureTime),
		[PHOTO_PROPERTY.iso]: finite(m.iso),
		[PHOTO_PROPERTY.width]: finite(m.width),
		[PHOTO_PROPERTY.height]: finite(m.height),
		[PHOTO_PROPERTY.duration]: duration !== null && duration > 0 ? duration : null,
		[PHOTO_PROPERTY.location]: lat !== null && lon !== null ? [lat, lon] : null,
		[PHOTO_PROPERTY.altitude]: finite(m.altitude),
		[PHOTO_PROPERTY.size]: record.size,
		[PHOTO_PROPERTY.sha256]: record.sha256,
		[PHOTO_PROPERTY.backup]: backup?.count ?? null,
		[PHOTO_PROPERTY.backupTargets]: backup === null ? null : [...backup.targets],
		[PHOTO_PROPERTY.copies]: backup?.safety?.copies ?? null,
		[PHOTO_PROPERTY.media]: backup?.safety ? [...backup.safety.media] : null,
		[PHOTO_PROPERTY.offsite]: backup?.safety?.offsite ?? null,
		[PHOTO_PROPERTY.meets321]: backup?.safety?.meets321 ?? null,
	};
}

/** The properties of a new note: managed values in their order, then the user's lists, empty. */
export function newPhotoProperties(record: PhotoRecord, backup: BackupStatus | null = null): Properties {
	const properties: Properties = {};
	applyPhotoProperties(properties, record, backup);
	for (const name of USER_PROPERTIES) properties[name] = [];
	return properties;
}

/**
 * Brings the managed properties up to date, in place (the shape of processFrontMatter's callback). Keys
 * the index does not own (`tags`, `albums`, anything the user added) are not touched. A key that appears
 * (a photo that gained GPS, an original that went missing) goes next to its neighbours in the canonical
 * order rather than at the end; existing keys keep their places, so a user's reordering is respected.
 */
export function applyPhotoProperties(properties: Properties, record: PhotoRecord, backup: BackupStatus | null = null): void {
	const values = managedValues(record, backup);
	const added: string[] = [];
	for (const name of MANAGED_PROPERTIES) {
		const value = values[name] ?? null;
		if (value === null) {
			delete properties[name];
		} else {
			if (!Object.prototype.hasOwnProperty.call(properties, name)) added.push(name);
			properties[name] = value;
		}
	}
	if (added.length > 0) reorder(properties, added);
}

function reorder(properties: Properties, added: readonly string[]): void {
	const order = Object.keys(properties).filter((key) => !added.includes(key));
	for (const name of added) order.splice(insertionIndex(order, name), 0, name);
	const entries = order.map((key) => [key, properties[key]] as const);
	for (const key of Object.keys(properties)) delete properties[key];
	for (const [key, value] of entries) properties[key] = value;
}

/** After the closest managed key that precedes `name` canonically, else before the closest that follows. */
function insertionIndex(order: readonly string[], name: string): number {
	const canonical: readonly string[] = MANAGED_PROPERTIES;
	const at = canonical.indexOf(name);
	for (let i = at - 1; i >= 0; i--) {
		const found = order.indexOf(canonical[i] ?? "");
		if (found >= 0) return found + 1;
	}
	for (let i = at + 1; i < canonical.length; i++) {
		const found = order.indexOf(canonical[i] ?? "");
		if (found >= 0) return found;
	}
	return order.length;
}
