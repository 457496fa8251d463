// The `export` section of data.json, cleaned up from whatever a hand or an older version wrote there.
import { describe, expect, it } from "vitest";
import { DEFAULT_EXPORT_SETTINGS, normalizeExportSettings } from "../../../src/core/export/export-settings";
import { exportSummaryLines } from "../../../src/core/export/export-text";

describe("export settings", () => {
	it("keeps good values and replaces bad ones with the defaults", () => {
		expect(normalizeExportSettings(undefined)).toEqual(DEFAULT_EXPORT_SETTINGS);
		expect(normalizeExportSettings({ folder: " /Shared/Zips/ ", maxEdge: 1024, computerFolder: " /home/me/out ", stripLocation: true, resize: "yes" })).toEqual({
			folder: "Shared/Zips", maxEdge: 1024, computerFolder: "/home/me/out", stripLocation: true, resize: false,
		});
		for (const folder of ["../outside", ".obsidian/plugins", "", 42]) expect(normalizeExportSettings({ folder }).folder).toBe("Exports");
		for (const maxEdge of [10, 100_000, 2048.5, "2048"]) expect(normalizeExportSettings({ maxEdge }).maxEdge).toBe(2048);
	});
});

describe("the summary of an export", () => {
	it("says what was exported, then each photo resized or left out with its reason", () => {
		const lines = exportSummaryLines({
			album: "Trip", archive: "Exports/Trip.zip", archives: ["Exports/Trip.zip"], photos: 3, bytes: 12_345_678, locationRemoved: 3, resized: 2,
			notResized: [{ path: "Photos/c.heic", reason: "this device cannot decode its format" }],
			leftOut: [{ path: "Photos/GOPR0001.MP4", reason: "its location could not be removed: it carries a track of positions (gpmd) that cannot be removed" }],
		}, ["Exports/Trip.zip"]);
		expect(lines).toEqual([
			'Exported 3 photos of "Trip" (12 MB) to Exports/Trip.zip.',
			"Location removed from 3 copies.",
			"2 resized copies.",
			"1 photo exported as the original:",
			"  Photos/c.heic: this device cannot decode its format",
			"1 photo left out:",
			"  Photos/GOPR0001.MP4: its location could not be removed: it carries a track of positions (gpmd) that cannot be removed",
		]);
	});

	it("lists every archive of a split export under the first line", () => {
		const parts = ["Exports/Trip (part 1 of 2).zip", "Exports/Trip (part 2 of 2).zip"];
		const lines = exportSummaryLines({
			album: "Trip", archive: parts[0] ?? "", archives: parts, photos: 900, bytes: 6_200_000_000, locationRemoved: 0, resized: 0, notResized: [],
			leftOut: [{ path: "Videos/long.mov", reason: "it is 4.61 GB, more than one archive may hold (4.00 GB)" }],
		}, parts);
		expect(lines).toEqual([
			'Exported 900 photos of "Trip" (6.20 GB) in 2 ZIP archives, each complete on its own:',
			"  Exports/Trip (part 1 of 2).zip",
			"  Exports/Trip (part 2 of 2).zip",
			"1 photo left out:",
			"  Videos/long.mov: it is 4.61 GB, more than one archive may hold (4.00 GB)",
		]);
	});
});
