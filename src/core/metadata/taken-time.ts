/**
 * Taken times in the form PhotoMetadata promises: the camera's wall clock as written, plus its offset when
 * the file records one. No Date object in a local zone is ever involved, so the machine's zone cannot leak in.
 */

const DATE_TIME = /^(\d{4})[:\-/](\d{2})[:\-/](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d+))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

function daysIn(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "+0200" and "+02:00" as "+02:00", "Z" as "Z"; null when it is not an offset a clock can have. */
export function normalizeOffset(text: unknown): string | null {
	if (typeof text !== "string") return null;
	const trimmed = text.trim();
	if (/^z$/i.test(trimmed)) return "Z";
	const match = OFFSET.exec(trimmed);
	if (!match) return null;
	const [, sign, hours, minutes] = match;
	if (Number(hours) > 14 || Number(minutes) > 59) return null;
	return `${sign}${hours}:${minutes}`;
}

/** Digits of a sub-second field, at most milliseconds, or "" when there are none worth writing. */
function fraction(digits: unknown): string {
	if (typeof digits !== "string") return "";
	const trimmed = digits.trim();
	if (!/^\d+$/.test(trimmed) || /^0+$/.test(trimmed)) return "";
	return `.${trimmed.slice(0, 3)}`;
}

/**
 * A taken time from a date-time text ("2024:06:01 14:03:22" in EXIF, "2024-06-01T14:03:22+02:00" in XMP
 * and QuickTime), with optional separate sub-seconds and offset (EXIF keeps those in their own tags; an
 * offset inside the text wins). Null for blanks, zeros ("0000:00:00 00:00:00") and impossible dates.
 */
export function takenFrom(dateTime: unknown, subSeconds?: unknown, offset?: unknown): string | null {
	if (typeof dateTime !== "string") return null;
	const match = DATE_TIME.exec(dateTime.replaceAll("\u0000", "").trim());
	if (!match) return null;
	const [, y, mo, d, h, mi, s = "00", inlineFraction, inlineOffset] = match;
	const year = Number(y), month = Number(mo), day = Number(d);
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
	if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
	const zone = inlineOffset !== undefined ? normalizeOffset(inlineOffset) : normalizeOffset(offset);
	const sub = fraction(inlineFraction ?? subSeconds);
	return `${y}-${mo}-${d}T${h}:${mi}:${s}${sub}${zone ?? ""}`;
}

/** An instant as "2024-06-01T14:03:22Z" (milliseconds only when there are some). */
export function instantFromMs(ms: number): string {
	return new Date(ms).toISOString().replace(".000Z", "Z");
}

const QUICKTIME_EPOCH_MS = Date.UTC(1904, 0, 1);

/** QuickTime's creation time, seconds since 1904-01-01 UTC; 0 (never set) is null. */
export function instantFromQuickTime(seconds: number): string | null {
	if (!Number.isFinite(seconds) || seconds <= 0) return null;
	return instantFromMs(QUICKTIME_EPOCH_MS + seconds * 1000);
}

/** `taken` made from a file's modification time, the last resort. */
export function instantFromFile(mtimeMs: number): string | null {
	return Number.isFinite(mtimeMs) ? instantFromMs(Math.trunc(mtimeMs)) : null;
}
