// index.html's words: dates exactly as stored (never moved to the machine's zone), cameras, escaping.
import { describe, expect, it } from "vitest";
import { cameraText, contactSheet, dateRange, escapeHtml, takenText } from "../../../src/core/export/contact-sheet";

describe("the contact sheet", () => {
	it("shows the stored wall clock and offset, whatever the machine's zone", () => {
		expect(takenText("2024-06-01T18:42:05.120+01:00", false)).toBe("2024-06-01 18:42:05 +01:00");
		expect(takenText("2023-12-24T19:30:11", false)).toBe("2023-12-24 19:30:11");
		expect(takenText("2021-04-05T06:07:08Z", true)).toBe("2021-04-05 06:07:08 UTC (file date)");
		expect(takenText(null, false)).toBe("Date unknown");
		expect(dateRange([{ taken: "2024-06-14T23:59:00-07:00" }, { taken: "2024-06-01T00:10:00+09:00" }, { taken: null }])).toBe("2024-06-01 – 2024-06-14");
	});

	it("names the camera once", () => {
		expect(cameraText("Canon", "Canon EOS 30D")).toBe("Canon EOS 30D");
		expect(cameraText("Apple", "iPhone 15")).toBe("Apple iPhone 15");
		expect(cameraText(null, null)).toBeNull();
	});

	it("escapes every value and links files by percent-encoded relative paths", () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
		const html = contactSheet({
			title: "<script>alert(1)</script>",
			description: "Line one\n<img src=x onerror=alert(1)>",
			locationRemoved: false,
			photos: [
				{ file: "photos/001 a#1?.jpg", name: "a#1?.jpg", mime: "image/jpeg", taken: null, takenFromFile: false, make: "<b>", model: null },
				{ file: "photos/002 b.HEIC", name: "b.HEIC", mime: "image/heic", taken: "2024-06-01T10:00:00", takenFromFile: false, make: null, model: null },
			],
		});
		expect(html).not.toMatch(/<script|<img src=x|<b>/);
		expect(html).toContain('<img src="photos/001%20a%231%3F.jpg" alt="a#1?.jpg" loading="lazy">');
		expect(html).toContain('<a class="tile" href="photos/002%20b.HEIC"><span>HEIC photo</span><span>Open b.HEIC</span></a>');
		expect(html).toContain("Line one\n&lt;img src=x onerror=alert(1)&gt;");
	});
});
