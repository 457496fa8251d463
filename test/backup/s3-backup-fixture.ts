// A vault backed up to a bucket on a test S3 gateway, through a fault proxy that counts and breaks requests, with the engine wired as the CLI wires it.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, onTestFinished } from "vitest";
import { NodeDataStore } from "../../src/adapters/node/node-data-store";
import { NodeFileStore } from "../../src/adapters/node/node-file-store";
import { createNodeLocalFs } from "../../src/adapters/node/node-local-fs";
import { NodeNoteStore } from "../../src/adapters/node/node-note-store";
import type { NodeHttpTransport } from "../../src/adapters/node/node-http-transport";
import { defaultBackupSettings } from "../../src/core/backup/backup-settings";
import { parseManifest, type ManifestEntry } from "../../src/core/backup/manifest";
import { manifestFileName } from "../../src/core/backup/manifest-store";
import { createPhotoEngine } from "../../src/core/engine";
import type { PhotoEngine } from "../../src/core/engine-types";
import type { TargetConfig } from "../../src/core/model/target-config";
import type { Target } from "../../src/core/ports/target";
import { localFolderDestination } from "../../src/core/restore/local-folder";
import { localVaultTrash } from "../../src/core/restore/local-trash";
import { DEFAULT_INDEX_SETTINGS } from "../../src/core/settings";
import { openEncryptedTarget } from "../../src/core/targets/encrypting-target";
import { retrying } from "../../src/core/targets/retrying-target";
import { createS3Target } from "../../src/core/targets/s3/s3-target";
import type { CephS3 } from "../servers/ceph";
import { startFaultProxy, type FaultProxy } from "../servers/fault-proxy";
import type { S3Admin } from "../servers/s3-admin";
import { engineVault, type EngineVault } from "../support/engine-vault";

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

export interface S3Gateway {
	ceph: CephS3;
	admin: S3Admin;
	transport: NodeHttpTransport;
	bucket: string;
}

export interface S3FixtureOptions {
	/** The photos of the vault, by vault path. */
	photos: Map<string, Uint8Array>;
	/** Overrides of the target's settings (a wrong bucket), and of its keys. */
	config?: Partial<TargetConfig>;
	secretKey?: string;
	/** Encrypts through the rclone-crypt target with this passphrase. */
	passphrase?: string;
}

export interface S3Fixture extends EngineVault {
	config: TargetConfig;
	proxy: FaultProxy;
	/** The key prefix of this vault's target: its objects are `${prefix}${remotePath}`. */
	prefix: string;
	engine(): PhotoEngine;
	manifest(): Promise<ManifestEntry[]>;
	/** Target paths on the gateway under the prefix, listed without the code under test. */
	remotePaths(): Promise<string[]>;
}

let vaults = 0;

export async function s3Fixture(gateway: S3Gateway, options: S3FixtureOptions): Promise<S3Fixture> {
	const vault = await engineVault();
	for (const [path, bytes] of options.photos) await vault.write(path, bytes);
	const proxy = await startFaultProxy(gateway.ceph.endpoint, { keepHost: true });
	onTestFinished(() => proxy.close());
	const prefix = `vault-${++vaults}/`;
	const config: TargetConfig = {
		id: "cloud", name: "Cloud", kind: "s3", medium: "cloud", offsite: true, layout: "mirror", enabled: true,
		endpoint: proxy.origin, bucket: gateway.bucket, prefix, pathStyle: true, accessKeyId: gateway.ceph.accessKey,
		// Only named: this fixture's openTarget hands the secret over itself.
		secretKeySecret: "cloud-secret-key", ...options.config,
	};
	const openTarget = async (target: TargetConfig): Promise<Target> => {
		const s3 = createS3Target({
			endpoint: target.endpoint ?? "", bucket: target.bucket ?? "", prefix: target.prefix, pathStyle: target.pathStyle === true,
			accessKeyId: target.accessKeyId ?? "", secretAccessKey: options.secretKey ?? gateway.ceph.secretKey,
			transport: gateway.transport, timeoutMs: 10_000,
			// Small parts, so a photo of a few megabytes goes up in several.
			multipartFromBytes: 6 * 1024 * 1024, partBytes: 5 * 1024 * 1024,
		});
		// Quick retries: a failure is found out in milliseconds, not minutes.
		const retried = retrying(s3, { attempts: 4, baseDelayMs: 20, maxDelayMs: 100 });
		return options.passphrase === undefined ? retried : openEncryptedTarget(retried, options.passphrase);
	};
	const engine = (): PhotoEngine =>
		createPhotoEngine(
			{
				files: new NodeFileStore(vault.root),
				notes: new NodeNoteStore(vault.root),
				data: new NodeDataStore(vault.dataFolder),
				openTarget,
				platform: "cli",
				vaultWriter: localFolderDestination(createNodeLocalFs(), vault.root).writer,
				trash: localVaultTrash(createNodeLocalFs(), vault.root),
			},
			DEFAULT_INDEX_SETTINGS,
			{ ...defaultBackupSettings("cli"), targets: [config] },
		);
	const summary = await engine().indexAll();
	expect(summary).toMatchObject({ photos: options.photos.size, failed: [] });
	return {
		...vault,
		config,
		proxy,
		prefix,
		engine,
		manifest: async () => parseManifest(await readFile(join(vault.dataFolder, manifestFileName(config.id)), "utf8")),
		remotePaths: async () => (await gateway.admin.keys(gateway.bucket, prefix)).map((key) => key.slice(prefix.length)),
	};
}

/**
 * Reads every copy the manifest lists back from the gateway (not through the target) and checks it against
 * the SHA-256 the index has, and that every indexed photo has a copy whose ETag the manifest recorded.
 */
export async function expectEveryPhotoInBucket(fixture: S3Fixture, gateway: S3Gateway): Promise<void> {
	const entries = await fixture.manifest();
	const engine = fixture.engine();
	await engine.load();
	for (const record of engine.records()) {
		const copies = entries.filter((e) => e.sha256 === record.sha256);
		expect(copies.length, `a copy of ${record.path}`).toBeGreaterThan(0);
		expect(sha256(await readFile(join(fixture.root, record.path))), record.path).toBe(record.sha256);
	}
	for (const entry of entries) {
		const bytes = await gateway.admin.get(gateway.bucket, fixture.prefix + entry.remotePath);
		expect(bytes, entry.remotePath).not.toBeNull();
		expect(sha256(bytes ?? new Uint8Array()), entry.remotePath).toBe(entry.sha256);
		expect(entry.etag, entry.remotePath).toMatch(/^"?[0-9a-f]{32}(-\d+)?"?$/);
	}
}
