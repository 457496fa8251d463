/**
 * `rclone serve webdav` over a temporary folder on a free 127.0.0.1 port: a second, independent WebDAV
 * implementation (Go's x/net/webdav), served from the root path "/" where Apache serves from "/dav/".
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { basicAuth, DEFAULT_USER, htpasswd, startOnFreePort, type DavServer, type DavUser } from "./dav-server";
import { findBinary } from "./require-binary";
import { ServerProcess } from "./server-process";

/**
 * Starts rclone 1.60+ serving `<temp>/data` at http://127.0.0.1:PORT/. It reports no quota (1.60 answers
 * 404 for quota-available-bytes), and it does not honour `If-None-Match: *` on PUT: it overwrites.
 */
export async function startRcloneServe(options: { users?: DavUser[] } = {}): Promise<DavServer> {
	const binary = findBinary("rclone");
	if (binary === null) throw new Error("rclone is not installed (apt-get install rclone)");
	const users = options.users ?? [DEFAULT_USER];
	const first = users[0] ?? DEFAULT_USER;
	const root = await mkdtemp(join(tmpdir(), "pa-rclone-"));
	const dataDir = join(root, "data");
	try {
		await mkdir(dataDir);
		// An empty config of its own, so the user's rclone remotes are never read.
		await writeFile(join(root, "rclone.conf"), "");
		const credentials = users.length === 1 ? ["--user", first.name, "--pass", first.password] : ["--htpasswd", join(root, "htpasswd")];
		if (users.length > 1) await writeFile(join(root, "htpasswd"), htpasswd(users));
		return await startOnFreePort(root, dataDir, users, async (port) => {
			const url = `http://127.0.0.1:${port}/`;
			const server = new ServerProcess({
				name: "rclone serve webdav",
				command: binary,
				args: [
					"serve", "webdav", dataDir,
					"--addr", `127.0.0.1:${port}`,
					...credentials,
					"--config", join(root, "rclone.conf"),
					// Tests change the disk behind its back (a conflicting file, a removed one): never serve a stale listing.
					"--dir-cache-time", "0s",
					"--poll-interval", "0",
				],
				env: { ...process.env, RCLONE_CONFIG: join(root, "rclone.conf") },
				readyUrl: url,
				authorization: basicAuth(first),
			});
			return { url, process: server };
		});
	} catch (error) {
		await rm(root, { recursive: true, force: true });
		throw error;
	}
}
