import { describe, expect, it } from "vitest";
import { escapeLinkText, escapeMarkdown } from "../../../src/core/notes/markdown-escape";

describe("escapeMarkdown", () => {
	it("leaves ordinary camera strings readable", () => {
		expect(escapeMarkdown("EF24-105mm f/4L IS USM")).toBe("EF24-105mm f/4L IS USM");
		expect(escapeMarkdown("Café 東京")).toBe("Café 東京");
	});

	it("escapes every character that starts inline Markdown or Obsidian syntax", () => {
		expect(escapeMarkdown("*a* _b_ ~~c~~ ==d== [[e]] ![f] #g ^h %%i%% $j$ `k` <l> &m; |n| \\o")).toBe(
			"\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\=\\=d\\=\\= \\[\\[e\\]\\] \\!\\[f\\] \\#g \\^h \\%\\%i\\%\\% \\$j\\$ \\`k\\` \\<l\\> \\&m; \\|n\\| \\\\o",
		);
	});

	it("turns every kind of line break into a space, so text cannot leave its line", () => {
		expect(escapeMarkdown("a\nb\r\nc\rd\u2028e\u2029f\u0085g\u0000h")).toBe("a b c d e f g h");
		expect(escapeMarkdown("\n---\n# Heading\n")).toBe("--- \\# Heading");
	});
});

describe("escapeLinkText", () => {
	it("escapes only what ends a link's text", () => {
		expect(escapeLinkText("a [b] \\ #c\nd")).toBe("a \\[b\\] \\\\ #c d");
	});
});
