// The real WebDAV servers the target tests run against: they start, store bytes, check passwords, restart with their data, free their port.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApache } from "../servers/apache";
import { basicAuth, type DavServer, type DavUser } from "../servers/dav-server";
import { faults, startFaultProxy } from "../servers/fault-proxy";
import { requireBinary } from "../servers/require-binary";
import { startRcloneServe } from "../servers/rclone-serve";

const owner: DavUser = { name: "owner", password: "pä55 wörd:with colon" };
const second: DavUser = { name: "second", password: "another" };

const sha = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

function portOf(server: DavServer): number {
	return Number(new URL(server.url).port);
}

function canBind(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once("error", () => resolve(false));
		probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
	});
}

const servers: [string, string, (options: { users: DavUser[] }) => Promise<DavServer>][] = [
	["Apache mod_dav", "apache2", startApache],
	["rclone serve webdav", "rclone", startRcloneServe],
];

describe.each(servers)("%s", (_name, binary, start) => {
	const missing = requireBinary(...(binary === "apache2" ? ["apache2", "httpd"] : [binary])) === null;
	let server: DavServer;
	beforeAll(async () => {
		if (missing) return;
		server = await start({ users: [owner, second] });
	});
	afterAll(async () => {
		await server?.dispose();
	});

	describe.skipIf(missing)("harness", () => {
		it("stores a PUT on its disk byte for byte and serves it back", async () => {
			const folder = await server.folder("put");
			const body = new Uint8Array(1_500_000).map((_, i) => (i * 31 + 7) % 256);
			const put = await fetch(`${folder.url}photo%20%23%E6%97%A5.jpg`, { method: "PUT", body, headers: { authorization: basicAuth(owner) } });
			expect(put.status).toBe(201);
			expect(sha(await readFile(join(folder.dir, "photo #日.jpg")))).toBe(sha(body));
			const get = await fetch(`${folder.url}photo%20%23%E6%97%A5.jpg`, { headers: { authorization: basicAuth(owner) } });
			expect(sha(new Uint8Array(await get.arrayBuffer()))).toBe(sha(body));
		});

		it("gives each test an empty folder of its own", async () => {
			const a = await server.folder("same");
			const b = await server.folder("same");
			expect(a.url).not.toBe(b.url);
			const listing = await fetch(a.url, { method: "PROPFIND", headers: { authorization: basicAuth(owner), depth: "1" } });
			expect(listing.status).toBe(207);
			expect((await listing.text()).match(/<D:href>/gi)).toHaveLength(1);
		});

		it("lets every configured user in and refuses a wrong password", async () => {
			for (const user of [owner, second]) expect((await fetch(server.url, { method: "OPTIONS", headers: { authorization: basicAuth(user) } })).status).toBe(200);
			expect((await fetch(server.url, { method: "PROPFIND", headers: { authorization: basicAuth({ ...owner, password: "wrong" }), depth: "0" } })).status).toBe(401);
			expect((await fetch(server.url, { method: "PROPFIND", headers: { depth: "0" } })).status).toBe(401);
		});

		it("MOVEs through the fault proxy, whose Destination header points at the proxy", async () => {
			const folder = await server.folder("proxy");
			const proxy = await startFaultProxy(server.url);
			try {
				const auth = { authorization: basicAuth(owner) };
				const from = proxy.via(`${folder.url}a.tmp`);
				expect((await fetch(from, { method: "PUT", body: "abc", headers: auth })).status).toBe(201);
				const moved = await fetch(from, { method: "MOVE", headers: { ...auth, destination: proxy.via(`${folder.url}a.jpg`), overwrite: "F" } });
				expect(moved.status).toBe(201);
				expect(await readFile(join(folder.dir, "a.jpg"), "utf8")).toBe("abc");
				proxy.failNext(1, faults.status(507));
				expect((await fetch(from, { method: "PUT", body: "x", headers: auth })).status).toBe(507);
				expect(proxy.count("PUT")).toBe(2);
			} finally {
				await proxy.close();
			}
		});

		it("restarts on the same port with its data, and frees the port while stopped", async () => {
			const folder = await server.folder("restart");
			const auth = { authorization: basicAuth(owner) };
			expect((await fetch(`${folder.url}kept.bin`, { method: "PUT", body: "kept across restarts", headers: auth })).status).toBe(201);
			const url = server.url;
			await server.stop();
			await expect(fetch(`${folder.url}kept.bin`, { headers: auth })).rejects.toThrow();
			expect(await canBind(portOf(server))).toBe(true);
			await server.start();
			expect(server.url).toBe(url);
			const get = await fetch(`${folder.url}kept.bin`, { headers: auth });
			expect(await get.text()).toBe("kept across restarts");
		});
	});
});
