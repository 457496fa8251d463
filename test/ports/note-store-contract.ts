// The NoteStore conformance suite: every implementation (Node on a temp folder, Obsidian on a fake vault) runs it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { splitFrontMatter } from "../../src/core/notes/front-matter";
import type { NoteStore, Properties } from "../../src/core/ports/note-store";

export interface NoteStoreHarness {
	store: NoteStore;
	/** The note's text exactly as the host stored it, or null when there is none. */
	readRaw(path: string): Promise<string | null>;
	/**
	 * Any value that changes whenever the host writes the note: inode and modification time on a disk, a
	 * modify-event count in a fake vault. Equal stamps before and after prove that nothing was written.
	 */
	changeStamp(path: string): Promise<string>;
	cleanup(): Promise<void>;
}

/** Properties as any reader sees them: the front matter of the stored text, parsed. */
export function propertiesOf(text: string | null): Properties | null {
	if (text === null) return null;
	const { frontMatter } = splitFrontMatter(text);
	return frontMatter === null ? {} : ((parse(frontMatter) ?? {}) as Properties);
}

/** Strings a careless writer would let turn into booleans, dates, numbers, lists or broken front matter. */
export const TRICKY_STRINGS: readonly string[] = [
	"yes", "No", "on", "OFF", "y", "n", "true", "null", "~", "", " ", " padded ", "=",
	"1/250", "0.5", "1e3", "0x1F", "012", "1:20", ".inf", "-1", "+1",
	"2024-06-01", "2024-06-01T14:03:22+02:00", "2024-06-01 14:03:22",
	"[[Photos/a.jpg]]", "[a, b]", "{a: 1}", "#tag", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick",
	"---", "...", "- item", "? key", "a: b", "a #b", "trailing:", "'single'", "\"double\"", "back\\slash",
	"line\nbreak", "crlf\r\nbreak", "tab\there", "nul\u0000char", "bell\u0007", "del\u007f", "nel\u0085", "ls\u2028ps\u2029",
	"bom\ufeff", "東京", "🎉👨‍👩‍👧", "e\u0301", "x".repeat(300),
];

export function describeNoteStoreContract(name: string, make: () => Promise<NoteStoreHarness>): void {
	describe(`NoteStore contract: ${name}`, () => {
		let h: NoteStoreHarness;
		beforeEach(async () => {
			h = await make();
		});
		afterEach(async () => {
			await h.cleanup();
		});

		const props: Properties = { title: "A photo", count: 3, ratio: 1.5, done: false, tags: ["a", "b"], nested: { k: null } };
		const body = "# Heading\n\nSome text.\n";

		it("reads null where there is no note", async () => {
			expect(await h.store.read("nothing/here.md")).toBeNull();
		});

		it("creates a note with its properties and body, and any missing folders", async () => {
			await h.store.create("a/b/c/Note 1.md", props, body);
			const text = await h.store.read("a/b/c/Note 1.md");
			expect(text).toBe(await h.readRaw("a/b/c/Note 1.md"));
			expect(propertiesOf(text)).toEqual(props);
			expect(splitFrontMatter(text ?? "").body).toBe(body);
		});

		it("refuses to create over an existing note and leaves it as it was", async () => {
			await h.store.create("n.md", props, body);
			const before = await h.readRaw("n.md");
			await expect(h.store.create("n.md", { other: 1 }, "other")).rejects.toThrow();
			expect(await h.readRaw("n.md")).toBe(before);
		});

		it("round-trips strings that YAML could misread, exactly", async () => {
			const tricky: Properties = {};
			TRICKY_STRINGS.forEach((value, i) => {
				tricky[`s${i}`] = value;
			});
			tricky.list = [...TRICKY_STRINGS];
			await h.store.create("tricky.md", tricky, body);
			const text = await h.readRaw("tricky.md");
			expect(propertiesOf(text)).toEqual(tricky);
			expect(splitFrontMatter(text ?? "").body).toBe(body);
		});

		it("applies an edit: changes, additions and removals, leaving other properties as they were", async () => {
			await h.store.create("n.md", props, body);
			const written = await h.store.update("n.md", {
				properties: (p) => {
					p.title = "Renamed";
					p.added = [1, 2];
					delete p.count;
				},
			});
			expect(written).toBe(true);
			const text = await h.readRaw("n.md");
			expect(propertiesOf(text)).toEqual({ title: "Renamed", ratio: 1.5, done: false, tags: ["a", "b"], nested: { k: null }, added: [1, 2] });
			expect(splitFrontMatter(text ?? "").body).toBe(body);
		});

		it("applies a body edit and keeps the properties", async () => {
			await h.store.create("n.md", props, body);
			expect(await h.store.update("n.md", { body: (b) => `${b}\nMore.\n` })).toBe(true);
			const text = await h.readRaw("n.md");
			expect(splitFrontMatter(text ?? "").body).toBe(`${body}\nMore.\n`);
			expect(propertiesOf(text)).toEqual(props);
		});

		it("writes nothing when the edit changes nothing: same bytes, no write at all", async () => {
			await h.store.create("n.md", props, body);
			const bytes = await h.readRaw("n.md");
			const stamp = await h.changeStamp("n.md");
			const edits = [
				{},
				{ properties: () => {} },
				{ body: (b: string) => b },
				{
					properties: (p: Properties) => {
						p.title = "A photo";
						p.tags = ["a", "b"];
						p.nested = { k: null };
					},
					body: (b: string) => `${b}`,
				},
			];
			for (const edit of edits) expect(await h.store.update("n.md", edit)).toBe(false);
			expect(await h.readRaw("n.md")).toBe(bytes);
			expect(await h.changeStamp("n.md")).toBe(stamp);
		});

		it("refuses to update a note that does not exist, creating nothing", async () => {
			await expect(h.store.update("ghost.md", { properties: (p) => { p.a = 1; } })).rejects.toThrow();
			expect(await h.readRaw("ghost.md")).toBeNull();
		});

		it("lists every note under a folder, recursively; a missing folder lists as empty", async () => {
			for (const path of ["f/a.md", "f/sub/b.md", "f/sub/deeper/c.md", "fx/d.md", "e.md"]) await h.store.create(path, {}, "x\n");
			expect((await h.store.list("f")).sort()).toEqual(["f/a.md", "f/sub/b.md", "f/sub/deeper/c.md"]);
			expect((await h.store.list("")).sort()).toEqual(["e.md", "f/a.md", "f/sub/b.md", "f/sub/deeper/c.md", "fx/d.md"]);
			expect(await h.store.list("missing")).toEqual([]);
		});

		it("moves a note with its text, creating the target's folders", async () => {
			await h.store.create("old/n.md", props, body);
			const text = await h.readRaw("old/n.md");
			await h.store.move("old/n.md", "new/place/N 2.md");
			expect(await h.readRaw("old/n.md")).toBeNull();
			expect(await h.readRaw("new/place/N 2.md")).toBe(text);
			expect(await h.store.list("new")).toEqual(["new/place/N 2.md"]);
		});

		it("refuses to move onto an existing note and keeps both", async () => {
			await h.store.create("a.md", { a: 1 }, "a\n");
			await h.store.create("b.md", { b: 1 }, "b\n");
			const a = await h.readRaw("a.md");
			const b = await h.readRaw("b.md");
			await expect(h.store.move("a.md", "b.md")).rejects.toThrow();
			expect(await h.readRaw("a.md")).toBe(a);
			expect(await h.readRaw("b.md")).toBe(b);
		});

		it("refuses to move a note that does not exist", async () => {
			await expect(h.store.move("ghost.md", "x.md")).rejects.toThrow();
			expect(await h.readRaw("x.md")).toBeNull();
		});
	});
}
