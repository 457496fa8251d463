// The Target conformance suite through encryption: over a local folder and over Apache mod_dav, reading the server's disk back through an independent decryption.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { createNodeLocalFs } from "../../src/adapters/node/node-local-fs";
import { encodeNodeBody } from "../../src/adapters/node/node-upload-body";
import { openEncryptedTarget } from "../../src/core/targets/encrypting-target";
import { createFolderTarget } from "../../src/core/targets/folder-target";
import { createWebdavTarget } from "../../src/core/targets/webdav-target";
import { startApache } from "../servers/apache";
import type { DavServer } from "../servers/dav-server";
import { requireBinary } from "../servers/require-binary";
import { describeTargetContract, type TargetFixture } from "./target-contract";
import { cipherFor, decryptedFile, decryptedNames } from "./encrypted-disk";

const PASSPHRASE = "contract passphrase 🔐";

describeTargetContract("EncryptingTarget over a FolderTarget", async (): Promise<TargetFixture> => {
	const root = await mkdtemp(join(tmpdir(), "pa-encrypted-folder-"));
	const cipher = await cipherFor(PASSPHRASE);
	return {
		target: await openEncryptedTarget(createFolderTarget({ root, fs: createNodeLocalFs() }), PASSPHRASE),
		readBack: (path) => decryptedFile(cipher, root, path),
		listBack: (folder) => decryptedNames(cipher, root, folder),
		cleanup: () => rm(root, { recursive: true, force: true }),
	};
});

describe.skipIf(requireBinary("apache2", "httpd") === null)("EncryptingTarget over WebDAV on Apache mod_dav", () => {
	let server: DavServer;
	beforeAll(async () => {
		server = await startApache();
	});
	afterAll(async () => {
		await server?.dispose();
	});

	describeTargetContract("EncryptingTarget over WebdavTarget (streamed) on Apache mod_dav", async (): Promise<TargetFixture> => {
		const folder = await server.folder("encrypted-contract");
		const cipher = await cipherFor(PASSPHRASE);
		const inner = createWebdavTarget({ url: folder.url, username: server.username, password: server.password, encodeBody: encodeNodeBody });
		return {
			target: await openEncryptedTarget(inner, PASSPHRASE),
			readBack: (path) => decryptedFile(cipher, folder.dir, path),
			// mod_dav_fs keeps dead properties in a hidden .DAV folder that WebDAV clients never see.
			listBack: (sub) => decryptedNames(cipher, folder.dir, sub, [".DAV"]),
			cleanup: () => rm(folder.dir, { recursive: true, force: true }),
		};
	});
});
