// The organize section of data.json: defaults, and untrusted values cleaned or refused.
import { describe, expect, it } from "vitest";
import { cleanTagPrefix, DEFAULT_ORGANIZE_SETTINGS, normalizeOrganizeSettings } from "../../../src/core/organize/organize-settings";

describe("organize settings", () => {
	it("defaults: prefix photo/, every automatic tag on, albums in Albums", () => {
		expect(normalizeOrganizeSettings(undefined)).toEqual({
			tagPrefix: "photo/",
			autoTags: { date: true, camera: true, media: true, location: true },
			albumsFolder: "Albums",
		});
		expect(normalizeOrganizeSettings("nonsense")).toEqual(DEFAULT_ORGANIZE_SETTINGS);
	});

	it("keeps valid values and drops unknown keys", () => {
		const raw = { tagPrefix: "#Family Pics/", autoTags: { camera: false, media: "no" }, albumsFolder: "/Photos/Albums/", extra: 1 };
		expect(normalizeOrganizeSettings(raw)).toEqual({
			tagPrefix: "Family-Pics/",
			autoTags: { date: true, camera: false, media: true, location: true },
			albumsFolder: "Photos/Albums",
		});
	});

	it("refuses a prefix that would swallow the user's own tags, and hidden or climbing album folders", () => {
		for (const prefix of ["", "#", " / ", "2024/"]) expect(cleanTagPrefix(prefix), prefix).toBeNull();
		expect(normalizeOrganizeSettings({ tagPrefix: "" }).tagPrefix).toBe("photo/");
		expect(normalizeOrganizeSettings({ albumsFolder: "../Outside" }).albumsFolder).toBe("Albums");
		expect(normalizeOrganizeSettings({ albumsFolder: ".hidden/Albums" }).albumsFolder).toBe("Albums");
	});
});
