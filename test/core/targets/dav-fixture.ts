// The real WebDAV servers target tests run against, started once per test file, and targets on fresh folders of them.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll } from "vitest";
import { encodeNodeBody } from "../../../src/adapters/node/node-upload-body";
import type { Target } from "../../../src/core/ports/target";
import { createWebdavTarget, type WebdavTargetOptions } from "../../../src/core/targets/webdav-target";
import { startApache } from "../../servers/apache";
import type { DavServer } from "../../servers/dav-server";
import { requireBinary } from "../../servers/require-binary";
import { startRcloneServe } from "../../servers/rclone-serve";

export interface ServerKind {
	name: string;
	/** Null when the program is not installed here (never under CI=true, where that throws). */
	binary: string | null;
	start: () => Promise<DavServer>;
}

export const SERVER_KINDS: ServerKind[] = [
	{ name: "Apache mod_dav", binary: requireBinary("apache2", "httpd"), start: () => startApache() },
	{ name: "rclone serve webdav", binary: requireBinary("rclone"), start: () => startRcloneServe() },
];

/** Starts the server before the file's tests and disposes of it after; `get()` is the running server. */
export function useServer(kind: ServerKind): { get: () => DavServer } {
	let server: DavServer | undefined;
	beforeAll(async () => {
		if (kind.binary !== null) server = await kind.start();
	});
	afterAll(async () => {
		await server?.dispose();
	});
	return {
		get: () => {
			if (!server) throw new Error(`${kind.name} is not running`);
			return server;
		},
	};
}

export interface DavTarget {
	target: Target;
	/** The target's folder URL (ending in "/") and its folder on the server's disk. */
	url: string;
	dir: string;
}

/** A WebDAV target (Node transport) on a fresh folder of `server`, or at `url` when given (a proxy's). */
export async function davTarget(server: DavServer, options: Partial<WebdavTargetOptions> & { via?: (url: string) => string } = {}): Promise<DavTarget> {
	const folder = await server.folder();
	const url = options.via ? options.via(folder.url) : folder.url;
	const target = createWebdavTarget({ url, username: server.username, password: server.password, encodeBody: encodeNodeBody, ...options });
	return { target, url: folder.url, dir: folder.dir };
}

export async function diskSha256(path: string): Promise<string> {
	return createHash("sha256").update(await readFile(path)).digest("hex");
}
