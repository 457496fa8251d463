// MIME types by extension, as backup targets and notes show them.
import { describe, expect, it } from "vitest";
import { mimeOf } from "../../../src/core/metadata/read-metadata";

describe("mimeOf", () => {
	it.each([
		["IMG_0001.HEIC", "image/heic"],
		["Photos/2024/a.b.jpeg", "image/jpeg"],
		["scan.TIF", "image/tiff"],
		["DSCF0001.RAF", "image/x-fujifilm-raf"],
		["IMG_1.CR2", "image/x-canon-cr2"],
		["IMG_1.cr3", "image/x-canon-cr3"],
		["DSC_1.nef", "image/x-nikon-nef"],
		["P1.RW2", "image/x-panasonic-rw2"],
		["clip.mov", "video/quicktime"],
		["clip.MP4", "video/mp4"],
		["clip.m4v", "video/x-m4v"],
		["clip.3gp", "video/3gpp"],
		["picture.webp", "image/webp"],
		["folder.jpg\\notes.txt", "application/octet-stream"],
		[".jpg", "application/octet-stream"],
		["README", "application/octet-stream"],
	])("%s is %s", (name, mime) => {
		expect(mimeOf(name)).toBe(mime);
	});
});
