/**
 * Names inside the archive: one folder named for the album, the photos in album order under `photos/` as
 * "001 IMG_1234.HEIC" (the number keeps the order in any file browser and makes every name unique), and
 * names that unpack on every system (no characters Windows refuses, no trailing dots or spaces).
 */

/** Characters Windows, macOS or unzip refuse or misread in a name (control characters are replaced separately). */
const UNSAFE = /[\\/:*?"<>|]/g;
const MAX_NAME = 120;

/** `name` made safe as one path segment; `fallback` when nothing is left. */
export function safeSegment(name: string, fallback: string): string {
	const visible = Array.from(name.normalize("NFC"), (c) => (c.charCodeAt(0) < 0x20 || c === "\u007f" ? "_" : c)).join("");
	const cleaned = visible.replace(UNSAFE, "_").replace(/[. ]+$/, "").trim();
	const short = cleaned.length > MAX_NAME ? cleaned.slice(0, MAX_NAME).trim() : cleaned;
	return short === "" || short === "." || short === ".." ? fallback : short;
}

/** "IMG_1.HEIC" with its extension replaced ("IMG_1.jpg"); an extension is added to a name without one. */
export function withExtension(name: string, extension: string): string {
	const dot = name.lastIndexOf(".");
	return `${dot > 0 ? name.slice(0, dot) : name}.${extension}`;
}

export interface ArchiveNames {
	root: string;
	/**
	 * The root folder of part `part` (1-based) of `parts`: the album's name, with "(part 2 of 3)" when split,
	 * so parts unpacked side by side never write over each other's index.html.
	 */
	partRoot(part: number, parts: number): string;
	/** The number of the photo at `index` (0-based) in album order, as its name starts ("004"). */
	number(index: number): string;
	/** The name of the photo at `index` (0-based) in album order, relative to the root folder. */
	photo(index: number, fileName: string): string;
}

export function archiveNames(albumTitle: string, photoCount: number): ArchiveNames {
	const width = Math.max(3, String(photoCount).length);
	const root = safeSegment(albumTitle, "Album");
	const number = (index: number): string => String(index + 1).padStart(width, "0");
	return {
		root,
		partRoot: (part, parts) => (parts === 1 ? root : `${root} (part ${part} of ${parts})`),
		number,
		photo: (index, fileName) => `photos/${number(index)} ${safeSegment(fileName, "photo")}`,
	};
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/;

/**
 * The time an unpacked photo shows as modified: the camera's wall-clock time when it was taken, as ZIP keeps
 * local times without a zone; otherwise the original's modification time.
 */
export function archiveTime(taken: string | null, fromFile: boolean, mtimeMs: number): Date {
	const match = taken !== null && !fromFile ? WALL_CLOCK.exec(taken) : null;
	if (!match) return new Date(mtimeMs);
	const [, y, mo, d, h, mi, s] = match.map(Number);
	// Local components on purpose: fflate writes the local fields of this Date, which are then the camera's own.
	return new Date(y ?? 1980, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
}
