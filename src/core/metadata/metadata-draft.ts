/** What format readers collect, field by field, before the gaps are filled and the result is frozen. */
import type { PhotoMetadata, TakenSource } from "../model/photo-metadata";
import { instantFromFile } from "./taken-time";

export type MetadataDraft = {
	-readonly [K in Exclude<keyof PhotoMetadata, "mime">]?: PhotoMetadata[K] | null;
};

/**
 * Copies each non-null value of `values` into `draft` where the draft has none yet, so the reader that
 * calls first with the more trustworthy source wins. A taken time brings its source along.
 */
export function fillMissing(draft: MetadataDraft, values: MetadataDraft): void {
	for (const key of Object.keys(values) as (keyof MetadataDraft)[]) {
		if (key === "takenSource") continue;
		const value = values[key];
		if (value === null || value === undefined || (draft[key] !== null && draft[key] !== undefined)) continue;
		(draft as Record<string, unknown>)[key] = value;
		if (key === "taken") draft.takenSource = values.takenSource ?? "exif";
	}
}

function orNull<T>(value: T | null | undefined): T | null {
	return value ?? null;
}

/** The final record: missing fields are null, and a missing taken time falls back to the file's modification time. */
export function finishMetadata(draft: MetadataDraft, mime: string, mtimeMs: number): PhotoMetadata {
	const hasTaken = typeof draft.taken === "string";
	const takenSource: TakenSource = hasTaken ? (draft.takenSource ?? "exif") : "file";
	const metadata: PhotoMetadata = {
		taken: hasTaken ? orNull(draft.taken) : instantFromFile(mtimeMs),
		takenSource,
		make: orNull(draft.make),
		model: orNull(draft.model),
		lens: orNull(draft.lens),
		focalLength: orNull(draft.focalLength),
		aperture: orNull(draft.aperture),
		exposureTime: orNull(draft.exposureTime),
		iso: orNull(draft.iso),
		latitude: orNull(draft.latitude),
		longitude: orNull(draft.longitude),
		altitude: orNull(draft.altitude),
		width: orNull(draft.width),
		height: orNull(draft.height),
		orientation: orNull(draft.orientation),
		mime,
	};
	if (draft.duration !== undefined && draft.duration !== null) metadata.duration = draft.duration;
	return metadata;
}
