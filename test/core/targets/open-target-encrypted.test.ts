// Opening encrypted targets: the passphrase from the host, ciphertext only on the target, and retries inside the encryption so a resumed upload continues the same ciphertext.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { createNodeLocalFs } from "../../../src/adapters/node/node-local-fs";
import { encodeNodeBody } from "../../../src/adapters/node/node-upload-body";
import type { TargetConfig } from "../../../src/core/model/target-config";
import { TargetError } from "../../../src/core/model/target-error";
import type { LocalFs } from "../../../src/core/ports/local-fs";
import { makeOpenTarget, type TargetHost } from "../../../src/core/targets/open-target";
import { faults, startFaultProxy, type ProxiedRequest } from "../../servers/fault-proxy";
import { bytesBody, generatedBody, sha256Hex, streamSha256 } from "../../servers/upload-bodies";
import { tempDir } from "../../support/temp-dir";
import { SERVER_KINDS, useServer } from "./dav-fixture";

const PASSPHRASE = "correct horse battery staple";
const MARKER = "GRANDMA-BIRTHDAY-1987";

function host(passphrase: string | undefined, extra: Partial<TargetHost> = {}): TargetHost & { fsLoads: number } {
	const h = {
		fsLoads: 0,
		encodeBody: encodeNodeBody,
		localFs: (): Promise<LocalFs | null> => {
			h.fsLoads++;
			return Promise.resolve(createNodeLocalFs());
		},
		password: () => Promise.resolve(undefined),
		secret: (_config: TargetConfig, which: string) => Promise.resolve(which === "passphrase" ? passphrase : undefined),
		retry: { sleep: () => Promise.resolve() },
		...extra,
	};
	return h;
}

async function filesUnder(root: string): Promise<string[]> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)));
}

describe("makeOpenTarget: an encrypted folder target", () => {
	const folder = (root: string): TargetConfig => ({
		id: "ssd", name: "SSD", kind: "folder", medium: "external-drive", offsite: false, layout: "mirror", enabled: true,
		path: root, encrypt: true, passphraseSecret: "photos-passphrase",
	});

	it("stops before touching the target when there is no passphrase", async () => {
		const h = host(undefined);
		const error = await makeOpenTarget(h)(folder(await tempDir())).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TargetError);
		expect(error).toMatchObject({ code: "auth", message: 'Target "SSD" is encrypted but has no passphrase: set the passphrase its backups were made with.' });
		expect(h.fsLoads).toBe(0);
	});

	it("stores neither the names nor the bytes of a photo, and gives both back", async () => {
		const root = await tempDir();
		const photo = new TextEncoder().encode(`${MARKER} `.repeat(5000));
		const target = await makeOpenTarget(host(PASSPHRASE))(folder(root));
		expect((await target.put("Photos/été 1.jpg", bytesBody(photo))).size).toBe(photo.length);

		const onDisk = await filesUnder(root);
		expect(onDisk).toHaveLength(1);
		expect(onDisk[0]).not.toMatch(/Photos|été|\.jpg/);
		const stored = await readFile(join(root, onDisk[0] ?? ""));
		expect(stored.includes(Buffer.from(MARKER))).toBe(false);
		expect(stored.length).toBeGreaterThan(photo.length);

		const again = await makeOpenTarget(host(PASSPHRASE))(folder(root));
		expect(sha256Hex(await again.read("Photos/été 1.jpg"))).toBe(sha256Hex(photo));
		expect((await again.list("Photos")).files.map((f) => [f.path, f.size])).toEqual([["Photos/été 1.jpg", photo.length]]);
	});

	it("refuses another passphrase once the target holds encrypted files", async () => {
		const root = await tempDir();
		await (await makeOpenTarget(host(PASSPHRASE))(folder(root))).put("Photos/a.jpg", bytesBody(new Uint8Array(100)));
		const error = await makeOpenTarget(host("another passphrase"))(folder(root)).catch((e: unknown) => e);
		expect(error).toMatchObject({ code: "auth", message: expect.stringMatching(/encrypted with another passphrase\. Nothing was written/) as unknown });
	});
});

describe("makeOpenTarget: retries happen inside the encryption", () => {
	const APACHE = SERVER_KINDS[0];
	if (!APACHE) throw new Error("no Apache server kind");
	const server = useServer(APACHE);
	const rangeStart = (r: ProxiedRequest): number => Number(/^bytes (\d+)-/.exec(String(r.headers["content-range"]))?.[1]);

	it.skipIf(APACHE.binary === null)("a large upload cut off mid-way resumes the same ciphertext where it stopped, and decrypts whole", async () => {
		const s = server.get();
		const dir = await s.folder("crypt");
		const proxy = await startFaultProxy(s.url);
		try {
			const config: TargetConfig = {
				id: "nas", name: "NAS", kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled: true,
				url: proxy.via(dir.url), username: s.username, encrypt: true, passphraseSecret: "p",
			};
			const target = await makeOpenTarget(host(PASSPHRASE, { password: () => Promise.resolve(s.password) }))(config);
			// Large enough, once encrypted, for the WebDAV target's resumable upload (64 MiB and more).
			const body = generatedBody(65 * 1024 * 1024, { seed: 7, chunkSize: 1024 * 1024 });
			const isRange = (r: ProxiedRequest): boolean => r.method === "PUT" && r.headers["content-range"] !== undefined && !r.path.includes("probe");
			proxy.failNext(1, faults.drop(20_000_000), isRange);
			await target.put("Videos/holiday.mov", body);

			const ranges = proxy.requests.filter(isRange).map(rangeStart);
			expect(ranges).toHaveLength(2);
			// Same nonce, same ciphertext: the second try trusts the bytes the first one left and goes on from there.
			expect(ranges[1]).toBeGreaterThan(ranges[0] ?? Infinity);
			expect(sha256Hex(await target.read("Videos/holiday.mov"))).toBe(await streamSha256(body));
		} finally {
			await proxy.close();
		}
	}, 120_000);
});
