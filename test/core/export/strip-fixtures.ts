// Photos and videos with a location in every place the stripper knows, built in code; and the patches applied.
import type { BytePatch } from "../../../src/core/export/strip/byte-patch";
import { concat, makeJpeg, type JpegOptions } from "../../../tools/exif-jpeg";
import { box, bytes, fullBox, u32 } from "../metadata/bmff-builder";

export const PLACE = { latitude: 48.8584, longitude: 2.2945, altitude: 35 };

export const XMP_WITH_PLACE =
	'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
	'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ' +
	'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" ' +
	'exif:GPSLatitude="48,51.504N" exif:GPSLongitude="2,17.67E" photoshop:City="Paris" xmp:Rating="5">' +
	"<photoshop:Country>France</photoshop:Country><Iptc4xmpCore:Location>Champ de Mars</Iptc4xmpCore:Location>" +
	"<xmp:CreatorTool>Camera</xmp:CreatorTool>" +
	"</rdf:Description></rdf:RDF></x:xmpmeta>";

/** `jpeg` with an APP1 XMP segment holding `xmp` inserted right after its start marker. */
export function withXmp(jpeg: Uint8Array, xmp: string): Uint8Array {
	const payload = new TextEncoder().encode(`http://ns.adobe.com/xap/1.0/\u0000${xmp}`);
	const length = payload.length + 2;
	return concat([jpeg.subarray(0, 2), new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff]), payload, jpeg.subarray(2)]);
}

export function jpegWithPlace(options: JpegOptions = {}): Uint8Array {
	return withXmp(makeJpeg({ dateTimeOriginal: "2024:06:01 18:42:05", offsetTimeOriginal: "+01:00", make: "Apple", model: "iPhone 15", gps: PLACE, ...options }), XMP_WITH_PLACE);
}

/** A movie track whose sample description names `format` (a GoPro telemetry track is "gpmd"). */
export function metadataTrack(format: string): Uint8Array {
	const stsd = fullBox("stsd", 0, 0, u32(1), box(format, new Uint8Array(8)));
	const hdlr = fullBox("hdlr", 0, 0, "mhlr", "meta", new Uint8Array(12), [0]);
	return box("trak", box("mdia", hdlr, box("minf", box("stbl", stsd))));
}

/** 3GPP location: version/flags, language, name, role, then fixed-point longitude, latitude, altitude. */
export function loci(): Uint8Array {
	return fullBox("loci", 0, 0, [0x15, 0xc7], "Home\u0000", [0], u32(2.2945 * 65536), u32(48.8584 * 65536), u32(35 * 65536), "Earth\u0000", "\u0000");
}

export function applyPatches(original: Uint8Array, patches: readonly BytePatch[]): Uint8Array {
	const copy = original.slice();
	for (const patch of patches) copy.set(patch.bytes, patch.offset);
	return copy;
}

export { bytes };
