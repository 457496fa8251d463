import { lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NodeNoteStore } from "../../src/adapters/node/node-note-store";
import { describeNoteStoreContract, propertiesOf } from "./note-store-contract";

async function readRawIn(root: string, path: string): Promise<string | null> {
	return readFile(join(root, path), "utf8").catch(() => null);
}

describeNoteStoreContract("NodeNoteStore", async () => {
	const root = await mkdtemp(join(tmpdir(), "pa-note-store-"));
	return {
		store: new NodeNoteStore(root),
		readRaw: (path) => readRawIn(root, path),
		changeStamp: async (path) => {
			const s = await stat(join(root, path), { bigint: true });
			return `${s.ino}:${s.mtimeNs}:${s.ctimeNs}`;
		},
		cleanup: () => rm(root, { recursive: true, force: true }),
	};
});

describe("NodeNoteStore on disk", () => {
	let root: string;
	let store: NodeNoteStore;
	beforeEach(async () => {
		root = await mkdtemp(join(tmpdir(), "pa-note-store-"));
		store = new NodeNoteStore(root);
	});
	afterEach(async () => {
		await rm(root, { recursive: true, force: true });
	});

	const raw = (path: string) => readRawIn(root, path);
	async function put(path: string, text: string): Promise<void> {
		await mkdir(dirname(join(root, path)), { recursive: true });
		await writeFile(join(root, path), text, "utf8");
	}

	it("quotes every string a YAML 1.1 reader or a person could misread, and leaves plain words plain", async () => {
		await store.create("n.md", {
			make: "yes", exposure: "1/250", taken: "2024-06-01T14:03:22+02:00", date: "2024-06-01", link: "[[a]]", map: "{a}",
			tag: "#x", rule: "---", colon: "a: b", multi: "a\nb", on: "on", word: "Apple", model: "iPhone 15 Pro", f: 1.8,
		}, "");
		const text = await raw("n.md");
		for (const line of [
			'make: "yes"', 'exposure: "1/250"', 'taken: "2024-06-01T14:03:22+02:00"', 'date: "2024-06-01"', 'link: "[[a]]"',
			'map: "{a}"', 'tag: "#x"', 'rule: "---"', 'colon: "a: b"', 'multi: "a\\nb"', '"on": "on"', "word: Apple",
			"model: iPhone 15 Pro", "f: 1.8",
		]) {
			expect(text).toContain(`\n${line}\n`);
		}
	});

	it("escapes characters that some YAML readers take for line breaks, so every value stays on one line", async () => {
		await store.create("n.md", { a: "x\u2028y\u2029z\u0085w\ufeffv\u007f" }, "");
		const text = (await raw("n.md")) ?? "";
		expect(text).toContain('a: "x\\u2028y\\u2029z\\u0085w\\ufeffv\\u007f"');
		expect(propertiesOf(text)).toEqual({ a: "x\u2028y\u2029z\u0085w\ufeffv\u007f" });
	});

	it("does not rewrite a note Obsidian (or a person) formatted differently when nothing changed", async () => {
		const text = "---\n# a comment\ntags:\n- one\n- two\ntitle:   'Hello'\ncount: 0x10\n---\nBody\n";
		await put("n.md", text);
		const before = await stat(join(root, "n.md"), { bigint: true });
		const written = await store.update("n.md", {
			properties: (p) => {
				p.tags = ["one", "two"];
				p.title = "Hello";
				p.count = 16;
			},
		});
		expect(written).toBe(false);
		expect(await raw("n.md")).toBe(text);
		expect((await stat(join(root, "n.md"), { bigint: true })).mtimeNs).toBe(before.mtimeNs);
	});

	it("keeps the front matter's bytes when only the body changes", async () => {
		await put("n.md", "---\n# kept comment\ntitle:   'Hello'\n---\nBody\n");
		expect(await store.update("n.md", { body: () => "New body\n" })).toBe(true);
		expect(await raw("n.md")).toBe("---\n# kept comment\ntitle:   'Hello'\n---\nNew body\n");
	});

	it("keeps a CRLF note in CRLF", async () => {
		await put("n.md", "---\r\na: 1\r\n---\r\nBody\r\n");
		await store.update("n.md", { properties: (p) => { p.b = "two"; } });
		expect(await raw("n.md")).toBe("---\r\na: 1\r\nb: two\r\n---\r\nBody\r\n");
	});

	it("adds front matter to a note without, and to one whose '---' block is never closed, keeping all the text", async () => {
		await put("plain.md", "Just text\n");
		await store.update("plain.md", { properties: (p) => { p.a = 1; } });
		expect(await raw("plain.md")).toBe("---\na: 1\n---\nJust text\n");
		await put("open.md", "---\nnot: closed\n");
		await store.update("open.md", { properties: (p) => { p.a = 1; } });
		expect(await raw("open.md")).toBe("---\na: 1\n---\n---\nnot: closed\n");
	});

	it("drops the front matter when the last property goes, unless the body would then look like front matter", async () => {
		await put("n.md", "---\na: 1\n---\nBody\n");
		await store.update("n.md", { properties: (p) => { delete p.a; } });
		expect(await raw("n.md")).toBe("Body\n");
		await put("m.md", "---\na: 1\n---\n---\nb: 2\n---\n");
		await store.update("m.md", { properties: (p) => { delete p.a; } });
		expect(await raw("m.md")).toBe("---\n---\n---\nb: 2\n---\n");
	});

	it.each([
		["broken YAML", "---\na: [1, 2\n---\nBody\n", /not valid YAML/],
		["duplicate keys", "---\na: 1\na: 2\n---\nBody\n", /not valid YAML/],
		["a list instead of properties", "---\n- a\n- b\n---\nBody\n", /not a list of names and values/],
	])("refuses to update a note with %s, naming it and leaving it untouched", async (_case, text, message) => {
		await put("bad.md", text);
		await expect(store.update("bad.md", { properties: (p) => { p.x = 1; } })).rejects.toThrow(message);
		await expect(store.update("bad.md", { properties: (p) => { p.x = 1; } })).rejects.toThrow(/bad\.md/);
		expect(await raw("bad.md")).toBe(text);
	});

	it("leaves the note untouched when the edit throws", async () => {
		await store.create("n.md", { a: 1 }, "Body\n");
		const before = await raw("n.md");
		await expect(store.update("n.md", { body: () => { throw new Error("boom"); } })).rejects.toThrow("boom");
		expect(await raw("n.md")).toBe(before);
	});

	it("leaves no temporary files behind", async () => {
		await store.create("d/n.md", { a: 1 }, "x");
		await store.update("d/n.md", { properties: (p) => { p.a = 2; } });
		await expect(store.create("d/n.md", {}, "y")).rejects.toThrow(/already/);
		expect(await readdir(join(root, "d"))).toEqual(["n.md"]);
	});

	it("lists only Markdown notes and skips hidden folders such as the config folder", async () => {
		await put(".config/workspace.md", "x");
		await put("P/.trash/old.md", "x");
		await put("P/photo.jpg", "x");
		await put("P/a.md", "x");
		expect(await store.list("")).toEqual(["P/a.md"]);
		expect(await store.list("P/")).toEqual(["P/a.md"]);
	});

	it("renames a note to a different case of its own name", async () => {
		await store.create("case.md", { a: 1 }, "x");
		await store.move("case.md", "CASE.md");
		expect(await store.list("")).toEqual(["CASE.md"]);
		expect(await raw("CASE.md")).toContain("a: 1");
	});

	it("moves a note into a folder that does not exist yet and leaves no link behind", async () => {
		await store.create("a.md", { a: 1 }, "x");
		await store.move("a.md", "deep/er/b.md");
		expect((await lstat(join(root, "deep/er/b.md"))).nlink).toBe(1);
	});

	it.each(["../outside.md", "a/../../b.md", "/etc/passwd", "a\\b.md", "C:/x.md", "a//b.md", "./a.md", ""])(
		"refuses the path %j, which could leave the vault",
		async (path) => {
			await expect(store.read(path)).rejects.toThrow(/not a vault path/);
			await expect(store.create(path, {}, "")).rejects.toThrow(/not a vault path/);
			await expect(store.update(path, {})).rejects.toThrow(/not a vault path/);
			await expect(store.move("x.md", path)).rejects.toThrow(/not a vault path/);
		},
	);

	it("refuses to list a folder outside the vault", async () => {
		await expect(store.list("../")).rejects.toThrow(/not a vault path/);
	});
});
