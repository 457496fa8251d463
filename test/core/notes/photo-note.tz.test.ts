import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NodeNoteStore } from "../../../src/adapters/node/node-note-store";
import type { PhotoRecord } from "../../../src/core/model/photo-record";
import { splitFrontMatter } from "../../../src/core/notes/front-matter";
import { SECTION_BEGIN, SECTION_END } from "../../../src/core/notes/generated-section";
import { renderedNote, writePhotoNote } from "../../../src/core/notes/photo-note";
import type { NoteStore } from "../../../src/core/ports/note-store";
import { TRICKY_STRINGS, propertiesOf } from "../../ports/note-store-contract";
import { HOSTILE } from "./hostile-strings";
import { cellCount, tableRows } from "./markdown-structure";
import { photoRecord } from "./photo-record-builder";

/** The NoteStore calls writePhotoNote makes, to hold it to one read plus one write call. */
function counting(store: NoteStore): { store: NoteStore; calls: string[] } {
	const calls: string[] = [];
	return {
		calls,
		store: {
			read: (path) => (calls.push("read"), store.read(path)),
			list: (folder) => (calls.push("list"), store.list(folder)),
			create: (path, properties, body) => (calls.push("create"), store.create(path, properties, body)),
			update: (path, edit) => (calls.push("update"), store.update(path, edit)),
			move: (from, to) => (calls.push("move"), store.move(from, to)),
		},
	};
}

describe("writePhotoNote through NodeNoteStore", () => {
	let root: string;
	let notes: NodeNoteStore;
	beforeEach(async () => {
		root = await mkdtemp(join(tmpdir(), "pa-photo-note-"));
		notes = new NodeNoteStore(root);
	});
	afterEach(async () => {
		await rm(root, { recursive: true, force: true });
	});

	const stamp = async (record: PhotoRecord) => {
		const s = await stat(join(root, record.note), { bigint: true });
		return `${s.ino}:${s.mtimeNs}`;
	};

	it("creates the note with one read and one create, exactly as renderedNote shows it", async () => {
		const record = photoRecord();
		const { store, calls } = counting(notes);
		expect(await writePhotoNote(store, record)).toBe("created");
		expect(calls).toEqual(["read", "create"]);
		const text = await notes.read(record.note);
		const expected = renderedNote(record);
		expect(propertiesOf(text)).toEqual(expected.properties);
		expect(splitFrontMatter(text ?? "").body).toBe(expected.body);
	});

	it("writes nothing the second time: 'unchanged', same bytes, same file", async () => {
		const record = photoRecord();
		await writePhotoNote(notes, record);
		const bytes = await notes.read(record.note);
		const before = await stamp(record);
		const { store, calls } = counting(notes);
		expect(await writePhotoNote(store, record)).toBe("unchanged");
		expect(calls).toEqual(["read", "update"]);
		expect(await notes.read(record.note)).toBe(bytes);
		expect(await stamp(record)).toBe(before);
	});

	it("stores EXIF strings holding YAML and Markdown syntax so they read back exactly, and the note stays whole", async () => {
		const values = [...TRICKY_STRINGS, ...HOSTILE].filter((value) => value.trim() !== "");
		for (const [i, value] of values.entries()) {
			const record = photoRecord({ path: `P/${i}.jpg`, note: `N/${i}.jpg.md`, meta: { make: value, model: `M ${value}`, lens: value } });
			expect(await writePhotoNote(notes, record)).toBe("created");
			const text = (await notes.read(record.note)) ?? "";
			expect(propertiesOf(text)).toMatchObject({ make: value, model: `M ${value}`, lens: value });
			const { frontMatter, body } = splitFrontMatter(text);
			expect(frontMatter).not.toBeNull();
			expect(body.split("\n").filter((line) => line === SECTION_BEGIN || line === SECTION_END)).toHaveLength(2);
			for (const row of tableRows(body)) expect(cellCount(row)).toBe(2);
			expect(await writePhotoNote(notes, record)).toBe("unchanged");
		}
	});

	it("updates managed values and keeps the user's properties, tags, albums and text", async () => {
		const record = photoRecord();
		await writePhotoNote(notes, record);
		await notes.update(record.note, {
			properties: (p) => {
				p.tags = ["travel", "photo/best"];
				p.albums = ["[[Paris 2024]]"];
				p.rating = 5;
			},
			body: (body) => `Above the section, by hand.\n${body}My caption: *sunset* over [[Paris]].\n`,
		});
		const userBody = splitFrontMatter((await notes.read(record.note)) ?? "").body;

		const changed = photoRecord({ meta: { lens: "New lens", iso: 200 } });
		expect(await writePhotoNote(notes, changed)).toBe("updated");
		const text = (await notes.read(record.note)) ?? "";
		expect(propertiesOf(text)).toMatchObject({ lens: "New lens", iso: 200, tags: ["travel", "photo/best"], albums: ["[[Paris 2024]]"], rating: 5 });
		const body = splitFrontMatter(text).body;
		expect(body.startsWith("Above the section, by hand.\n")).toBe(true);
		expect(body.endsWith("## Notes\n\nMy caption: *sunset* over [[Paris]].\n")).toBe(true);
		expect(body).toContain("| Lens | New lens |");
		const outside = (text: string) => text.replace(/^<!-- photo-archivist:begin[\s\S]*^<!-- photo-archivist:end -->$/m, "");
		expect(outside(body)).toBe(outside(userBody));
		expect(await writePhotoNote(notes, changed)).toBe("unchanged");
	});

	it("marks a missing original, and un-marks it when the photo comes back", async () => {
		const record = photoRecord();
		await writePhotoNote(notes, record);
		const original = await notes.read(record.note);

		expect(await writePhotoNote(notes, { ...record, missingSince: "2024-07-01T10:00:00.000Z" })).toBe("updated");
		const missing = (await notes.read(record.note)) ?? "";
		expect(propertiesOf(missing)).toMatchObject({ original: "missing" });
		expect(missing).toContain("> [!warning] Original missing since 2024-07-01 10:00 UTC");
		expect(await writePhotoNote(notes, { ...record, missingSince: "2024-07-01T10:00:00.000Z" })).toBe("unchanged");

		expect(await writePhotoNote(notes, record)).toBe("updated");
		expect(await notes.read(record.note)).toBe(original);
	});

	it("puts a fresh section back when the user deleted the markers, losing no text", async () => {
		const record = photoRecord();
		await writePhotoNote(notes, record);
		await notes.update(record.note, { body: () => "Only my words now.\n" });
		expect(await writePhotoNote(notes, record)).toBe("updated");
		const body = splitFrontMatter((await notes.read(record.note)) ?? "").body;
		expect(body.startsWith(SECTION_BEGIN)).toBe(true);
		expect(body.endsWith(`${SECTION_END}\n\nOnly my words now.\n`)).toBe(true);
		expect(await writePhotoNote(notes, record)).toBe("unchanged");
	});

	it("takes back edits made inside the generated section", async () => {
		const record = photoRecord();
		await writePhotoNote(notes, record);
		const before = await notes.read(record.note);
		await notes.update(record.note, { body: (body) => body.replace("| ISO | 80 |", "| ISO | 12345 |") });
		expect(await writePhotoNote(notes, record)).toBe("updated");
		expect(await notes.read(record.note)).toBe(before);
	});

	it("restores a managed property the user deleted or edited, leaving tags alone", async () => {
		const record = photoRecord();
		await writePhotoNote(notes, record);
		const before = await notes.read(record.note);
		await notes.update(record.note, { properties: (p) => { delete p.sha256; p.make = "typo"; } });
		expect(await writePhotoNote(notes, record)).toBe("updated");
		expect(await notes.read(record.note)).toBe(before);
	});

	it("links and embeds a photo whose name a wikilink cannot hold", async () => {
		const record = photoRecord({ path: "P/IMG #1 [x].jpg", note: "N/IMG _1 _x_.jpg.md" });
		await writePhotoNote(notes, record);
		const text = (await notes.read(record.note)) ?? "";
		expect(propertiesOf(text)).toMatchObject({ photo: "[IMG #1 \\[x\\].jpg](<P/IMG%20%231%20%5Bx%5D.jpg>)" });
		expect(text).toContain("\n![](<P/IMG%20%231%20%5Bx%5D.jpg>)\n");
	});
});
