import { describe, expect, it } from "vitest";
import { encodeLinkPath, isWikilinkSafe, photoEmbed, photoLink } from "../../../src/core/notes/photo-link";

describe("photoLink and photoEmbed", () => {
	it("use a wikilink with the full vault path when the path allows it", () => {
		expect(photoLink("Photos/2024/IMG_1.HEIC")).toBe("[[Photos/2024/IMG_1.HEIC]]");
		expect(photoEmbed("Photos/2024/IMG_1.HEIC")).toBe("![[Photos/2024/IMG_1.HEIC]]");
		expect(photoLink("Fotos/東京 2024/写真 (1).jpg")).toBe("[[Fotos/東京 2024/写真 (1).jpg]]");
		expect(photoLink("P/50% off.jpg")).toBe("[[P/50% off.jpg]]");
	});

	it.each(["P/IMG#1.jpg", "P/a|b.jpg", "P/[x].jpg", "P/a^b.jpg", "P/100%%.jpg", "P/a]]b.jpg", "P/tick`s.jpg", "P/ lead.jpg", "P/x\ny.jpg"])(
		"fall back to a Markdown link for %j",
		(path) => {
			expect(isWikilinkSafe(path)).toBe(false);
			const link = photoLink(path);
			const embed = photoEmbed(path);
			expect(link).toMatch(/^\[.*\]\(<[^<>\s]+>\)$/s);
			expect(embed).toMatch(/^!\[\]\(<[^<>\s]+>\)$/);
			expect(decodeURIComponent(embed.slice("![](<".length, -">)".length))).toBe(path);
		},
	);

	it("escapes brackets in the Markdown link's text so it cannot end early", () => {
		expect(photoLink("P/[a] #1.jpg")).toBe("[\\[a\\] #1.jpg](<P/%5Ba%5D%20%231.jpg>)");
	});
});

describe("encodeLinkPath", () => {
	it("encodes every ASCII character with a meaning in Markdown or URLs, keeps letters of any script", () => {
		expect(encodeLinkPath("a b#c|d[e]f^g%h(i)j<k>l!m'n*o`p$q&r+s,t;u=v?w@x\\y")).toBe(
			"a%20b%23c%7Cd%5Be%5Df%5Eg%25h%28i%29j%3Ck%3El%21m%27n%2Ao%60p%24q%26r%2Bs%2Ct%3Bu%3Dv%3Fw%40x%5Cy",
		);
		expect(encodeLinkPath("Été/日本/🎉.jpg")).toBe("Été/日本/🎉.jpg");
	});

	it("encodes invisible and separator characters that would not survive a copy", () => {
		expect(encodeLinkPath("a\u00a0b\u2028c\u200bd")).toBe("a%C2%A0b%E2%80%A8c%E2%80%8Bd");
	});

	it("survives a lone surrogate instead of throwing", () => {
		expect(encodeLinkPath("a\ud800b")).toBe("a%EF%BF%BDb");
	});
});
