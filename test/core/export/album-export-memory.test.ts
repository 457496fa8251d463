// Streaming: exporting a few hundred MB keeps memory growth to a small part of the archive's size (not a timing test).
import { createWriteStream } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { NodeFileStore } from "../../../src/adapters/node/node-file-store";
import { NodeNoteStore } from "../../../src/adapters/node/node-note-store";
import { createExportService } from "../../../src/core/export/album-export";
import { EMPTY_METADATA } from "../../../src/core/model/photo-metadata";
import type { PhotoRecord } from "../../../src/core/model/photo-record";
import type { FileWriter } from "../../../src/core/ports/file-writer";
import { tempDir } from "../../support/temp-dir";
import { albumsOf, folderDestination, UNZIP, unzipTest } from "./export-fixture";

const MB = 1024 * 1024;
const FILES = 6, FILE_MB = 50;

/** A file of `mb` MiB written a megabyte at a time, so the test itself holds no large buffer. */
async function writeLarge(path: string, mb: number, seed: number): Promise<void> {
	await mkdir(dirname(path), { recursive: true });
	const out = createWriteStream(path);
	const block = new Uint8Array(MB);
	for (let i = 0; i < mb; i++) {
		block.fill((seed * 31 + i) & 0xff);
		if (!out.write(block.slice())) await once(out, "drain");
	}
	out.end();
	await once(out, "finish");
}

function memory(): number {
	const m = process.memoryUsage();
	return m.heapUsed + m.arrayBuffers;
}

describe.skipIf(UNZIP === null)("exporting a large album", () => {
	it(`streams ${FILES * FILE_MB} MB through with memory growth far below the archive's size`, async () => {
		const root = await tempDir("pa-big-vault-");
		const paths = Array.from({ length: FILES }, (_, i) => `Videos/clip${i}.mov`);
		for (const [i, path] of paths.entries()) await writeLarge(join(root, path), FILE_MB, i);
		const record = (path: string): PhotoRecord => ({ path, size: FILE_MB * MB, mtimeMs: 0, sha256: "0".repeat(64), meta: { ...EMPTY_METADATA, mime: "video/quicktime" }, note: `${path}.md` });
		const albums = albumsOf(record, [{ path: "Albums/Big.md", title: "Big", photos: paths }]);
		const service = createExportService({ files: new NodeFileStore(root), notes: new NodeNoteStore(root), albums });
		const out = await tempDir("pa-big-out-");
		const baseline = memory();
		let peak = baseline;
		// Sampled as each chunk reaches the disk: the moment the most could be held.
		const sampling = (disk: FileWriter): FileWriter => ({
			writeNew: (path, body) => disk.writeNew(path, (async function* () {
				for await (const chunk of body) {
					peak = Math.max(peak, memory());
					yield chunk;
				}
			})()),
		});
		const summary = await service.exportAlbum("Big", folderDestination(out, "big.zip", sampling));
		const size = (await stat(join(out, "big.zip"))).size;
		expect(size).toBeGreaterThan(FILES * FILE_MB * MB);
		expect(summary).toMatchObject({ photos: FILES, bytes: size });
		// A quarter leaves room for garbage the collector has not taken yet (no --expose-gc here), and still
		// fails if the archive, or two of its files, were held whole.
		expect(peak - baseline).toBeLessThan(size / 4);
		expect(unzipTest(join(out, "big.zip"))).toMatch(/No errors detected/);
	});
});
