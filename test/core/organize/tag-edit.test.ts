// "Tag photos…" in the core: tags added and removed over the note store, every other tag and property left alone.
import { describe, expect, it } from "vitest";
import { NodeNoteStore } from "../../../src/adapters/node/node-note-store";
import { editedTags, editTags } from "../../../src/core/organize/tag-edit";
import { frontMatterOf } from "../../support/note-text";
import { tempDir } from "../../support/temp-dir";

describe("editing tags", () => {
	it("adds missing tags at the end and removes exact tags only, whatever their spelling", () => {
		expect(editedTags(["photo/2024/06", "#Family", "trip/rome"], { add: ["family", "kids"], remove: ["trip"] })).toEqual(["photo/2024/06", "#Family", "trip/rome", "kids"]);
		expect(editedTags(["#Family", "trip/rome"], { add: [], remove: ["family", "TRIP/ROME"] })).toEqual([]);
		expect(editedTags("a, b", { add: ["b"], remove: [] })).toBeNull();
		expect(editedTags(undefined, { add: ["x"], remove: [] })).toEqual(["x"]);
		expect(editedTags({ not: "a list" }, { add: ["x"], remove: [] })).toBeNull();
	});

	it("edits each note's tags and nothing else, writes nothing where nothing changes, and reports a note it cannot edit", async () => {
		const root = await tempDir("pa-tags-");
		const notes = new NodeNoteStore(root);
		await notes.create("N/a.md", { photo: "[[a.jpg]]", tags: ["photo/2024/06", "old"], mood: "happy" }, "My words.\n");
		await notes.create("N/b.md", { tags: ["family"] }, "");
		const summary = await editTags(notes, ["N/a.md", "N/b.md", "N/gone.md"], { add: ["family"], remove: ["old"] });
		expect(summary).toMatchObject({ changed: 1, unchanged: 1 });
		expect(summary.failed.map((f) => f.note)).toEqual(["N/gone.md"]);
		const a = (await notes.read("N/a.md")) ?? "";
		expect(frontMatterOf(a)).toEqual({ photo: "[[a.jpg]]", tags: ["photo/2024/06", "family"], mood: "happy" });
		expect(a.endsWith("My words.\n")).toBe(true);
	});
});
