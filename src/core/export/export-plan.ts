/**
 * How an album is cut into archives, before anything is read: its photos in album order, packed into parts
 * that each stay under the part limit together with the album note and index.html; the next part starts
 * where the next photo would not fit. Sizes are the originals' as found (stat): a copy without location is
 * exactly as long, a resized copy shorter, so the plan holds either way. A photo too large for a part of its
 * own is left out: ZIP without ZIP64 cannot store it.
 */
import { entryBytes, ZIP_END_BYTES, ZIP_MAX_ENTRIES } from "./zip-limits";

export interface PlanInput {
	/** Each photo's name under the root folder ("photos/004 IMG_1.jpg") and its size, in album order. */
	photos: readonly { name: string; size: number }[];
	/** The root folder of an archive when the export has `parts` parts (the longest its name can be). */
	root: (parts: number) => string;
	/** The album note's name under the root folder and its size in bytes; null when the album has no note. */
	note: { name: string; bytes: number } | null;
	/** The size each archive must stay under. */
	limit: number;
}

export interface ExportPlan {
	/** Indices into `photos` for each part, in album order. */
	parts: number[][];
	/** Indices of the photos no part can hold. */
	tooLarge: number[];
	/** The size planned for each part, in bytes: an upper bound, with index.html estimated generously. */
	bytes: number[];
}

/**
 * What index.html weighs at most, estimated (it is written last, from what was exported): the page itself,
 * two kilobytes per photo (its tile and caption), one per part it lists.
 */
const SHEET_BASE = 8192, SHEET_PER_PHOTO = 2048, SHEET_PER_PART = 1024;
/** Besides its photos, each archive holds the note and index.html. */
const MAX_PHOTOS = ZIP_MAX_ENTRIES - 2;

/** The plan when index.html lists `parts` parts. */
function pack(input: PlanInput, parts: number): ExportPlan {
	const root = input.root(parts);
	const fixed = ZIP_END_BYTES
		+ (input.note === null ? 0 : entryBytes({ name: `${root}/${input.note.name}`, size: input.note.bytes, deflate: true }))
		+ entryBytes({ name: `${root}/index.html`, size: SHEET_BASE + SHEET_PER_PART * parts, deflate: true });
	const plan: ExportPlan = { parts: [], tooLarge: [], bytes: [] };
	let current: number[] = [];
	let bytes = fixed;
	for (const [index, photo] of input.photos.entries()) {
		const cost = entryBytes({ name: `${root}/${photo.name}`, size: photo.size, deflate: false }) + SHEET_PER_PHOTO;
		if (fixed + cost > input.limit) {
			plan.tooLarge.push(index);
			continue;
		}
		if (current.length > 0 && (bytes + cost > input.limit || current.length >= MAX_PHOTOS)) {
			plan.parts.push(current);
			plan.bytes.push(bytes);
			current = [];
			bytes = fixed;
		}
		current.push(index);
		bytes += cost;
	}
	if (current.length > 0) {
		plan.parts.push(current);
		plan.bytes.push(bytes);
	}
	return plan;
}

export function planExport(input: PlanInput): ExportPlan {
	// More parts make each root name and index.html longer, which can only add parts: this settles in a step or two.
	for (let assumed = 1; ; ) {
		const plan = pack(input, assumed);
		if (plan.parts.length <= assumed) return plan;
		assumed = plan.parts.length;
	}
}
