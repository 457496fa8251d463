// VaultNoteStore on the fake vault: the NoteStore contract, with Obsidian's habit of writing even unchanged notes.
import { readFileSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VaultNoteStore } from "../../src/adapters/obsidian/vault-note-store";
import { PhotoArchivistError } from "../../src/core/model/errors";
import type { Properties } from "../../src/core/ports/note-store";
import { seededVault } from "../adapters/obsidian/vault-fixture";
import { createFakeVault } from "../fakes/obsidian/vault";
import { frontMatterOf } from "../support/note-text";
import { describeNoteStoreContract, TRICKY_STRINGS } from "./note-store-contract";

describeNoteStoreContract("VaultNoteStore on the fake vault", async () => {
	const root = await mkdtemp(join(tmpdir(), "pa-vault-notes-"));
	const { vault, fileManager } = createFakeVault(root);
	return {
		store: new VaultNoteStore({ vault, fileManager }),
		readRaw: (path) => readFile(join(root, path), "utf8").catch(() => null),
		// Writes and events as the vault saw them, and the disk's own clock, in case something went around the vault.
		changeStamp: async (path) => {
			const events = vault.eventLog.filter((e) => e.path === path && e.name === "modify").length;
			return `${vault.writesTo(path)}:${events}:${(await stat(join(root, path), { bigint: true })).mtimeNs}`;
		},
		cleanup: () => rm(root, { recursive: true, force: true }),
	};
});

async function storeIn(files: Record<string, string> = {}) {
	const host = await seededVault(files);
	const store = new VaultNoteStore({ vault: host.vault, fileManager: host.fileManager });
	const raw = (path: string) => readFileSync(join(host.root, path), "utf8");
	return { ...host, store, raw };
}

describe("VaultNoteStore", () => {
	it("creates a note with its parent folders, front matter and body", async () => {
		const { store, vault, raw } = await storeIn();
		await store.create("Photo Notes/2024/06/a.jpg.md", { taken: "2024-06-01", tags: [] }, "![[a.jpg]]\n");
		const text = raw("Photo Notes/2024/06/a.jpg.md");
		expect(frontMatterOf(text)).toEqual({ taken: "2024-06-01", tags: [] });
		expect(text.endsWith("---\n![[a.jpg]]\n")).toBe(true);
		expect(await store.read("Photo Notes/2024/06/a.jpg.md")).toBe(text);
		expect(vault.getFolderByPath("Photo Notes/2024/06")).not.toBeNull();
	});

	it("writes no front matter for no properties, and protects a body that starts like front matter", async () => {
		const { store, raw } = await storeIn();
		await store.create("a.md", {}, "just text\n");
		expect(raw("a.md")).toBe("just text\n");
		await store.create("b.md", {}, "---\nnot: properties\n---\n");
		expect(frontMatterOf(raw("b.md"))).toEqual({});
		expect(raw("b.md").endsWith("---\nnot: properties\n---\n")).toBe(true);
	});

	it("finds strings YAML could misread unchanged after Obsidian's YAML wrote them, so a re-index writes nothing", async () => {
		const { store, vault } = await storeIn();
		const tricky: Properties = { list: [...TRICKY_STRINGS], nested: { inner: [...TRICKY_STRINGS] } };
		TRICKY_STRINGS.forEach((value, i) => {
			tricky[`s${i}`] = value;
		});
		await store.create("n.md", tricky, "body\n");
		vault.resetCounters();
		const written = await store.update("n.md", { properties: (p) => Object.assign(p, structuredClone(tricky)), body: (b) => b });
		expect(written).toBe(false);
		expect(vault.totalWrites()).toBe(0);
	});

	it("writes nothing and fires no modify event when the edit changes nothing", async () => {
		const note = "---\n# the user's comment\nb: 2\na: [1, 2]\n---\nbody text\n";
		const { store, vault, raw, root } = await storeIn({ "n.md": note });
		const mtimeBefore = statSync(join(root, "n.md")).mtimeMs;
		const written = await store.update("n.md", {
			// Same values, different key order: not a change.
			properties: (p) => {
				delete p.b;
				p.a = [1, 2];
				p.b = 2;
				p.c = undefined;
			},
			body: (b) => `${b}`,
		});
		expect(written).toBe(false);
		expect(vault.writesTo("n.md")).toBe(0);
		expect(vault.eventLog).toEqual([]);
		expect(raw("n.md")).toBe(note);
		expect(statSync(join(root, "n.md")).mtimeMs).toBe(mtimeBefore);
	});

	it("changes only the properties the edit touches; the user's properties and the body survive", async () => {
		const note = "---\nsize: 1\ntags: [trip, family]\nmy rating: 5\n---\nbody\n\nmy own text\n";
		const { store, vault, raw } = await storeIn({ "n.md": note });
		expect(await store.update("n.md", { properties: (p) => void (p.size = 2), body: (b) => b })).toBe(true);
		expect(frontMatterOf(raw("n.md"))).toEqual({ size: 2, tags: ["trip", "family"], "my rating": 5 });
		expect(raw("n.md").endsWith("---\nbody\n\nmy own text\n")).toBe(true);
		expect(vault.writesTo("n.md")).toBe(1);
	});

	it("changes only the body when only the body differs, keeping the front matter text byte for byte", async () => {
		const front = "---\n# a comment Obsidian's YAML would drop\nkey:   'odd spacing'\n---\n";
		const { store, vault, raw } = await storeIn({ "n.md": `${front}old body\n` });
		expect(await store.update("n.md", { properties: () => {}, body: () => "new body\n" })).toBe(true);
		expect(raw("n.md")).toBe(`${front}new body\n`);
		expect(vault.writesTo("n.md")).toBe(1);
	});

	it("adds properties to a note that had none", async () => {
		const { store, raw } = await storeIn({ "n.md": "text only\n" });
		expect(await store.update("n.md", { properties: (p) => void (p.original = "missing") })).toBe(true);
		expect(frontMatterOf(raw("n.md"))).toEqual({ original: "missing" });
		expect(raw("n.md").endsWith("---\ntext only\n")).toBe(true);
	});

	it("fails clearly, writing nothing, for a missing note or front matter that is not valid YAML", async () => {
		const { store, vault } = await storeIn({ "bad.md": "---\na: [unclosed\n---\nbody\n" });
		await expect(store.update("none.md", { body: () => "x" })).rejects.toThrow(/"none.md": it does not exist/);
		const failure = store.update("bad.md", { properties: (p) => void (p.a = 1) });
		await expect(failure).rejects.toThrow(PhotoArchivistError);
		await expect(failure).rejects.toThrow(/properties of "bad.md" are not valid YAML/);
		expect(vault.totalWrites()).toBe(0);
	});

	it("refuses paths with \"..\" parts rather than writing outside the vault", async () => {
		const { store, vault } = await storeIn({ "a.md": "a" });
		await expect(store.create("../outside.md", {}, "x")).rejects.toThrow(/not a vault path/);
		await expect(store.move("a.md", "x/../../b.md")).rejects.toThrow(/not a vault path/);
		expect(vault.totalWrites()).toBe(0);
	});

	it("moves a note into new folders and updates the links to it", async () => {
		const { store, vault, raw } = await storeIn({ "Notes/a.jpg.md": "note", "Index.md": "see [[Notes/a.jpg.md|a]] and [[Notes/a.jpg]]\n" });
		await store.move("Notes/a.jpg.md", "Notes/2024/b.jpg.md");
		expect(await store.read("Notes/a.jpg.md")).toBeNull();
		expect(await store.read("Notes/2024/b.jpg.md")).toBe("note");
		expect(raw("Index.md")).toBe("see [[Notes/2024/b.jpg.md|a]] and [[Notes/2024/b.jpg]]\n");
		expect(vault.eventLog).toContainEqual({ name: "rename", path: "Notes/2024/b.jpg.md", oldPath: "Notes/a.jpg.md" });
	});
});
