// An album service made in the test (the export codes against find + members only), a destination folder,
// and archives read back with Debian's unzip and with fflate.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { createNodeLocalFs } from "../../../src/adapters/node/node-local-fs";
import type { AlbumInfo, AlbumService } from "../../../src/core/albums/album-types";
import { archiveSetNames } from "../../../src/core/export/archive-set";
import type { ExportDestination } from "../../../src/core/export/export-types";
import type { FileWriter } from "../../../src/core/ports/file-writer";
import { localFolderDestination } from "../../../src/core/restore/local-folder";
import type { PhotoEngine } from "../../../src/core/engine-types";
import type { PhotoRecord } from "../../../src/core/model/photo-record";
import { requireBinary } from "../../servers/require-binary";

export interface TestAlbum {
	path: string;
	title: string;
	/** Vault paths of the photos, in album order. */
	photos: string[];
}

export function albumsOf(records: (path: string) => PhotoRecord | undefined, albums: readonly TestAlbum[]): AlbumService {
	const info = (a: TestAlbum): AlbumInfo => ({ path: a.path, title: a.title, smart: false });
	return {
		list: async () => albums.map(info),
		find: async (name) => {
			const wanted = name.toLowerCase();
			const found = albums.find((a) => a.path === name || a.title.toLowerCase() === wanted);
			return found ? info(found) : null;
		},
		members: async (path) => (albums.find((a) => a.path === path)?.photos ?? []).map(records).filter((r): r is PhotoRecord => r !== undefined),
	};
}

export function engineAlbums(engine: PhotoEngine, albums: readonly TestAlbum[]): AlbumService {
	return albumsOf((path) => engine.record(path), albums);
}

/** Debian's unzip (a standard tool the archive must satisfy); null after a warning where it is missing, an error under CI. */
export const UNZIP = requireBinary("unzip");

/** `unzip -t`'s verdict: it reads every entry and checks its CRC. */
export function unzipTest(zip: string): string {
	return execFileSync(UNZIP ?? "unzip", ["-t", zip], { encoding: "utf8" });
}

/** The entry names, in archive order, as unzip lists them. */
export function unzipNames(zip: string): string[] {
	return execFileSync(UNZIP ?? "unzip", ["-Z1", zip], { encoding: "utf8" }).split("\n").filter((line) => line !== "");
}

/** Every entry's bytes, read by fflate (a second, independent reader). */
export function zipEntries(zip: string): Record<string, Uint8Array> {
	return unzipSync(new Uint8Array(readFileSync(zip)));
}

export function sha256(bytes: Uint8Array): string {
	return createHash("sha256").update(bytes).digest("hex");
}

/** Archives saved into `folder` as `name` ("album.zip"), or "album (part 1 of 3).zip"… when split; `writer` wraps the disk's. */
export function folderDestination(folder: string, name = "album.zip", writer?: (disk: FileWriter) => FileWriter): ExportDestination {
	const fs = createNodeLocalFs();
	const disk = localFolderDestination(fs, folder).writer;
	return {
		writer: writer ? writer(disk) : disk,
		paths: async (parts) => archiveSetNames(name, parts),
		remove: (path) => fs.unlink(fs.resolve(folder, path)),
	};
}
