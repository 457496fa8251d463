import { describe, expect, it } from "vitest";
import { SECTION_BEGIN, SECTION_END, renderGeneratedSection } from "../../../src/core/notes/generated-section";
import { renderPhotoNote } from "../../../src/core/notes/render-photo-note";
import { HOSTILE } from "./hostile-strings";
import { cellCount, tableRows, unescaped } from "./markdown-structure";
import { SHA, photoRecord } from "./photo-record-builder";

function row(section: string, label: string): string | undefined {
	return section.split("\n").find((line) => line.startsWith(`| ${label} |`));
}

describe("renderGeneratedSection", () => {
	it("frames the embed, the metadata table and the backups between the markers", () => {
		const section = renderGeneratedSection(photoRecord());
		const lines = section.split("\n");
		expect(lines[0]).toBe(SECTION_BEGIN);
		expect(lines.at(-1)).toBe(SECTION_END);
		expect(lines[1]).toBe("![[Photos/2024/IMG_0001.HEIC]]");
		expect(row(section, "Taken")).toBe("| Taken | 2024-06-01 14:03:22 (UTC+02:00) |");
		expect(row(section, "Camera")).toBe("| Camera | Apple iPhone 15 Pro |");
		expect(row(section, "Exposure")).toBe("| Exposure | 1/250 s |");
		expect(row(section, "Aperture")).toBe("| Aperture | f/1.8 |");
		expect(row(section, "Focal length")).toBe("| Focal length | 6.8 mm |");
		expect(row(section, "Dimensions")).toBe("| Dimensions | 4032 × 3024 (12.2 MP) |");
		expect(row(section, "Location")).toBe(
			"| Location | [48.85840° N, 2.29450° E](https://www.openstreetmap.org/?mlat=48.8584&mlon=2.2945#map=17/48.8584/2.2945) |",
		);
		expect(row(section, "Size")).toBe("| Size | 2.4 MB (2412345 bytes) |");
		expect(row(section, "SHA-256")).toBe(`| SHA-256 | \`${SHA}\` |`);
		expect(section).toContain("### Backups\n\nNot backed up yet.\n");
		expect(section).not.toContain("[!warning]");
	});

	it("keeps the camera's time and offset whatever the machine's zone", () => {
		const local = renderGeneratedSection(photoRecord({ meta: { taken: "2023-12-31T23:30:00" } }));
		expect(row(local, "Taken")).toBe("| Taken | 2023-12-31 23:30:00 |");
		const fromFile = renderGeneratedSection(photoRecord({ meta: { taken: "2023-12-31T23:30:00.000Z", takenSource: "file" } }));
		expect(row(fromFile, "Taken")).toBe("| Taken | 2023-12-31 23:30:00 UTC, from the file's date (the photo records none) |");
	});

	it("leaves out rows for what is unknown, and does not repeat the make in the camera", () => {
		const section = renderGeneratedSection(photoRecord({
			meta: { taken: null, lens: null, latitude: null, longitude: null, altitude: null, make: "Canon", model: "Canon EOS R5" },
		}));
		for (const label of ["Taken", "Lens", "Location", "Altitude"]) expect(row(section, label)).toBeUndefined();
		expect(row(section, "Camera")).toBe("| Camera | Canon EOS R5 |");
	});

	it("warns while the original is missing, with the date it went missing", () => {
		const section = renderGeneratedSection(photoRecord({ missingSince: "2024-07-01T22:15:09.000Z" }));
		expect(section.split("\n")[1]).toBe("> [!warning] Original missing since 2024-07-01 22:15 UTC");
	});

	it("lists backup rows when there are some, escaped like any text", () => {
		const section = renderGeneratedSection(photoRecord(), {
			backups: [{ target: "NAS | home", status: "Backed up", detail: "2024-07-02" }, { target: "S3", status: "Failed: *quota*" }],
		});
		expect(section).not.toContain("Not backed up yet");
		expect(section).toContain("| Target | Status | Detail |");
		expect(section).toContain("| NAS \\| home | Backed up | 2024-07-02 |");
		expect(section).toContain("| S3 | Failed: \\*quota\\* |  |");
	});

	it.each(HOSTILE)("keeps the EXIF string %j from breaking the note", (hostile) => {
		const section = renderGeneratedSection(photoRecord({ meta: { make: hostile, model: hostile, lens: hostile } }));
		const lines = section.split("\n");
		const body = lines.slice(1, -1);
		for (const line of tableRows(section)) expect(cellCount(line)).toBe(2);
		expect(body.filter((line) => /^#{1,6} /.test(line))).toEqual(["### Backups"]);
		expect(body).not.toContain("---");
		expect(body.filter((line) => line.startsWith(">"))).toEqual([]);
		for (const line of [row(section, "Camera"), row(section, "Lens")]) {
			expect(line).toBeDefined();
			for (const token of ["[[", "](", "<", "`", "%%", "==", "#", "^", "$", "*", "_"]) {
				expect(unescaped(line ?? "", token), `${token} in ${line}`).toBe(0);
			}
		}
		expect(lines.filter((line) => line === SECTION_BEGIN || line === SECTION_END)).toHaveLength(2);
	});
});

describe("renderPhotoNote", () => {
	it("is the generated section followed by an empty Notes area", () => {
		const record = photoRecord();
		expect(renderPhotoNote(record)).toBe(`${renderGeneratedSection(record)}\n\n## Notes\n\n`);
	});
});
