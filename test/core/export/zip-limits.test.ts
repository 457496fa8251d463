// The limits of ZIP without ZIP64 (fflate writes none): an album past them is planned in parts before a byte
// is read, a file no part can hold is left out, and the stream stops an archive that grows past them.
import { describe, expect, it } from "vitest";
import type { AlbumService } from "../../../src/core/albums/album-types";
import { createExportService } from "../../../src/core/export/album-export";
import { planExport, type PlanInput } from "../../../src/core/export/export-plan";
import { type ExportDestination, ExportRefusedError } from "../../../src/core/export/export-types";
import { DEFAULT_PART_BYTES, ZIP_MAX_ENTRIES } from "../../../src/core/export/zip-limits";
import { zipStream } from "../../../src/core/export/zip-stream";
import { EMPTY_METADATA } from "../../../src/core/model/photo-metadata";
import type { PhotoRecord } from "../../../src/core/model/photo-record";
import type { FileStore } from "../../../src/core/ports/file-store";
import type { NoteStore } from "../../../src/core/ports/note-store";
import { albumsOf } from "./export-fixture";

const GB = 1_000_000_000, MB = 1_000_000;

/** A vault that says how large its files are; only those under 10 MB can be read (as zeros). */
function sizedVault(sizes: Record<string, number>): { files: FileStore; notes: NoteStore; albums: AlbumService } {
	const refuse = (): never => {
		throw new Error("nothing large may be read");
	};
	const files: FileStore = {
		list: async () => [],
		stat: async (path) => (sizes[path] === undefined ? null : { path, size: sizes[path], mtimeMs: 0 }),
		read: async () => refuse(),
		sha256: async () => refuse(),
		stream: (path) => {
			const size = sizes[path] ?? 0;
			if (size > 10 * MB) refuse();
			return (async function* () {
				yield new Uint8Array(size);
			})();
		},
	};
	const notes: NoteStore = { read: async () => "note", list: async () => [], create: refuse, update: async () => false, move: refuse };
	const record = (path: string): PhotoRecord => ({ path, size: sizes[path] ?? 0, mtimeMs: 0, sha256: "0".repeat(64), meta: { ...EMPTY_METADATA }, note: `${path}.md` });
	const albums = albumsOf((path) => (sizes[path] === undefined ? undefined : record(path)), [{ path: "Albums/Big.md", title: "Big", photos: Object.keys(sizes) }]);
	return { files, notes, albums };
}

/** A destination that records what it is asked; `stop` makes it refuse to name anything (so nothing is read). */
function recordingDestination(stop: boolean): ExportDestination & { asked: number[]; written: number } {
	const destination = {
		asked: [] as number[],
		written: 0,
		paths: async (parts: number) => {
			destination.asked.push(parts);
			if (stop) throw new Error("stop here");
			return Array.from({ length: parts }, (_, i) => `big-${i + 1}.zip`);
		},
		remove: async () => undefined,
		writer: {
			async writeNew(_path: string, body: AsyncIterable<Uint8Array>) {
				for await (const chunk of body) destination.written += chunk.length;
			},
		},
	};
	return destination;
}

function input(sizes: readonly number[], limit = DEFAULT_PART_BYTES): PlanInput {
	return {
		photos: sizes.map((size, i) => ({ name: `photos/${String(i + 1).padStart(3, "0")} f${i}.mov`, size })),
		root: (parts) => (parts === 1 ? "Big" : `Big (part ${parts} of ${parts})`),
		note: { name: "Big.md", bytes: 400 },
		limit,
	};
}

describe("the ZIP limits", () => {
	it("splits an album over 4 GiB into parts, planned from the sizes before anything is read", async () => {
		const sizes = { "Videos/a.mov": 2.5 * GB, "Videos/b.mov": 2 * GB, "Videos/c.mov": 4.5 * GB, "Photos/d.heic": 3 * MB };
		const vault = sizedVault(sizes);
		const destination = recordingDestination(true);
		await expect(createExportService(vault).exportAlbum("Big", destination)).rejects.toThrow("stop here");
		expect(destination.asked).toEqual([2]);

		const plan = planExport(input(Object.values(sizes)));
		expect(plan.parts).toEqual([[0], [1, 3]]);
		expect(plan.tooLarge).toEqual([2]);
		for (const bytes of plan.bytes) expect(bytes).toBeLessThanOrEqual(DEFAULT_PART_BYTES);
		expect(plan.bytes[1]).toBeGreaterThan(2 * GB + 3 * MB);
	});

	it("leaves out a file larger than one archive can hold, saying ZIP64 would be needed", async () => {
		const vault = sizedVault({ "Photos/d.heic": 3 * MB, "Videos/c.mov": 4.5 * GB });
		const destination = recordingDestination(false);
		const summary = await createExportService(vault).exportAlbum("Big", destination);
		expect(destination.asked).toEqual([1]);
		expect(summary).toMatchObject({ archives: ["big-1.zip"], photos: 1, bytes: destination.written });
		expect(summary.leftOut).toEqual([{
			path: "Videos/c.mov", reason: "it is 4.50 GB, more than one archive may hold (4.00 GB): ZIP without ZIP64, which is not supported, cannot store a file this large",
		}]);
	});

	it("refuses an album of which no file fits in an archive", async () => {
		const vault = sizedVault({ "Videos/c.mov": 4.5 * GB });
		const destination = recordingDestination(false);
		await expect(createExportService(vault).exportAlbum("Big", destination)).rejects.toThrow(new ExportRefusedError('no photo of "Big" can be exported: each is larger than one archive may hold (4.00 GB)'));
		expect(destination.asked).toEqual([]);
	});

	it("fills a part up to its limit exactly, and not a byte more", () => {
		const empty = planExport(input([0]));
		const fits = DEFAULT_PART_BYTES - (empty.bytes[0] ?? 0);
		expect(planExport(input([fits])).bytes).toEqual([DEFAULT_PART_BYTES]);
		expect(planExport(input([fits + 1]))).toMatchObject({ parts: [], tooLarge: [0] });
		expect(planExport(input([fits - 5000, 10_000])).parts).toEqual([[0], [1]]);
	});

	it("starts a new part before an archive would list more files than a ZIP without ZIP64 can", () => {
		const plan = planExport(input(Array.from({ length: 70_000 }, () => 1)));
		expect(plan.parts.map((part) => part.length)).toEqual([ZIP_MAX_ENTRIES - 2, 70_000 - (ZIP_MAX_ENTRIES - 2)]);
		expect(plan.parts[1]?.[0]).toBe(ZIP_MAX_ENTRIES - 2);
	});

	it("refuses an export larger than the phone's limit, saying where to export it instead", async () => {
		const vault = sizedVault({ "Photos/a.heic": 30_000_000, "Photos/b.heic": 30_000_000 });
		const destination = recordingDestination(false);
		const run = createExportService(vault).exportAlbum("Big", destination, { maxBytes: 50_000_000, maxBytesHint: "Export it from a computer." });
		await expect(run).rejects.toThrow('"Big" would make a ZIP archive of 60 MB, more than the 50 MB allowed here. Export it from a computer.');
		expect(destination.asked).toEqual([]);
	});

	it("stops writing when the archive grows past the limit while it is written", async () => {
		async function* big() {
			for (let i = 0; i < 4; i++) yield new Uint8Array(1000);
		}
		const chunks: Uint8Array[] = [];
		const stream = zipStream([{ name: "a.bin", modified: new Date(2024, 0, 1), deflate: false, body: big() }], { maxBytes: 2500 });
		await expect((async () => { for await (const chunk of stream) chunks.push(chunk); })()).rejects.toThrow("the archive grew past 2,500 bytes while it was written");
		expect(chunks.reduce((n, c) => n + c.length, 0)).toBeLessThanOrEqual(2500);
	});
});
