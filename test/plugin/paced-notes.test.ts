import { describe, expect, it } from "vitest";
import { Events } from "../fakes/obsidian";
import type { NoteStore } from "../../src/core/ports/note-store";
import { pacedNotes } from "../../src/plugin/indexing/paced-notes";

function memoryNotes(): NoteStore & { created: string[] } {
	const created: string[] = [];
	return {
		created,
		read: () => Promise.resolve(null),
		list: () => Promise.resolve([]),
		create: (path) => {
			created.push(path);
			return Promise.resolve();
		},
		update: () => Promise.resolve(false),
		move: () => Promise.resolve(),
	};
}

/** A metadata cache that says "resolved" only when the test says so. */
function cache(): Events {
	return new Events();
}

async function settled(): Promise<void> {
	for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe("notes written at the metadata cache's pace", () => {
	it("lets a batch through, then waits until the cache has caught up before writing more", async () => {
		const inner = memoryNotes();
		const metadata = cache();
		const notes = pacedNotes(inner, metadata, { batch: 3, maxWaitMs: 60_000 });
		for (let i = 0; i < 3; i++) await notes.create(`n${i}.md`, {}, "");
		const fourth = notes.create("n3.md", {}, "");
		await settled();
		expect(inner.created).toHaveLength(3);
		metadata.trigger("resolved");
		await fourth;
		expect(inner.created).toHaveLength(4);
		expect(metadata.listenerCount("resolved")).toBe(0);
	});

	it("does not wait for updates that changed nothing (a rescan writes nothing, and never waits)", async () => {
		const inner = memoryNotes();
		const metadata = cache();
		const notes = pacedNotes(inner, metadata, { batch: 1, maxWaitMs: 60_000 });
		for (let i = 0; i < 5; i++) expect(await notes.update(`n${i}.md`, {})).toBe(false);
		expect(metadata.listenerCount("resolved")).toBe(0);
	});

	it("goes on after a short while when the cache never says it is done", async () => {
		const inner = memoryNotes();
		const notes = pacedNotes(inner, cache(), { batch: 1, maxWaitMs: 5 });
		for (let i = 0; i < 3; i++) await notes.create(`n${i}.md`, {}, "");
		expect(inner.created).toHaveLength(3);
	});
});
