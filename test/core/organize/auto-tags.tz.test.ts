// Automatic tags: what a record gets, which tags count as managed, and the merge that leaves the user's tags alone.
import { describe, expect, it } from "vitest";
import { applyAutoTags, autoTagsFor, cameraSlug, isManagedTag, mergeManagedTags } from "../../../src/core/organize/auto-tags";
import { DEFAULT_ORGANIZE_SETTINGS, type OrganizeSettings } from "../../../src/core/organize/organize-settings";
import { photoRecord } from "../notes/photo-record-builder";

const ALL: OrganizeSettings = { ...DEFAULT_ORGANIZE_SETTINGS, autoTags: { date: true, camera: true, media: true, location: true } };
const P = ["photo/"];

describe("automatic tags", () => {
	it("tags year and month as the camera wrote them, never moved by a time zone", () => {
		const record = photoRecord({ meta: { taken: "2024-06-30T23:30:00-07:00" } });
		expect(autoTagsFor(record, ALL)).toEqual(["photo/2024/06", "photo/camera/apple-iphone-15-pro", "photo/has-location"]);
	});

	it("names the camera once when the model repeats the maker, and slugs any script", () => {
		expect(cameraSlug("Canon", "Canon EOS R5")).toBe("canon-eos-r5");
		expect(cameraSlug("NIKON CORPORATION", "NIKON D750")).toBe("nikon-corporation-nikon-d750");
		expect(cameraSlug("Sony", null)).toBe("sony");
		expect(cameraSlug("Ricoh", "GR IIIx — Édition")).toBe("ricoh-gr-iiix-edition");
		expect(cameraSlug(null, "  ")).toBeNull();
	});

	it("tags videos and RAW files, and leaves out what is unknown", () => {
		const video = photoRecord({ meta: { mime: "video/quicktime", make: null, model: null, latitude: null, longitude: null, taken: null } });
		expect(autoTagsFor(video, ALL)).toEqual(["photo/video"]);
		const raw = photoRecord({ meta: { mime: "image/x-adobe-dng", latitude: Number.NaN } });
		expect(autoTagsFor(raw, ALL)).toEqual(["photo/2024/06", "photo/camera/apple-iphone-15-pro", "photo/raw"]);
	});

	it("follows the switches and the prefix", () => {
		const settings: OrganizeSettings = { ...ALL, tagPrefix: "family/pics/", autoTags: { date: true, camera: false, media: true, location: false } };
		expect(autoTagsFor(photoRecord(), settings)).toEqual(["family/pics/2024/06"]);
	});

	it("recognises managed shapes only under the prefix", () => {
		expect(isManagedTag("#Photo/2024/06", P)).toBe(true);
		expect(isManagedTag("photo/camera/canon-eos-r5", P)).toBe(true);
		expect(isManagedTag("photo/video", P)).toBe(true);
		expect(isManagedTag("photo/has-location", P)).toBe(true);
		for (const tag of ["photo/2024", "photo/2024/13", "photo/best", "photo/camera", "photo/camera/a b", "video", "photos/2024/06", "trip/photo/video"]) {
			expect(isManagedTag(tag, P), tag).toBe(false);
		}
	});
});

describe("merging automatic tags into the user's", () => {
	it("returns null when the note already holds exactly the wanted tags, in any order or spelling", () => {
		expect(mergeManagedTags(["family", "#photo/camera/x", "Photo/2024/06"], ["photo/2024/06", "photo/camera/x"], P)).toBeNull();
		expect(mergeManagedTags([], [], P)).toBeNull();
		expect(mergeManagedTags(undefined, [], P)).toBeNull();
	});

	it("replaces stale managed tags in place and keeps every user tag where it was", () => {
		const merged = mergeManagedTags(["family", "photo/2023/01", "photo/best", "trip/rome", "photo/camera/old"], ["photo/2024/06", "photo/camera/new"], P);
		expect(merged).toEqual(["family", "photo/2024/06", "photo/best", "trip/rome", "photo/camera/new"]);
	});

	it("adds new automatic tags after the last managed one, or at the end", () => {
		expect(mergeManagedTags(["photo/2024/06", "family"], ["photo/2024/06", "photo/video"], P)).toEqual(["photo/2024/06", "photo/video", "family"]);
		expect(mergeManagedTags(["family"], ["photo/video"], P)).toEqual(["family", "photo/video"]);
	});

	it("reads a single-string tags value and never touches a value that is not a list", () => {
		expect(mergeManagedTags("family, trip", ["photo/video"], P)).toEqual(["family", "trip", "photo/video"]);
		expect(mergeManagedTags({ odd: 1 }, ["photo/video"], P)).toBeNull();
	});

	it("drops duplicates of a managed tag and keeps non-string entries", () => {
		expect(mergeManagedTags([2024, "photo/video", "PHOTO/VIDEO"], ["photo/video"], P)).toEqual([2024, "photo/video"]);
	});

	it("removes automatic tags of a former prefix when it changed", () => {
		const properties: Record<string, unknown> = { tags: ["photo/2024/06", "family"] };
		applyAutoTags(properties, photoRecord(), { ...ALL, tagPrefix: "pics/", autoTags: { ...ALL.autoTags, camera: false, location: false } }, ["photo/"]);
		expect(properties.tags).toEqual(["pics/2024/06", "family"]);
	});
});
