import { afterEach, describe, expect, it, vi } from "vitest";
import { parseYaml } from "../fakes/obsidian";
import { makeJpeg } from "../../tools/exif-jpeg";
import { notesUnder, openHarness, type Harness } from "./plugin-harness";

const PHOTOS = {
	"Photos/a.jpg": makeJpeg({ comment: "a" }),
	"Photos/b.jpg": makeJpeg({ comment: "b" }),
	"Notes/Journal.md": "See [[Photo Notes/Photos/a.jpg]] from the trip.\n",
};

function bytes(data: Uint8Array): ArrayBuffer {
	return data.slice().buffer;
}

function properties(text: string | null): Record<string, unknown> {
	const match = /^---\n([\s\S]*?)\n---/.exec(text ?? "");
	return (parseYaml(match?.[1] ?? "") ?? {}) as Record<string, unknown>;
}

async function indexed(data?: unknown): Promise<Harness> {
	const h = await openHarness({ files: PHOTOS, data });
	await h.layoutReady();
	await h.run("index-photos");
	return h;
}

/** The debounce's delay passes (fake timers: no real waiting), then the run it started finishes. */
async function afterDebounce(h: Harness): Promise<void> {
	await vi.advanceTimersByTimeAsync(2_000);
	await h.plugin.indexing.idle();
}

describe("automatic indexing", () => {
	let h: Harness;
	afterEach(async () => {
		vi.useRealTimers();
		await h.cleanup();
	});

	it("indexes new photos once a burst of them has settled, in one run", async () => {
		h = await indexed();
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		const reindex = vi.spyOn(h.plugin.indexing, "reindexQuietly");

		await h.app.vault.createBinary("Photos/c.jpg", bytes(makeJpeg({ comment: "c" })));
		await vi.advanceTimersByTimeAsync(1_000);
		await h.app.vault.createBinary("Photos/d.jpg", bytes(makeJpeg({ comment: "d" })));
		await vi.advanceTimersByTimeAsync(1_999);
		expect(reindex).not.toHaveBeenCalled();
		expect(h.exists("Photo Notes/Photos/c.jpg.md")).toBe(false);

		await afterDebounce(h);

		expect(reindex).toHaveBeenCalledTimes(1);
		expect(reindex).toHaveBeenCalledWith(["Photos/c.jpg", "Photos/d.jpg"]);
		expect(h.exists("Photo Notes/Photos/c.jpg.md")).toBe(true);
		expect(h.exists("Photo Notes/Photos/d.jpg.md")).toBe(true);
	});

	it("is not set off by its own note writes, nor by files outside the photo folders", async () => {
		h = await indexed();
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		const reindex = vi.spyOn(h.plugin.indexing, "reindexQuietly");

		await h.app.vault.createBinary("Elsewhere.jpg", bytes(makeJpeg({ comment: "x" })));
		await h.app.vault.create("Notes/New.md", "text");
		const note = h.app.vault.getFileByPath("Photo Notes/Photos/a.jpg.md");
		await h.app.vault.process(note!, (text) => `${text}\nMy own words.\n`);
		await afterDebounce(h);

		expect(reindex).not.toHaveBeenCalled();
	});

	it("moves the note with a renamed photo: one note, and links to it follow", async () => {
		h = await indexed();
		await h.app.vault.createFolder("Photos/2024");
		const photo = h.app.vault.getFileByPath("Photos/a.jpg");

		await h.app.vault.rename(photo!, "Photos/2024/a-renamed.jpg");
		await h.plugin.indexing.idle();

		expect(notesUnder(h.root, "Photo Notes")).toEqual(["Photo Notes/Photos/2024/a-renamed.jpg.md", "Photo Notes/Photos/b.jpg.md"]);
		expect(h.readText("Notes/Journal.md")).toBe("See [[Photo Notes/Photos/2024/a-renamed.jpg]] from the trip.\n");
		expect(h.readText("Photo Notes/Photos/2024/a-renamed.jpg.md")).toContain("Photos/2024/a-renamed.jpg");
		expect(h.plugin.indexing.noteOf("Photos/2024/a-renamed.jpg")).toBe("Photo Notes/Photos/2024/a-renamed.jpg.md");
	});

	it("keeps the note of a deleted photo, marked as missing its original", async () => {
		h = await indexed();
		const note = "Photo Notes/Photos/b.jpg.md";

		await h.app.vault.delete(h.app.vault.getFileByPath("Photos/b.jpg")!);
		await h.plugin.indexing.idle();

		expect(h.exists(note)).toBe(true);
		expect(properties(h.readText(note)).original).toBe("missing");
		expect(properties(h.readText("Photo Notes/Photos/a.jpg.md")).original).toBeUndefined();
	});

	it("does nothing while automatic indexing is turned off", async () => {
		h = await indexed({ index: { autoIndex: false } });
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });

		await h.app.vault.createBinary("Photos/c.jpg", bytes(makeJpeg({ comment: "c" })));
		await h.app.vault.delete(h.app.vault.getFileByPath("Photos/b.jpg")!);
		await afterDebounce(h);

		expect(h.exists("Photo Notes/Photos/c.jpg.md")).toBe(false);
		expect(properties(h.readText("Photo Notes/Photos/b.jpg.md")).original).toBeUndefined();
	});

	it("ignores the vault's files reported before the layout is ready", async () => {
		h = await openHarness({ files: PHOTOS });
		vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
		// Obsidian reports every file as created while it loads the vault.
		h.app.vault.emitCreate("Photos/a.jpg");
		h.app.workspace.triggerLayoutReady();
		await h.plugin.ready;
		await afterDebounce(h);

		expect(notesUnder(h.root, "Photo Notes")).toEqual([]);
	});
});
