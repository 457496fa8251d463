/** A taken time from an XMP packet, for files whose EXIF has none (some editors and phones write only XMP). */
import { utf8 } from "./binary";
import type { MetadataDraft } from "./metadata-draft";
import { takenFrom } from "./taken-time";

// The XMP properties that mean "taken", most specific first (XMP specification part 2, EXIF and Photoshop schemas).
const PROPERTIES = ["exif:DateTimeOriginal", "photoshop:DateCreated", "xmp:CreateDate", "exif:DateTimeDigitized"];

function propertyValue(xml: string, name: string): string | null {
	const attribute = new RegExp(`${name}\\s*=\\s*(["'])([^"']*)\\1`).exec(xml);
	if (attribute) return attribute[2] ?? null;
	const element = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
	return element ? (element[1] ?? null) : null;
}

/** The taken time an XMP packet records, as a draft (empty when it records none). */
export function takenFromXmp(packet: Uint8Array): MetadataDraft {
	const xml = utf8(packet);
	for (const name of PROPERTIES) {
		const taken = takenFrom(propertyValue(xml, name));
		if (taken) return { taken, takenSource: "xmp" };
	}
	return {};
}
