/**
 * Location in an XMP packet: GPS properties (exif:GPSLatitude, drone-dji:GpsLongitude…) and place names
 * (photoshop:City, Iptc4xmpCore:Location, Iptc4xmpExt:CountryName…), as attributes or elements. Their
 * values become spaces of the same length, so the packet keeps its size and every offset around it holds.
 */
import type { BytePatch } from "./byte-patch";

/** Local names whose values say where a photo was taken. "Location" alone is Iptc4xmpCore's sublocation. */
const NAME = "(?:[Gg][Pp][Ss]\\w*|Latitude|Longitude|City|State|Country|CountryName|CountryCode|Location|LocationName|LocationId|Sublocation|ProvinceState|WorldRegion)";
const QNAME = `[A-Za-z][\\w.-]*:${NAME}`;
/** `prefix:Name="value"` inside any tag. */
const ATTRIBUTE = new RegExp(`\\s${QNAME}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "g");
/** An opening tag `<prefix:Name …>` (self-closing ones carry no text). */
const ELEMENT = new RegExp(`<(${QNAME})(?=[\\s/>])[^>]*>`, "g");

const SPACE = 0x20;

function spaces(offset: number, length: number): BytePatch {
	return { offset, bytes: new Uint8Array(length).fill(SPACE) };
}

/** The character data between `from` and `to` (markup excluded), as [start, end) pairs. */
function textRuns(text: string, from: number, to: number): [number, number][] {
	const runs: [number, number][] = [];
	let at = from;
	while (at < to) {
		const open = text.indexOf("<", at);
		const end = open < 0 || open > to ? to : open;
		if (end > at && text.slice(at, end).trim() !== "") runs.push([at, end]);
		if (end === to) break;
		const close = text.indexOf(">", open);
		if (close < 0) break;
		at = close + 1;
	}
	return runs;
}

/**
 * Patches blanking every location value of the XMP packet `xmp`, which starts at `offset` in the file.
 * The text is read as Latin-1 so that character positions are byte positions (the markup is ASCII).
 */
export function xmpLocationPatches(xmp: Uint8Array, offset: number): BytePatch[] {
	const text = new TextDecoder("latin1").decode(xmp);
	const patches: BytePatch[] = [];
	for (const match of text.matchAll(ATTRIBUTE)) {
		const value = match[1] ?? match[2] ?? "";
		// The value ends just before the closing quote, the match's last character.
		const end = (match.index ?? 0) + match[0].length - 1;
		if (value.length > 0) patches.push(spaces(offset + end - value.length, value.length));
	}
	for (const match of text.matchAll(ELEMENT)) {
		if (match[0].endsWith("/>")) continue;
		const contentStart = (match.index ?? 0) + match[0].length;
		const close = text.indexOf(`</${match[1] ?? ""}`, contentStart);
		if (close < 0) continue;
		// Nested values (rdf:Alt of languages, a structure's fields) are all character data inside the element.
		for (const [start, end] of textRuns(text, contentStart, close)) patches.push(spaces(offset + start, end - start));
	}
	return patches;
}

/** Whether the packet names a location property at all: used where its values cannot be blanked safely. */
export function xmpMentionsLocation(xmp: Uint8Array): boolean {
	const text = new TextDecoder("latin1").decode(xmp);
	return new RegExp(`${QNAME}\\b`).test(text);
}
