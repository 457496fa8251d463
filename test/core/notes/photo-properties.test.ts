import { describe, expect, it } from "vitest";
import {
	MANAGED_PROPERTIES, PHOTO_PROPERTY, applyPhotoProperties, newPhotoProperties,
} from "../../../src/core/notes/photo-properties";
import type { Properties } from "../../../src/core/ports/note-store";
import { SHA, photoRecord } from "./photo-record-builder";

describe("newPhotoProperties", () => {
	it("lists every known value under its public name, in a stable order, numbers as numbers", () => {
		const properties = newPhotoProperties(photoRecord());
		expect(Object.entries(properties)).toEqual([
			["photo", "[[Photos/2024/IMG_0001.HEIC]]"],
			["taken", "2024-06-01T14:03:22.120+02:00"],
			["make", "Apple"],
			["model", "iPhone 15 Pro"],
			["lens", "iPhone 15 Pro back triple camera 6.765mm f/1.78"],
			["focal_length", 6.765],
			["aperture", 1.78],
			["exposure", "1/250"],
			["iso", 80],
			["width", 4032],
			["height", 3024],
			["location", [48.8584, 2.2945]],
			["altitude", 35.4],
			["size", 2_412_345],
			["sha256", SHA],
			["tags", []],
			["albums", []],
		]);
	});

	it("leaves out what the photo does not record", () => {
		const properties = newPhotoProperties(photoRecord({
			meta: { taken: null, make: null, model: "  ", lens: "", latitude: 12, longitude: null, iso: Number.NaN, exposureTime: 0 },
		}));
		for (const absent of ["taken", "make", "model", "lens", "location", "iso", "exposure"]) expect(properties).not.toHaveProperty(absent);
	});

	it("adds a video's duration", () => {
		expect(newPhotoProperties(photoRecord({ meta: { duration: 12.5 } })).duration).toBe(12.5);
	});

	it("links a path a wikilink cannot hold with a Markdown link", () => {
		expect(newPhotoProperties(photoRecord({ path: "P/IMG#1.jpg" })).photo).toBe("[IMG#1.jpg](<P/IMG%231.jpg>)");
	});
});

describe("applyPhotoProperties", () => {
	it("overwrites managed values and leaves the user's properties alone", () => {
		const properties: Properties = {
			...newPhotoProperties(photoRecord()),
			tags: ["travel", "paris"],
			albums: ["[[Summer]]"],
			rating: 5,
			make: "edited by hand",
		};
		applyPhotoProperties(properties, photoRecord({ meta: { make: "Apple Inc." } }));
		expect(properties.make).toBe("Apple Inc.");
		expect(properties.tags).toEqual(["travel", "paris"]);
		expect(properties.albums).toEqual(["[[Summer]]"]);
		expect(properties.rating).toBe(5);
	});

	it("never creates or touches tags and albums, even when the user removed them", () => {
		const properties: Properties = { photo: "x" };
		applyPhotoProperties(properties, photoRecord());
		expect(properties).not.toHaveProperty("tags");
		expect(properties).not.toHaveProperty("albums");
	});

	it("removes a managed key whose value became unknown", () => {
		const properties = newPhotoProperties(photoRecord());
		applyPhotoProperties(properties, photoRecord({ meta: { latitude: null, longitude: null, lens: null } }));
		expect(properties).not.toHaveProperty("location");
		expect(properties).not.toHaveProperty("lens");
	});

	it("marks a missing original right after the photo link, and un-marks it when the photo is back", () => {
		const properties = newPhotoProperties(photoRecord());
		applyPhotoProperties(properties, photoRecord({ missingSince: "2024-07-01T10:00:00.000Z" }));
		expect(properties[PHOTO_PROPERTY.original]).toBe("missing");
		expect(Object.keys(properties).slice(0, 3)).toEqual(["photo", "original", "taken"]);
		applyPhotoProperties(properties, photoRecord());
		expect(properties).not.toHaveProperty("original");
	});

	it("puts a key that appears next to its neighbours and keeps the user's own order otherwise", () => {
		const properties: Properties = { rating: 5, sha256: SHA, photo: "old", size: 1, tags: [] };
		applyPhotoProperties(properties, photoRecord({ meta: { make: null, model: null, lens: null, taken: null } }));
		const keys = Object.keys(properties);
		expect(keys.slice(0, 2)).toEqual(["rating", "sha256"]);
		expect(keys.indexOf("focal_length")).toBe(keys.indexOf("photo") + 1);
		expect(keys.indexOf("altitude")).toBe(keys.indexOf("size") - 1);
		expect(keys.at(-1)).toBe("tags");
	});

	it("is idempotent: a second application leaves the same keys in the same order", () => {
		const properties = newPhotoProperties(photoRecord());
		const before = JSON.stringify(properties);
		applyPhotoProperties(properties, photoRecord());
		expect(JSON.stringify(properties)).toBe(before);
	});

	it("declares each managed name once", () => {
		expect(new Set(MANAGED_PROPERTIES).size).toBe(MANAGED_PROPERTIES.length);
		expect(MANAGED_PROPERTIES).not.toContain("tags");
		expect(MANAGED_PROPERTIES).not.toContain("albums");
	});
});
