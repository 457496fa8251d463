// Taken times from XMP packets, for photos whose EXIF has no date.
import { describe, expect, it } from "vitest";
import { takenFromXmp } from "../../../src/core/metadata/xmp-date";

function packet(body: string): Uint8Array {
	return new TextEncoder().encode(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description ${body}</rdf:RDF></x:xmpmeta>`);
}

describe("takenFromXmp", () => {
	it("reads an attribute, keeping the offset", () => {
		expect(takenFromXmp(packet(`exif:DateTimeOriginal="2021-07-04T21:15:00.25-04:00"/>`))).toEqual({ taken: "2021-07-04T21:15:00.25-04:00", takenSource: "xmp" });
	});

	it("reads an element", () => {
		expect(takenFromXmp(packet(`><xmp:CreateDate>2021-07-04T21:15:00</xmp:CreateDate></rdf:Description>`)).taken).toBe("2021-07-04T21:15:00");
	});

	it("prefers DateTimeOriginal to CreateDate whatever their order", () => {
		const xmp = packet(`xmp:CreateDate="2022-01-01T00:00:00" exif:DateTimeOriginal="2021-12-31T23:00:00"/>`);
		expect(takenFromXmp(xmp).taken).toBe("2021-12-31T23:00:00");
	});

	it("skips a date-only value for the next property", () => {
		const xmp = packet(`photoshop:DateCreated="2021-07-04" xmp:CreateDate="2021-07-05T08:00:00+02:00"/>`);
		expect(takenFromXmp(xmp).taken).toBe("2021-07-05T08:00:00+02:00");
	});

	it("is empty when the packet has no date", () => {
		expect(takenFromXmp(packet(`dc:format="image/jpeg"/>`))).toEqual({});
	});
});
