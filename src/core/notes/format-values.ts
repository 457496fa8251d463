/** Plain-text renderings of metadata values, shared by the note's properties and its generated table. */

/** A finite number, or null: NaN and infinities from a damaged file are treated as unknown. */
export function finite(value: number | null | undefined): number | null {
	return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * Exposure time the way cameras print it: "1/250" below a quarter second, seconds above ("0.5", "2", "30").
 * ExifTool draws the line at 0.25001 s too (PrintExposureTime), so both tools agree on every photo.
 */
export function formatExposure(seconds: number | null | undefined): string | null {
	const t = finite(seconds);
	if (t === null || t <= 0) return null;
	if (t < 0.25001) return `1/${Math.round(1 / t)}`;
	return trimNumber(t, 1);
}

/** Fixed decimals without trailing zeros, never in exponent form or the machine's locale. */
export function trimNumber(value: number, decimals: number): string {
	const fixed = value.toFixed(decimals);
	const trimmed = fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
	return trimmed === "-0" ? "0" : trimmed;
}

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * "2024-06-01T14:03:22.120+02:00" → "2024-06-01 14:03:22 (UTC+02:00)". Works on the string alone: parsing it
 * into a Date would move a camera's wall-clock time into the zone of whoever renders the note.
 */
export function formatIsoTime(iso: string, withSeconds = true): string {
	const m = ISO.exec(iso);
	if (!m) return iso;
	const [, date, hm, sec, , zone] = m;
	const time = withSeconds ? `${hm}${sec ?? ""}` : hm;
	if (zone === undefined) return `${date} ${time}`;
	if (zone === "Z") return `${date} ${time} UTC`;
	const offset = zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
	return `${date} ${time} (UTC${offset})`;
}

/** Decimal units (1 MB = 1,000,000 bytes), as file managers on phones and macOS show them. */
export function formatBytes(bytes: number): string {
	if (bytes < 1000) return `${bytes} B`;
	const units = ["kB", "MB", "GB", "TB"];
	let value = bytes / 1000;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return `${trimNumber(value, value < 10 ? 1 : 0)} ${units[unit] ?? "TB"}`;
}

export function formatDuration(seconds: number): string {
	if (seconds < 60) return `${trimNumber(seconds, 1)} s`;
	const total = Math.round(seconds);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, "0");
	return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** "48.85840° N, 2.29450° E": five decimals are about a metre, finer than any phone's GPS. */
export function formatCoordinates(latitude: number, longitude: number): string {
	const lat = `${Math.abs(latitude).toFixed(5)}° ${latitude < 0 ? "S" : "N"}`;
	const lon = `${Math.abs(longitude).toFixed(5)}° ${longitude < 0 ? "W" : "E"}`;
	return `${lat}, ${lon}`;
}

export function openStreetMapUrl(latitude: number, longitude: number): string {
	const lat = trimNumber(latitude, 6);
	const lon = trimNumber(longitude, 6);
	return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}
