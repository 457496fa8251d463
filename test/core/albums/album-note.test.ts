// The album note's parts: orientation of each embed, the gallery's text, reading it back, and the computed properties.
import { describe, expect, it } from "vitest";
import { applyAlbumFacts, galleryPaths, orientationOf, renderGallery } from "../../../src/core/albums/album-note";
import { replaceGeneratedSection } from "../../../src/core/notes/merge-note";
import { photoMeta, photoRecord } from "../notes/photo-record-builder";

describe("album note", () => {
	it("names the orientation as shown: EXIF quarter turns swap width and height", () => {
		expect(orientationOf(photoMeta({ width: 4032, height: 3024, orientation: 1 }))).toBe("landscape");
		expect(orientationOf(photoMeta({ width: 4032, height: 3024, orientation: 6 }))).toBe("portrait");
		expect(orientationOf(photoMeta({ width: 3024, height: 4032, orientation: 8 }))).toBe("landscape");
		expect(orientationOf(photoMeta({ width: 3024, height: 4032, orientation: null }))).toBe("portrait");
		expect(orientationOf(photoMeta({ width: 1000, height: 1020 }))).toBe("square");
		expect(orientationOf(photoMeta({ width: 12000, height: 3000 }))).toBe("panorama");
		expect(orientationOf(photoMeta({ width: null, height: null }))).toBe("landscape");
	});

	it("renders a callout of embeds, with a Markdown embed for paths a wikilink cannot hold, and reads them back", () => {
		const members = [
			photoRecord({ path: "Photos/a.jpg", meta: { width: 3000, height: 4000 } }),
			photoRecord({ path: "Photos/b#1 [x].jpg", meta: { taken: "2024-06-09T10:00:00" } }),
		];
		const gallery = renderGallery(members, null);
		expect(gallery.split("\n").slice(1, -1)).toEqual([
			"> [!photo-album] 2 photos · 2024-06-01 to 2024-06-09",
			"> ![[Photos/a.jpg|portrait]]",
			">",
			"> ![landscape](<Photos/b%231%20%5Bx%5D.jpg>)",
		]);
		const body = replaceGeneratedSection("My words.\n", gallery);
		expect(galleryPaths(body)).toEqual(["Photos/a.jpg", "Photos/b#1 [x].jpg"]);
		expect(renderGallery([], null)).toContain("No photos yet");
	});

	it("escapes what the user typed into a smart album's search", () => {
		expect(renderGallery([], { camera: "*bold* [[x]]" })).toContain("camera “\\*bold\\* \\[\\[x\\]\\]”");
	});

	it("computes date range, count and cover, keeping a cover that is still one of the photos", () => {
		const a = photoRecord({ path: "Photos/a.jpg", meta: { taken: "2024-06-01T10:00:00Z" } });
		const b = photoRecord({ path: "Photos/b.jpg", meta: { taken: "2024-07-01T10:00:00+02:00" } });
		const properties: Record<string, unknown> = { title: "T", cover: "[[Photos/b.jpg]]", description: "mine" };
		applyAlbumFacts(properties, [a, b]);
		expect(properties).toEqual({ title: "T", cover: "[[Photos/b.jpg]]", description: "mine", date_from: "2024-06-01", date_to: "2024-07-01", count: 2 });
		applyAlbumFacts(properties, [a]);
		expect(properties).toMatchObject({ cover: "[[Photos/a.jpg]]", date_to: "2024-06-01", count: 1 });
		applyAlbumFacts(properties, []);
		expect(properties).toEqual({ title: "T", description: "mine", count: 0 });
	});
});
