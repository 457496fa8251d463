/** Normalized metadata of one photo or video, as the index keeps it and the notes show it. */

/** Where the taken time came from: the camera's own record, or the file system as a last resort. */
export type TakenSource = "exif" | "xmp" | "quicktime" | "png" | "file";

export interface PhotoMetadata {
	/**
	 * When the photo was taken, ISO 8601. The camera's wall-clock time, with sub-seconds when recorded
	 * and the UTC offset when the file records one ("2024-06-01T14:03:22.120+02:00"); without an offset
	 * it is the camera's local time ("2024-06-01T14:03:22"). A time from the file system is an instant
	 * and ends in "Z". Never shifted by the time zone of the machine that reads it. Null when unknown.
	 */
	taken: string | null;
	takenSource: TakenSource;
	make: string | null;
	model: string | null;
	lens: string | null;
	/** Millimetres, as recorded (not the 35 mm equivalent). */
	focalLength: number | null;
	/** F-number. */
	aperture: number | null;
	/** Exposure time in seconds. */
	exposureTime: number | null;
	iso: number | null;
	/** Signed decimal degrees, WGS 84. */
	latitude: number | null;
	longitude: number | null;
	/** Metres above sea level (negative below). */
	altitude: number | null;
	/** Pixel size of the full image as stored (before orientation is applied). */
	width: number | null;
	height: number | null;
	/** EXIF orientation 1–8. */
	orientation: number | null;
	mime: string;
	/** Duration in seconds, for videos. */
	duration?: number | null;
}

export const EMPTY_METADATA: Readonly<PhotoMetadata> = Object.freeze({
	taken: null,
	takenSource: "file",
	make: null,
	model: null,
	lens: null,
	focalLength: null,
	aperture: null,
	exposureTime: null,
	iso: null,
	latitude: null,
	longitude: null,
	altitude: null,
	width: null,
	height: null,
	orientation: null,
	mime: "application/octet-stream",
});
