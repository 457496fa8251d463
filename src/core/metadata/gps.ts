/** GPS positions as signed decimal degrees (WGS 84) from EXIF's degree/minute/second rationals or ISO 6709 text. */
import { firstNumber, isNumberList } from "./clean-text";

export interface Position {
	latitude: number;
	longitude: number;
	altitude: number | null;
}

/** Degrees from EXIF's [degrees, minutes, seconds] (some writers store one or two parts); null if unusable. */
export function degreesFromDms(value: unknown, ref: unknown, limit: 90 | 180): number | null {
	const parts = isNumberList(value) ? Array.from(value) : typeof value === "number" ? [value] : [];
	if (parts.length === 0 || parts.some((p) => !Number.isFinite(p) || p < 0)) return null;
	const [d = 0, m = 0, s = 0] = parts;
	const degrees = d + m / 60 + s / 3600;
	if (degrees > limit) return null;
	const negative = typeof ref === "string" && /^[SW]/i.test(ref.trim());
	return negative ? -degrees : degrees;
}

/** Metres; GPSAltitudeRef 1 means below sea level. exifr hands the ref byte over as a one-byte array. */
export function altitudeFrom(value: unknown, ref: unknown): number | null {
	const metres = firstNumber(value);
	if (metres === null) return null;
	return firstNumber(ref) === 1 ? -Math.abs(metres) : metres;
}

// ISO 6709: ±DD.D, ±DDMM.M or ±DDMMSS.S latitude, then the same with three degree digits for longitude.
const ISO_6709 = /^([+-])(\d+)(\.\d+)?([+-])(\d+)(\.\d+)?(?:([+-]\d+(?:\.\d+)?))?/;

function sexagesimal(sign: string, whole: string, decimals: string | undefined, degreeDigits: number): number | null {
	const extra = whole.length - degreeDigits;
	if (extra !== 0 && extra !== 2 && extra !== 4) return null;
	const d = Number(whole.slice(0, degreeDigits));
	const m = extra >= 2 ? Number(whole.slice(degreeDigits, degreeDigits + 2)) : 0;
	const s = extra === 4 ? Number(whole.slice(degreeDigits + 2)) : 0;
	const tail = Number(`0${decimals ?? ""}`);
	const value = d + (extra === 0 ? tail : 0) + (m + (extra === 2 ? tail : 0)) / 60 + (s + (extra === 4 ? tail : 0)) / 3600;
	return sign === "-" ? -value : value;
}

/** A position from "+48.8584+002.2945+035.000/" (QuickTime location keys, ©xyz); null if malformed. */
export function positionFromIso6709(text: unknown): Position | null {
	if (typeof text !== "string") return null;
	const match = ISO_6709.exec(text.trim());
	if (!match) return null;
	const [, latSign = "+", latWhole = "", latDecimals, lonSign = "+", lonWhole = "", lonDecimals, alt] = match;
	const latitude = sexagesimal(latSign, latWhole, latDecimals, 2);
	const longitude = sexagesimal(lonSign, lonWhole, lonDecimals, 3);
	if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
	return { latitude, longitude, altitude: alt === undefined ? null : Number(alt) };
}
