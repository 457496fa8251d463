// Runs the Target conformance suite against every target: a local folder, and WebDAV (streamed and whole-body) on Apache mod_dav and on rclone serve.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { createNodeLocalFs } from "../../src/adapters/node/node-local-fs";
import { encodeNodeBody } from "../../src/adapters/node/node-upload-body";
import type { EncodeBody } from "../../src/core/targets/webdav-http";
import { createFolderTarget } from "../../src/core/targets/folder-target";
import { createWebdavTarget } from "../../src/core/targets/webdav-target";
import { exactArrayBuffer } from "../../src/plugin/backup/exact-body";
import { startApache } from "../servers/apache";
import type { DavServer } from "../servers/dav-server";
import { startRcloneServe } from "../servers/rclone-serve";
import { requireBinary } from "../servers/require-binary";
import { describeTargetContract, type TargetFixture } from "./target-contract";

/** The bytes at a target path under `dir` on this machine's disk, or null. */
async function readBackFrom(dir: string, path: string): Promise<Uint8Array | null> {
	try {
		return new Uint8Array(await readFile(join(dir, ...path.split("/"))));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
		throw error;
	}
}

async function namesOnDisk(dir: string, folder: string, ignore: readonly string[] = []): Promise<string[]> {
	try {
		return (await readdir(join(dir, ...folder.split("/").filter((s) => s !== "")))).filter((name) => !ignore.includes(name));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
		throw error;
	}
}

describeTargetContract("FolderTarget on a temporary folder", async (): Promise<TargetFixture> => {
	const root = await mkdtemp(join(tmpdir(), "pa-folder-target-"));
	return {
		target: createFolderTarget({ root, fs: createNodeLocalFs() }),
		readBack: (path) => readBackFrom(root, path),
		listBack: (folder) => namesOnDisk(root, folder),
		cleanup: () => rm(root, { recursive: true, force: true }),
	};
});

const webdavServers: [string, string[], () => Promise<DavServer>, readonly string[]][] = [
	// mod_dav_fs keeps dead properties in a hidden .DAV folder that WebDAV clients never see.
	["Apache mod_dav", ["apache2", "httpd"], () => startApache(), [".DAV"]],
	["rclone serve webdav", ["rclone"], () => startRcloneServe(), []],
];

// Bodies as the CLI and desktop send them (a Node stream), and as Obsidian's requestUrl must (one exact ArrayBuffer).
const encodings: [string, EncodeBody][] = [
	["streamed", encodeNodeBody],
	["whole-body", exactArrayBuffer],
];

for (const [name, binaries, start, serverFiles] of webdavServers) {
	describe.skipIf(requireBinary(...binaries) === null)(`WebdavTarget on ${name}`, () => {
		let server: DavServer;
		beforeAll(async () => {
			server = await start();
		});
		afterAll(async () => {
			await server?.dispose();
		});

		for (const [encoding, encodeBody] of encodings) {
			describeTargetContract(`WebdavTarget (${encoding}) on ${name}`, async (): Promise<TargetFixture> => {
				const folder = await server.folder("contract");
				return {
					target: createWebdavTarget({ url: folder.url, username: server.username, password: server.password, encodeBody }),
					readBack: (path) => readBackFrom(folder.dir, path),
					listBack: (sub) => namesOnDisk(folder.dir, sub, serverFiles),
					cleanup: () => rm(folder.dir, { recursive: true, force: true }),
				};
			});
		}
	});
}
