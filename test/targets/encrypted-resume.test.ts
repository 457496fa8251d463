// Interrupted uploads through encryption on Apache (which writes ranged PUTs): a retry inside one put resumes with the very same ciphertext; a new put never splices its nonce onto an old leftover.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { encodeNodeBody } from "../../src/adapters/node/node-upload-body";
import type { Target } from "../../src/core/ports/target";
import { openEncryptedTarget } from "../../src/core/targets/encrypting-target";
import { retrying } from "../../src/core/targets/retrying-target";
import { createWebdavTarget } from "../../src/core/targets/webdav-target";
import { startApache } from "../servers/apache";
import type { DavServer } from "../servers/dav-server";
import { faults, startFaultProxy, type FaultProxy, type ProxiedRequest } from "../servers/fault-proxy";
import { requireBinary } from "../servers/require-binary";
import { generatedBody, sha256Hex, streamSha256 } from "../servers/upload-bodies";
import { cipherFor, decryptedFile } from "./encrypted-disk";

const PASSPHRASE = "resume passphrase";
const SIZE = 8 * 1024 * 1024;
const THRESHOLD = 1024 * 1024;

const isPartialPut = (r: ProxiedRequest): boolean => r.method === "PUT" && r.path.includes(".pa-partial");
const rangeStart = (r: ProxiedRequest): number | "plain" => {
	const range = r.headers["content-range"];
	return range === undefined ? "plain" : Number(/^bytes (\d+)-/.exec(String(range))?.[1]);
};

describe.skipIf(requireBinary("apache2", "httpd") === null)("encrypted uploads interrupted on Apache mod_dav", () => {
	let server: DavServer;
	let proxy: FaultProxy;
	beforeAll(async () => {
		server = await startApache();
	});
	afterAll(async () => {
		await server?.dispose();
	});
	afterEach(async () => {
		await proxy?.close();
	});

	async function encryptedDav(attempts: number): Promise<{ target: Target; dir: string; inner: () => Target }> {
		const folder = await server.folder("resume");
		const inner = (): Target => retrying(
			createWebdavTarget({ url: proxy.via(folder.url), username: server.username, password: server.password, encodeBody: encodeNodeBody, resumeThresholdBytes: THRESHOLD }),
			{ attempts, sleep: () => Promise.resolve() },
		);
		return { target: await openEncryptedTarget(inner(), PASSPHRASE), dir: folder.dir, inner };
	}

	it("resumes a ranged upload cut off mid-way, within the same put, and the file opens whole", async () => {
		proxy = await startFaultProxy(server.url);
		const { target, dir } = await encryptedDav(3);
		proxy.failNext(1, faults.drop(3_000_000), (r) => isPartialPut(r) && r.headers["content-range"] !== undefined);
		const body = generatedBody(SIZE, { seed: 11 });
		let reported = 0;
		await target.put("v/clip.mov", body, { onBytes: (n) => (reported += n) });

		const puts = proxy.requests.filter(isPartialPut).map(rangeStart);
		expect(puts).toHaveLength(3);
		expect(puts.slice(0, 2)).toEqual(["plain", THRESHOLD]);
		expect(puts[2]).toBeGreaterThan(THRESHOLD + 1_000_000);
		expect(reported).toBe(SIZE);
		expect(sha256Hex((await decryptedFile(await cipherFor(PASSPHRASE), dir, "v/clip.mov")) ?? new Uint8Array())).toBe(await streamSha256(body));
	});

	it("starts again from the first byte when a new put finds an earlier put's leftover (another nonce)", async () => {
		proxy = await startFaultProxy(server.url);
		const { target, dir, inner } = await encryptedDav(1);
		proxy.failNext(1, faults.drop(3_000_000), (r) => isPartialPut(r) && r.headers["content-range"] !== undefined);
		const body = generatedBody(SIZE, { seed: 12 });
		await expect(target.put("v/clip.mov", body)).rejects.toMatchObject({ code: "transient" });
		const before = proxy.requests.length;

		await (await openEncryptedTarget(inner(), PASSPHRASE)).put("v/clip.mov", body);
		expect(proxy.requests.slice(before).filter(isPartialPut).map(rangeStart)).toEqual(["plain", THRESHOLD]);
		expect(sha256Hex((await decryptedFile(await cipherFor(PASSPHRASE), dir, "v/clip.mov")) ?? new Uint8Array())).toBe(await streamSha256(body));
	});
});
