/**
 * Fills a folder of the local Apache WebDAV server with a copy of the large library as a backup would have
 * left it (mirror layout), by hard links on the server's disk: no upload, no extra space, the right sizes.
 */
import { link, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { PhotoRecord } from "../src/core/model/photo-record";
import type { DavServer } from "../test/servers/dav-server";

function folderOf(path: string): string {
	return path.slice(0, Math.max(0, path.lastIndexOf("/")));
}

/** A new folder on the server holding every photo of `records` at its vault path; its URL (ending in "/"). */
export async function serverCopyOf(server: DavServer, vault: string, records: readonly PhotoRecord[], label: string): Promise<string> {
	const folder = await server.folder(label);
	const folders = new Set(records.map((r) => folderOf(r.path)));
	// Made by us, read by Apache's workers: 0755 lets them list what they did not create.
	for (const f of folders) await mkdir(join(folder.dir, ...f.split("/")), { recursive: true, mode: 0o755 });
	for (const r of records) await link(join(vault, ...r.path.split("/")), join(folder.dir, ...r.path.split("/")));
	return folder.url;
}
