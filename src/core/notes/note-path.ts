/**
 * Where a photo's note lives: the photo's folders mirrored under the notes folder, the photo's whole file
 * name plus ".md" (a RAW+JPEG or Live Photo pair shares a stem, so the extension stays), every name made
 * safe for wikilinks and for the file systems of Windows, macOS, Linux, iOS and Android.
 */
import { PhotoArchivistError } from "../model/errors";

/** Reserved by Windows whatever the extension ("CON.jpg.md" cannot be created there). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/** Forbidden on Windows (: \ / * ? " < > |) or breaking a wikilink (# | [ ] ^), and control characters. */
const UNSAFE = /[#|[\]^:\\/*?"<>\p{Cc}\u2028\u2029]/gu;

/**
 * Names are limited to 255 bytes (ext4, Btrfs) or 255 UTF-16 units (NTFS, APFS); 200 UTF-8 bytes leaves room
 * for " (9999)" and ".md" under both.
 */
const MAX_NAME_BYTES = 200;

/** Longest extension kept whole when a name is shortened. */
const MAX_EXTENSION = 16;

const MAX_SUFFIX = 9999;

/** One path segment made safe; the same input always gives the same output. */
export function safeName(name: string): string {
	let safe = name.normalize("NFC").replace(UNSAFE, "_").replace(/%{2,}/g, "%").trim();
	// A leading dot hides the file (and ".." climbs); Windows drops trailing dots and spaces.
	safe = safe.replace(/^\.+/, (dots) => "_".repeat(dots.length)).replace(/[. ]+$/, (end) => "_".repeat(end.length));
	if (safe === "") safe = "_";
	if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
	return shorten(safe);
}

function byteLength(text: string): number {
	return new TextEncoder().encode(text).length;
}

/** Cuts the stem (never inside a character) and keeps the extension, marking the cut with "…". */
function shorten(name: string): string {
	if (byteLength(name) <= MAX_NAME_BYTES) return name;
	const dot = name.lastIndexOf(".");
	const extension = dot > 0 && name.length - dot <= MAX_EXTENSION ? name.slice(dot) : "";
	const budget = MAX_NAME_BYTES - byteLength(`…${extension}`);
	let stem = "";
	let used = 0;
	for (const char of name.slice(0, name.length - extension.length)) {
		const size = byteLength(char);
		if (used + size > budget) break;
		stem += char;
		used += size;
	}
	return `${stem.replace(/[\s\u200d]+$/u, "")}…${extension}`;
}

/** The notes folder as given by the settings, without leading or trailing slashes. */
function folderPrefix(notesFolder: string): string {
	return notesFolder.split("/").filter((part) => part !== "").join("/");
}

/**
 * A key for comparing note paths the way a case-insensitive file system (Windows, macOS, phones) does; use it
 * in `isTaken` so a vault synced between systems never holds two notes that differ only in case.
 */
export function notePathKey(path: string): string {
	return path.normalize("NFC").toLowerCase();
}

/**
 * The note path for the photo at `photoPath`: `<notesFolder>/<folders>/<name>.md`, or with " (2)", " (3)"…
 * before ".md" when `isTaken` says the path belongs to another photo's note (two names that differ only in
 * characters that had to be replaced). `isTaken` is asked about candidates in order.
 */
export function notePathFor(photoPath: string, notesFolder: string, isTaken: (notePath: string) => boolean): string {
	const segments = photoPath.split("/").filter((part) => part !== "");
	const name = segments.pop();
	if (name === undefined) throw new PhotoArchivistError("io", `Cannot name a note for the empty photo path "${photoPath}".`);
	const folder = [folderPrefix(notesFolder), ...segments.map(safeName)].filter((part) => part !== "").join("/");
	const base = `${folder === "" ? "" : `${folder}/`}${safeName(name)}`;
	for (let n = 1; n <= MAX_SUFFIX; n++) {
		const candidate = `${base}${n === 1 ? "" : ` (${n})`}.md`;
		if (!isTaken(candidate)) return candidate;
	}
	throw new PhotoArchivistError("io", `No free note name for "${photoPath}": ${MAX_SUFFIX} notes already use "${base}".`);
}
