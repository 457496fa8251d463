// Opening configured targets: the checks on the configuration, what each host provides, and retries around the result.
import { describe, expect, it } from "vitest";
import { createNodeLocalFs } from "../../../src/adapters/node/node-local-fs";
import { encodeNodeBody } from "../../../src/adapters/node/node-upload-body";
import type { TargetConfig } from "../../../src/core/model/target-config";
import { TargetError } from "../../../src/core/model/target-error";
import { makeOpenTarget, type TargetHost } from "../../../src/core/targets/open-target";
import { startFaultProxy, faults } from "../../servers/fault-proxy";
import { bytesBody } from "../../servers/upload-bodies";
import { tempDir } from "../../support/temp-dir";
import { SERVER_KINDS, useServer } from "./dav-fixture";

const base: TargetConfig = { id: "t", name: "My target", kind: "webdav", medium: "nas", offsite: false, layout: "mirror", enabled: true };

function host(extra: Partial<TargetHost> = {}): TargetHost & { asked: string[] } {
	const asked: string[] = [];
	return {
		asked,
		encodeBody: encodeNodeBody,
		localFs: () => Promise.resolve(createNodeLocalFs()),
		password: (config) => {
			asked.push(config.id);
			return Promise.resolve("pw");
		},
		...extra,
	};
}

async function openError(config: TargetConfig, h: TargetHost = host()): Promise<TargetError> {
	const error = await makeOpenTarget(h)(config).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(TargetError);
	return error as TargetError;
}

describe("makeOpenTarget: the configuration is checked, in plain words", () => {
	it.each<[string, Partial<TargetConfig>, RegExp]>([
		["a WebDAV target without URL", { url: "  " }, /^Target "My target" has no server URL: set one/],
		["a URL that is not http(s)", { url: "ftp://nas/photos" }, /must start with https:\/\/ or http:\/\//],
		["a URL that does not parse", { url: "https://" }, /is not a valid server URL/],
		["credentials inside the URL", { url: "https://me:pw@nas/photos" }, /not in the server URL/],
		["a folder target without path", { kind: "folder" }, /^Target "My target" has no folder/],
		["a relative folder path", { kind: "folder", path: "backups/photos" }, /must be an absolute path/],
		["an unknown kind", { kind: "ftp" as TargetConfig["kind"] }, /unknown kind "ftp" \(expected webdav, folder or s3\)/],
	])("%s", async (_name, change, message) => {
		expect((await openError({ ...base, ...change })).message).toMatch(message);
	});

	it("says folder targets need a computer where there is no local file system", async () => {
		for (const localFs of [null, () => Promise.resolve(null)]) {
			const error = await openError({ ...base, kind: "folder", path: "/mnt/ssd" }, host({ localFs }));
			expect(error.message).toBe('Target "My target" is a folder target: those work on desktop and from the command line, not on this device.');
		}
	});

	it("asks for a password only when there is a user name, and passes what the host's store says", async () => {
		const h = host();
		await makeOpenTarget(h)({ ...base, url: "https://nas.local/photos" });
		expect(h.asked).toEqual([]);
		await makeOpenTarget(h)({ ...base, url: "https://nas.local/photos", username: "me" });
		expect(h.asked).toEqual(["t"]);
	});

	it("lets the host's refusal through (a password missing from the keychain stops the target)", async () => {
		const h = host({ password: () => Promise.reject(new TargetError("auth", "no password in the keychain")) });
		expect(await openError({ ...base, url: "https://nas.local/photos", username: "me" }, h)).toMatchObject({ code: "auth" });
	});

	it("opens a folder target on an absolute path", async () => {
		const root = await tempDir();
		const target = await makeOpenTarget(host())({ ...base, kind: "folder", path: root });
		expect((await target.put("a.jpg", bytesBody(new Uint8Array(2)))).size).toBe(2);
	});
});

describe("makeOpenTarget: the opened WebDAV target", () => {
	const APACHE = SERVER_KINDS[0];
	if (!APACHE) throw new Error("no Apache server kind");
	const server = useServer(APACHE);

	it.skipIf(APACHE.binary === null)("uses the password from the host, and retries transient failures with the host's policy", async () => {
		const s = server.get();
		const folder = await s.folder("open");
		const proxy = await startFaultProxy(s.url);
		try {
			const slept: number[] = [];
			const h = host({ password: () => Promise.resolve(s.password), retry: { sleep: (ms) => Promise.resolve(void slept.push(ms)) } });
			const target = await makeOpenTarget(h)({ ...base, url: proxy.via(folder.url), username: s.username });
			proxy.failNext(1, faults.status(503, { "retry-after": "3" }), (r) => r.method === "PUT");
			expect((await target.put("a.jpg", bytesBody(new Uint8Array(7)))).size).toBe(7);
			expect(slept).toEqual([3000]);
		} finally {
			await proxy.close();
		}
	});
});
