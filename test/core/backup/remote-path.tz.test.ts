import { describe, expect, it } from "vitest";
import { beforeExtension, conflictPath, numberedPath, remotePathFor, versionedPath } from "../../../src/core/backup/remote-path";
import { photoRecord } from "../notes/photo-record-builder";

describe("remotePathFor", () => {
	it("mirrors the vault path, names untouched", () => {
		const record = photoRecord({ path: "Photos/Été 2024/IMG #1 & co.HEIC" });
		expect(remotePathFor(record, "mirror")).toBe("Photos/Été 2024/IMG #1 & co.HEIC");
	});

	it.each([
		{ name: "offset east of UTC, late evening on the last day of the year", taken: "2023-12-31T23:30:00+09:00", expected: "2023/12/a.jpg" },
		{ name: "offset west of UTC, just after midnight on the first", taken: "2024-03-01T00:10:00-08:00", expected: "2024/03/a.jpg" },
		{ name: "no offset: the camera's local time", taken: "2024-02-29T23:59:59", expected: "2024/02/a.jpg" },
		{ name: "sub-seconds and a half-hour offset", taken: "2024-06-30T23:45:00.500+05:45", expected: "2024/06/a.jpg" },
		{ name: "a file date (an instant in UTC)", taken: "2022-01-01T00:00:00.000Z", expected: "2022/01/a.jpg" },
	])("files by the date the camera shows, whatever the machine's zone: $name", ({ taken, expected }) => {
		expect(remotePathFor(photoRecord({ path: "Photos/a.jpg", meta: { taken } }), "date")).toBe(expected);
	});

	it("puts a photo without a date under undated/", () => {
		expect(remotePathFor(photoRecord({ path: "Scans/x.png", meta: { taken: null } }), "date")).toBe("undated/x.png");
		expect(remotePathFor(photoRecord({ path: "Scans/y.png", meta: { taken: "garbage" } }), "date")).toBe("undated/y.png");
	});
});

describe("alternative names", () => {
	it("go before the extension of the file name, never into a folder name", () => {
		expect(beforeExtension("a.b/IMG_1.JPG", " (2)")).toBe("a.b/IMG_1 (2).JPG");
		expect(beforeExtension("a.b/README", " (2)")).toBe("a.b/README (2)");
		expect(beforeExtension(".hidden", " (2)")).toBe(".hidden (2)");
		expect(beforeExtension("x.tar.gz", " (2)")).toBe("x.tar (2).gz");
	});

	it("name versions by content and conflicts plainly", () => {
		const sha = "3fa9c2d1".padEnd(64, "0");
		expect(versionedPath("2024/06/IMG_1.JPG", sha)).toBe("2024/06/IMG_1.3fa9c2d1.JPG");
		expect(conflictPath("2024/06/IMG_1.JPG", sha)).toBe("2024/06/IMG_1 (conflict 3fa9c2d1).JPG");
		expect(numberedPath("IMG_1.JPG", 3)).toBe("IMG_1 (3).JPG");
	});
});
