// "Test connection" against real targets and real failures: each check, and each failure said in plain words.
import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:https";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createNodeLocalFs } from "../../../src/adapters/node/node-local-fs";
import { encodeNodeBody } from "../../../src/adapters/node/node-upload-body";
import type { ConnectionReport } from "../../../src/core/backup/backup-types";
import { createFolderTarget } from "../../../src/core/targets/folder-target";
import { formatBytes, testConnection } from "../../../src/core/targets/test-connection";
import { createWebdavTarget } from "../../../src/core/targets/webdav-target";
import { faults, startFaultProxy, type FaultProxy } from "../../servers/fault-proxy";
import { requireBinary } from "../../servers/require-binary";
import { freePort } from "../../servers/server-process";
import { tempDir } from "../../support/temp-dir";
import { davTarget, SERVER_KINDS, useServer } from "./dav-fixture";

const APACHE = SERVER_KINDS[0];
if (!APACHE) throw new Error("no Apache server kind");
const OPENSSL = requireBinary("openssl");

const summary = (report: ConnectionReport): [string, boolean][] => report.checks.map((c) => [c.name, c.ok]);
const messageOf = (report: ConnectionReport, name: string): string | undefined => report.checks.find((c) => c.name === name)?.message;

describe("testConnection on WebDAV", () => {
	const server = useServer(APACHE);
	let proxy: FaultProxy | undefined;
	afterEach(async () => {
		await proxy?.close();
		proxy = undefined;
	});

	describe.skipIf(APACHE.binary === null)("against Apache", () => {
		it("passes every check and leaves no probe behind", async () => {
			const { target, dir } = await davTarget(server.get());
			const report = await testConnection(target, "nas");
			expect(report).toMatchObject({ targetId: "nas", ok: true });
			expect(summary(report)).toEqual([["reach", true], ["credentials", true], ["write", true], ["space", true]]);
			expect(messageOf(report, "space")).toBe("The server does not report free space.");
			expect(report.available).toBeUndefined();
			expect(await readdir(dir)).toEqual([]);
		});

		it("a wrong password fails the credentials check only, in plain words", async () => {
			const { target } = await davTarget(server.get(), { password: "wrong" });
			const report = await testConnection(target, "nas");
			expect(report.ok).toBe(false);
			expect(summary(report)).toEqual([["reach", true], ["credentials", false]]);
			expect(messageOf(report, "credentials")).toBe("The server refused the user name or password.");
		});

		it("a folder missing on the server is named, with what to do", async () => {
			const s = server.get();
			const { target } = await davTarget(s, { via: () => `${s.url}not-created-yet/` });
			const report = await testConnection(target, "nas");
			expect(summary(report)).toEqual([["reach", true], ["credentials", true], ["write", false]]);
			expect(messageOf(report, "write")).toBe("The folder /dav/not-created-yet does not exist on the server: create it, or correct the URL.");
		});

		it("a server that lets the user read but not write says so", async () => {
			proxy = await startFaultProxy(server.get().url);
			const { target } = await davTarget(server.get(), { via: proxy.via });
			proxy.rule((r) => (r.method === "PUT" ? faults.status(403) : undefined));
			const report = await testConnection(target, "nas");
			expect(summary(report)).toEqual([["reach", true], ["credentials", true], ["write", false]]);
			expect(messageOf(report, "write")).toMatch(/refused access while uploading \.photo-archivist-probe-\w+ \(403 Forbidden\): this user has no permission there/);
		});

		it("a full server says so", async () => {
			proxy = await startFaultProxy(server.get().url);
			const { target } = await davTarget(server.get(), { via: proxy.via });
			proxy.rule((r) => (r.method === "PUT" ? faults.status(507) : undefined));
			expect(messageOf(await testConnection(target, "nas"), "write")).toBe("The server has no space left (507 Insufficient Storage).");
		});

		it("a server that does not answer is given up on, saying how long was waited", async () => {
			proxy = await startFaultProxy(server.get().url);
			const { target } = await davTarget(server.get(), { via: proxy.via, timeoutMs: 300 });
			proxy.rule(() => faults.stall());
			const report = await testConnection(target, "nas");
			expect(summary(report)).toEqual([["reach", false]]);
			expect(messageOf(report, "reach")).toMatch(/^The server did not answer within 0\.3 seconds/);
		});
	});

	it("nothing listening: the connection is refused, in plain words", async () => {
		const port = await freePort();
		const target = createWebdavTarget({ url: `http://127.0.0.1:${port}/dav/`, encodeBody: encodeNodeBody });
		const report = await testConnection(target, "nas");
		expect(summary(report)).toEqual([["reach", false]]);
		expect(messageOf(report, "reach")).toMatch(/refused the connection.*is it running, and are the address and port right\?/);
	});

	describe.skipIf(OPENSSL === null)("over TLS", () => {
		it("a certificate the machine does not trust fails as TLS, in plain words", async () => {
			const dir = await tempDir();
			execFileSync(OPENSSL ?? "openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-days", "1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
			const https = createServer({ key: await readFile(join(dir, "key.pem")), cert: await readFile(join(dir, "cert.pem")) }, (_req, res) => res.writeHead(207).end());
			await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
			try {
				const address = https.address();
				const port = typeof address === "object" && address !== null ? address.port : 0;
				const report = await testConnection(createWebdavTarget({ url: `https://127.0.0.1:${port}/`, encodeBody: encodeNodeBody }), "nas");
				expect(summary(report)).toEqual([["reach", false]]);
				expect(messageOf(report, "reach")).toMatch(/^The server's certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
			} finally {
				https.closeAllConnections();
				await new Promise((resolve) => https.close(resolve));
			}
		});
	});
});

describe("testConnection on a folder", () => {
	it("passes every check and reports the free space", async () => {
		const root = await tempDir();
		const report = await testConnection(createFolderTarget({ root, fs: createNodeLocalFs() }), "ssd");
		expect(summary(report)).toEqual([["reach", true], ["credentials", true], ["write", true], ["space", true]]);
		expect(report.available).toBeGreaterThan(0);
		expect(messageOf(report, "space")).toMatch(/^[\d.]+ (bytes|KB|MB|GB|TB|PB) free\.$/);
		expect(await readdir(root)).toEqual([]);
	});

	it("a drive that is not connected is named", async () => {
		const root = join(await tempDir(), "unplugged");
		const report = await testConnection(createFolderTarget({ root, fs: createNodeLocalFs() }), "ssd");
		expect(report.ok).toBe(false);
		expect(messageOf(report, "write")).toBe(`The folder ${root} does not exist: is the drive connected? Create the folder if it is new.`);
	});
});

describe("formatBytes", () => {
	it.each<[number, string]>([
		[0, "0 bytes"],
		[999, "999 bytes"],
		[1000, "1.0 KB"],
		[1_536_000, "1.5 MB"],
		[250_000_000_000, "250 GB"],
		[12_345_678_901_234, "12.3 TB"],
	])("%i → %s", (bytes, text) => {
		expect(formatBytes(bytes)).toBe(text);
	});
});
