/** What every test WebDAV server (Apache, rclone) offers: its URL, its disk folder, lifecycle, per-test folders. */
import { createHash, randomBytes } from "node:crypto";
import { join } from "node:path";
import { rm } from "node:fs/promises";
import { freePort, type ServerProcess } from "./server-process";

export interface DavUser {
	name: string;
	password: string;
}

export interface DavServer {
	/** The WebDAV root, ending in "/". */
	url: string;
	/** The folder on disk the server stores into: read it to check bytes without going through WebDAV. */
	dataDir: string;
	/** The first user's credentials. */
	username: string;
	password: string;
	users: DavUser[];
	/** Starts it again after stop(): same port, same data. */
	start(): Promise<void>;
	/** Stops the server (its in-flight requests die with it); data and port stay reserved for start(). */
	stop(): Promise<void>;
	/** Stops it and removes its temporary folder. */
	dispose(): Promise<void>;
	/** A fresh, empty folder for one test, made through WebDAV: its URL (ending in "/") and its path on disk. */
	folder(prefix?: string): Promise<{ url: string; dir: string }>;
	/** The server's recent output and error log, for failure messages. */
	log(): string;
}

export const DEFAULT_USER: DavUser = { name: "archivist", password: "s3cret pass:word" };

export function basicAuth(user: DavUser): string {
	return `Basic ${Buffer.from(`${user.name}:${user.password}`, "utf8").toString("base64")}`;
}

/** An htpasswd file in the {SHA} scheme, which both Apache and rclone read, so no htpasswd binary is needed. */
export function htpasswd(users: DavUser[]): string {
	return users.map((u) => `${u.name}:{SHA}${createHash("sha1").update(u.password, "utf8").digest("base64")}\n`).join("");
}

/** The parts of DavServer that are the same for every server program. */
export function davServer(fields: { url: string; dataDir: string; users: DavUser[]; process: ServerProcess; dispose(): Promise<void> }): DavServer {
	const first = fields.users[0];
	if (first === undefined) throw new Error("a test server needs at least one user");
	let counter = 0;
	return {
		url: fields.url,
		dataDir: fields.dataDir,
		username: first.name,
		password: first.password,
		users: fields.users,
		start: () => fields.process.start(),
		stop: () => fields.process.stop(),
		dispose: fields.dispose,
		log: () => fields.process.log(),
		async folder(prefix = "t") {
			const name = `${prefix}-${++counter}-${randomBytes(3).toString("hex")}`;
			const url = `${fields.url}${encodeURIComponent(name)}/`;
			const res = await fetch(url, { method: "MKCOL", headers: { authorization: basicAuth(first) } });
			if (res.status !== 201) throw new Error(`MKCOL ${url} answered ${res.status}\n${fields.process.log()}`);
			return { url, dir: join(fields.dataDir, name) };
		},
	};
}

/**
 * Starts a server on a free port and wraps it as a DavServer owning `root`. A port free when probed can be
 * taken before the server binds it, so a start that fails with "address in use" tries another port.
 * `setUp(port)` writes whatever the server needs for that port and returns its process and URL.
 */
export async function startOnFreePort(
	root: string,
	dataDir: string,
	users: DavUser[],
	setUp: (port: number) => Promise<{ url: string; process: ServerProcess }>,
): Promise<DavServer> {
	try {
		for (let attempt = 1; ; attempt++) {
			const { url, process: server } = await setUp(await freePort());
			try {
				await server.start();
			} catch (error) {
				if (attempt < 3 && /address already in use/i.test(server.log())) continue;
				throw error;
			}
			return davServer({
				url,
				dataDir,
				users,
				process: server,
				dispose: async () => {
					await server.stop();
					await rm(root, { recursive: true, force: true });
				},
			});
		}
	} catch (error) {
		await rm(root, { recursive: true, force: true });
		throw error;
	}
}
