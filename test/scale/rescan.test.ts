// A rescan of a 2,000-photo library with nothing changed, as the CLI and as Obsidian run it: what it may cost,
// counted (one stat per photo in the CLI, none inside Obsidian; no read, no note, no index written).
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { NodeDataStore } from "../../src/adapters/node/node-data-store";
import { NodeFileStore } from "../../src/adapters/node/node-file-store";
import { NodeNoteStore } from "../../src/adapters/node/node-note-store";
import { PluginDataStore } from "../../src/adapters/obsidian/plugin-data-store";
import { VaultFileStore } from "../../src/adapters/obsidian/vault-file-store";
import { VaultNoteStore } from "../../src/adapters/obsidian/vault-note-store";
import { createPhotoEngine } from "../../src/core/engine";
import type { PhotoEngine } from "../../src/core/engine-types";
import { INDEX_FILE_NAME } from "../../src/core/index/index-file";
import type { DataStore } from "../../src/core/ports/data-store";
import type { FileStore } from "../../src/core/ports/file-store";
import type { NoteStore } from "../../src/core/ports/note-store";
import { DEFAULT_INDEX_SETTINGS } from "../../src/core/settings";
import { createFakeVault } from "../fakes/obsidian";
import { DATA_FOLDER, folderCount, libraryOnDisk, PHOTOS } from "./scale-library";

const disk = vi.hoisted(() => ({ stats: [] as string[] }));

vi.mock("node:fs", async (importOriginal) => {
	const actual = await importOriginal<typeof import("node:fs")>();
	const statSync = ((...args: Parameters<typeof actual.statSync>) => {
		disk.stats.push(String(args[0]));
		return actual.statSync(...args);
	}) as typeof actual.statSync;
	const lstatSync = ((...args: Parameters<typeof actual.lstatSync>) => {
		disk.stats.push(String(args[0]));
		return actual.lstatSync(...args);
	}) as typeof actual.lstatSync;
	return { ...actual, statSync, lstatSync, default: { ...actual, statSync, lstatSync } };
});

interface Counts {
	reads: number;
	noteWrites: number;
	/** Writes of the index file (other data files, like a feature's own state, are not the rescan's business). */
	indexWrites: number;
}

function counting(files: FileStore, notes: NoteStore, data: DataStore): { files: FileStore; notes: NoteStore; data: DataStore; counts: Counts } {
	const counts: Counts = { reads: 0, noteWrites: 0, indexWrites: 0 };
	return {
		counts,
		files: {
			list: (f) => files.list(f),
			stat: (p) => files.stat(p),
			read: (p, r) => (counts.reads++, files.read(p, r)),
			sha256: (p) => (counts.reads++, files.sha256(p)),
			stream: (p, s) => (counts.reads++, files.stream(p, s)),
		},
		notes: {
			read: (p) => notes.read(p),
			list: (f) => notes.list(f),
			create: (p, props, body) => (counts.noteWrites++, notes.create(p, props, body)),
			update: (p, edit) => (counts.noteWrites++, notes.update(p, edit)),
			move: (a, b) => (counts.noteWrites++, notes.move(a, b)),
		},
		data: {
			read: (n) => data.read(n),
			readBytes: (n) => data.readBytes(n),
			write: (n, t) => (n === INDEX_FILE_NAME && counts.indexWrites++, data.write(n, t)),
			writeBytes: (n, b) => (n === INDEX_FILE_NAME && counts.indexWrites++, data.writeBytes(n, b)),
			remove: (n) => data.remove(n),
		},
	};
}

const UNCHANGED = { photos: PHOTOS, unchanged: PHOTOS, indexed: 0, created: 0, updated: 0, moved: 0, missing: 0, failed: [] };
const NOTHING: Counts = { reads: 0, noteWrites: 0, indexWrites: 0 };

/** A first run brings the notes in line with whatever features add to them; the run measured is the next one. */
async function settled(engine: PhotoEngine, counts: Counts): Promise<void> {
	await engine.indexAll();
	Object.assign(counts, NOTHING);
	disk.stats.length = 0;
}

describe("a rescan with nothing changed, 2,000 photos", () => {
	it("in the CLI: one stat per photo and nothing else touches a photo, writes a note or saves the index", async () => {
		const library = await libraryOnDisk();
		const ports = counting(new NodeFileStore(library.root), new NodeNoteStore(library.root), new NodeDataStore(library.dataFolder));
		const engine = createPhotoEngine(ports, { ...DEFAULT_INDEX_SETTINGS });
		await settled(engine, ports.counts);
		expect(await engine.indexAll()).toEqual({ ...UNCHANGED, cancelled: false });
		// A stat per photo, and one per folder (the listing tells files from folders by the stat it makes anyway).
		const stats = [...disk.stats];
		const fs = await vi.importActual<typeof import("node:fs")>("node:fs");
		const folders = stats.filter((p) => fs.statSync(p).isDirectory());
		expect(stats).toHaveLength(PHOTOS + folders.length);
		expect(new Set(stats).size).toBe(stats.length);
		expect(folders.length).toBeGreaterThanOrEqual(folderCount());
		expect(folders.length).toBeLessThan(folderCount() + 10);
		expect(ports.counts).toEqual(NOTHING);
	});

	it("inside Obsidian: sizes and times come from the vault's tree, so not one stat, read or write reaches the disk", async () => {
		const library = await libraryOnDisk();
		const { vault, fileManager } = createFakeVault(library.root);
		const ports = counting(
			new VaultFileStore({ vault, desktop: null }),
			new VaultNoteStore({ vault, fileManager }),
			new PluginDataStore({ adapter: vault.adapter, folder: DATA_FOLDER }),
		);
		const engine = createPhotoEngine(ports, { ...DEFAULT_INDEX_SETTINGS });
		await settled(engine, ports.counts);
		vault.resetCounters();
		expect(await engine.indexAll()).toEqual({ ...UNCHANGED, cancelled: false });
		expect(disk.stats).toEqual([]);
		expect(ports.counts).toEqual(NOTHING);
		expect(vault.eventLog.filter((e) => e.path.endsWith(".md"))).toEqual([]);
		expect(vault.wholeVaultListings).toBe(0);
	});

	it("finds the one photo that vanished without reading the others (the library's records are only looked up)", async () => {
		const library = await libraryOnDisk();
		const ports = counting(new NodeFileStore(library.root), new NodeNoteStore(library.root), new NodeDataStore(library.dataFolder));
		const engine = createPhotoEngine(ports, { ...DEFAULT_INDEX_SETTINGS });
		await settled(engine, ports.counts);
		await rm(join(library.root, library.records[1234]?.path ?? ""));
		expect(await engine.indexAll()).toMatchObject({ photos: PHOTOS - 1, unchanged: PHOTOS - 1, missing: 1, indexed: 0 });
		// The vanished photo's note is marked and the index saved once: a handful of writes, never one per photo.
		expect(ports.counts.reads).toBe(0);
		expect(ports.counts.indexWrites).toBe(1);
		expect(ports.counts.noteWrites).toBeGreaterThanOrEqual(1);
		expect(ports.counts.noteWrites).toBeLessThan(10);
	});
});
