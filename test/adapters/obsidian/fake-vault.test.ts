// The fake Obsidian vault itself: a tree from disk, events, write counting, Obsidian's always-write habits, link-updating rename.
import { readFile, writeFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizePath, TFile, TFolder } from "../../fakes/obsidian/vault";
import { frontMatterOf } from "../../support/note-text";
import { seededVault } from "./vault-fixture";

describe("fake vault", () => {
	it("builds its tree from the folder on disk and leaves hidden entries out", async () => {
		const { vault } = await seededVault({ "Photos/2024/a.jpg": "x", "Notes/n.md": "hi", ".obsidian/app.json": "{}", "Photos/.hidden.jpg": "h" });
		expect(vault.getRoot().path).toBe("/");
		expect(vault.getFileByPath("Photos/2024/a.jpg")).toBeInstanceOf(TFile);
		expect(vault.getFolderByPath("Photos/2024")).toBeInstanceOf(TFolder);
		expect(vault.getFileByPath("Photos/2024/a.jpg")?.parent?.path).toBe("Photos/2024");
		expect(vault.getAbstractFileByPath(".obsidian")).toBeNull();
		expect(vault.getAbstractFileByPath("Photos/.hidden.jpg")).toBeNull();
		expect(vault.getFiles().map((f) => f.path).sort()).toEqual(["Notes/n.md", "Photos/2024/a.jpg"]);
		expect(vault.wholeVaultListings).toBe(1);
	});

	it("names files like Obsidian: basename, extension, size from disk", async () => {
		const { vault } = await seededVault({ "a/IMG 1.final.HEIC": "12345" });
		const file = vault.getFileByPath("a/IMG 1.final.HEIC");
		expect(file).toMatchObject({ name: "IMG 1.final.HEIC", basename: "IMG 1.final", extension: "HEIC" });
		expect(file?.stat.size).toBe(5);
	});

	it("writes and fires modify on modify, process and processFrontMatter even when nothing changes", async () => {
		const { vault, fileManager } = await seededVault({ "n.md": "---\na: 1\n---\nbody\n" });
		const file = vault.getFileByPath("n.md");
		if (!file) throw new Error("seeded note missing");
		const modified: string[] = [];
		vault.on("modify", (f: TFile) => modified.push(f.path));
		await vault.modify(file, await vault.read(file));
		await vault.process(file, (text) => text);
		await fileManager.processFrontMatter(file, () => {});
		expect(vault.writesTo("n.md")).toBe(3);
		expect(modified).toEqual(["n.md", "n.md", "n.md"]);
		expect(frontMatterOf(await vault.read(file))).toEqual({ a: 1 });
	});

	it("refuses to create over an existing file or into a missing folder", async () => {
		const { vault } = await seededVault({ "n.md": "x" });
		await expect(vault.create("n.md", "y")).rejects.toThrow("File already exists.");
		await expect(vault.create("No/Such/n.md", "y")).rejects.toThrow(/no folder "No\/Such"/);
		await vault.createFolder("No/Such");
		await vault.create("No/Such/n.md", "y");
		expect(vault.eventLog.map((e) => `${e.name} ${e.path}`)).toEqual(["create No", "create No/Such", "create No/Such/n.md"]);
	});

	it("rename moves the node, fires rename with the old path, and refuses an existing destination", async () => {
		const { vault } = await seededVault({ "a/x.jpg": "1", "b/y.jpg": "2" });
		const file = vault.getFileByPath("a/x.jpg");
		if (!file) throw new Error("seeded file missing");
		await expect(vault.rename(file, "b/y.jpg")).rejects.toThrow("Destination file already exists!");
		await vault.rename(file, "b/x.jpg");
		expect(file.path).toBe("b/x.jpg");
		expect(vault.getFileByPath("a/x.jpg")).toBeNull();
		expect(vault.getFolderByPath("a")?.children).toEqual([]);
		expect(vault.eventLog).toEqual([{ name: "rename", path: "b/x.jpg", oldPath: "a/x.jpg" }]);
	});

	it("FileManager.renameFile updates wikilinks, embeds, aliases, Markdown links and front matter in other notes", async () => {
		const note = [
			"---",
			'photo: "[[Photos/old name.jpg]]"',
			"---",
			"![[Photos/old name.jpg]] [[Photos/old name.jpg|alias]] [[Photos/old name.jpg#x]]",
			"[md](<Photos/old%20name.jpg>) [md2](Photos/old%20name.jpg) [[Photos/old name.jpgx]] [[Other.jpg]]",
			"",
		].join("\n");
		const { vault, fileManager } = await seededVault({ "Photos/old name.jpg": "p", "N/note.md": note, "N/other.md": "no links" });
		const photo = vault.getFileByPath("Photos/old name.jpg");
		if (!photo) throw new Error("seeded photo missing");
		await fileManager.renameFile(photo, "Photos/new (1).jpg");
		const text = await readFile(join(vault.basePath, "N/note.md"), "utf8");
		expect(text).toBe(
			[
				"---",
				'photo: "[[Photos/new (1).jpg]]"',
				"---",
				"![[Photos/new (1).jpg]] [[Photos/new (1).jpg|alias]] [[Photos/new (1).jpg#x]]",
				"[md](<Photos/new%20%281%29.jpg>) [md2](Photos/new%20%281%29.jpg) [[Photos/old name.jpgx]] [[Other.jpg]]",
				"",
			].join("\n"),
		);
		expect(vault.writesTo("N/other.md")).toBe(0);
		expect(vault.wholeVaultListings).toBe(0);
	});

	it("renameFile of a note updates links written without the .md extension", async () => {
		const { vault, fileManager } = await seededVault({ "A/note.md": "n", "B/index.md": "see [[A/note]] and [[A/note.md|n]]" });
		const note = vault.getFileByPath("A/note.md");
		if (!note) throw new Error("seeded note missing");
		await fileManager.renameFile(note, "A/renamed.md");
		expect(await readFile(join(vault.basePath, "B/index.md"), "utf8")).toBe("see [[A/renamed]] and [[A/renamed.md|n]]");
	});

	it("syncFromDisk picks up files another app created, changed and deleted", async () => {
		const { vault, root } = await seededVault({ "a.jpg": "1", "b.jpg": "2" });
		await writeFile(join(root, "c.jpg"), "3");
		await writeFile(join(root, "a.jpg"), "changed");
		await rm(join(root, "b.jpg"));
		vault.syncFromDisk();
		expect(vault.eventLog.map((e) => `${e.name} ${e.path}`).sort()).toEqual(["create c.jpg", "delete b.jpg", "modify a.jpg"]);
		expect(vault.getFileByPath("a.jpg")?.stat.size).toBe(7);
		expect(vault.totalWrites()).toBe(0);
	});

	it("emitCreate adds one file written behind the vault's back", async () => {
		const { vault, root } = await seededVault();
		await writeFile(join(root, "new.jpg"), "n");
		const created: string[] = [];
		const ref = vault.on("create", (f: TFile) => created.push(f.path));
		vault.emitCreate("new.jpg");
		vault.offref(ref);
		expect(created).toEqual(["new.jpg"]);
		expect(vault.listenerCount()).toBe(0);
	});

	it("adapter writes count, reach the tree for visible paths, and stay out of it for hidden ones", async () => {
		const { vault, root } = await seededVault();
		await vault.adapter.mkdir(".obsidian/plugins/x");
		await vault.adapter.write(".obsidian/plugins/x/data.json", "{}");
		await vault.adapter.write("visible.md", "v");
		expect(vault.getAbstractFileByPath(".obsidian/plugins/x/data.json")).toBeNull();
		expect(vault.getFileByPath("visible.md")).not.toBeNull();
		expect(vault.writesTo(".obsidian/plugins/x/data.json")).toBe(1);
		expect(vault.adapter.getFullPath("visible.md")).toBe(join(root, "visible.md"));
		await vault.adapter.write("visible.md.tmp", "t");
		await expect(vault.adapter.rename("visible.md.tmp", "visible.md")).rejects.toThrow("Destination file already exists!");
	});

	it("trashFile moves to .trash and fires delete", async () => {
		const { vault, fileManager, root } = await seededVault({ "a.md": "a" });
		const file = vault.getFileByPath("a.md");
		if (!file) throw new Error("seeded note missing");
		await fileManager.trashFile(file);
		expect(vault.getFileByPath("a.md")).toBeNull();
		expect(existsSync(join(root, "a.md"))).toBe(false);
		expect(vault.eventLog).toEqual([{ name: "delete", path: "a.md" }]);
	});

	it("metadataCache reads the front matter from disk, and none for bad YAML", async () => {
		const { vault, metadataCache } = await seededVault({ "ok.md": "---\ntags: [a]\n---\n", "bad.md": "---\na: [\n---\n" });
		expect(metadataCache.getCache("ok.md")?.frontmatter).toEqual({ tags: ["a"] });
		const bad = vault.getFileByPath("bad.md");
		expect(bad && metadataCache.getFileCache(bad)?.frontmatter).toBeUndefined();
	});

	it("normalizePath behaves like Obsidian's", () => {
		expect(normalizePath("")).toBe("/");
		expect(normalizePath("/a//b\\c/")).toBe("a/b/c");
		expect(normalizePath("a\u00A0b")).toBe("a b");
		expect(normalizePath("e\u0301")).toBe("é");
	});
});
