/** A group's members as the report shows them: their facts, which one has the most metadata, and their order. */
import type { PhotoRecord } from "../model/photo-record";
import { managedValues, PHOTO_PROPERTY } from "../notes/photo-properties";
import { swapsAxes } from "./preview-grid";
import type { DuplicateGroup, DuplicateMember } from "./duplicate-types";

/** The note properties that come from the file's metadata: a copy that lost its EXIF has fewer of them. */
const METADATA_PROPERTIES: readonly string[] = [
	PHOTO_PROPERTY.taken, PHOTO_PROPERTY.make, PHOTO_PROPERTY.model, PHOTO_PROPERTY.lens,
	PHOTO_PROPERTY.focalLength, PHOTO_PROPERTY.aperture, PHOTO_PROPERTY.exposure, PHOTO_PROPERTY.iso,
	PHOTO_PROPERTY.width, PHOTO_PROPERTY.height, PHOTO_PROPERTY.duration, PHOTO_PROPERTY.location, PHOTO_PROPERTY.altitude,
];

/** Non-empty metadata properties of the photo's note; a date taken from the file system is not metadata. */
export function metadataFieldCount(record: PhotoRecord): number {
	const values = managedValues(record);
	let n = 0;
	for (const name of METADATA_PROPERTIES) {
		if (name === PHOTO_PROPERTY.taken && record.meta.takenSource === "file") continue;
		if ((values[name] ?? null) !== null) n++;
	}
	return n;
}

function pixels(m: DuplicateMember): number {
	return (m.width ?? 0) * (m.height ?? 0);
}

/** Most metadata first; ties go to more pixels, then the larger file, then the path. */
function better(a: DuplicateMember, b: DuplicateMember): number {
	return b.metadataFields - a.metadataFields || pixels(b) - pixels(a) || b.size - a.size || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * The group of `records`, best first, marked. `distanceOf` gives the bits a member's picture differs from
 * another's (null when either has no hash); each member's distance is to the first.
 */
export function buildGroup(
	kind: DuplicateGroup["kind"],
	records: readonly PhotoRecord[],
	distanceOf: (a: PhotoRecord, b: PhotoRecord) => number | null,
): DuplicateGroup {
	const pairs = records.map((record) => {
		const swap = swapsAxes(record.meta.orientation);
		const member: DuplicateMember = {
			path: record.path,
			note: record.note,
			size: record.size,
			sha256: record.sha256,
			taken: record.meta.taken,
			takenFromFile: record.meta.takenSource === "file",
			width: swap ? record.meta.height : record.meta.width,
			height: swap ? record.meta.width : record.meta.height,
			metadataFields: metadataFieldCount(record),
			mostMetadata: false,
			distance: null,
		};
		return { member, record };
	});
	pairs.sort((a, b) => better(a.member, b.member));
	const first = pairs[0];
	for (const { member, record } of pairs) {
		member.distance = first === undefined ? null : record.sha256 === first.record.sha256 ? 0 : distanceOf(first.record, record);
	}
	if (first) first.member.mostMetadata = true;
	return { kind, members: pairs.map((p) => p.member) };
}
