// A vault of generated photos with the engine wired as the CLI wires it (Node adapters, streamed uploads), for backups to real targets.
import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { expect } from "vitest";
import { NodeDataStore } from "../../src/adapters/node/node-data-store";
import { NodeFileStore } from "../../src/adapters/node/node-file-store";
import { createNodeLocalFs } from "../../src/adapters/node/node-local-fs";
import { NodeNoteStore } from "../../src/adapters/node/node-note-store";
import { encodeNodeBody } from "../../src/adapters/node/node-upload-body";
import { defaultBackupSettings } from "../../src/core/backup/backup-settings";
import { parseManifest, type ManifestEntry } from "../../src/core/backup/manifest";
import { manifestFileName } from "../../src/core/backup/manifest-store";
import { createPhotoEngine } from "../../src/core/engine";
import type { PhotoEngine } from "../../src/core/engine-types";
import type { TargetConfig } from "../../src/core/model/target-config";
import type { Target } from "../../src/core/ports/target";
import { makeOpenTarget } from "../../src/core/targets/open-target";
import { isTemporaryName } from "../../src/core/targets/remote-path";
import { DEFAULT_INDEX_SETTINGS } from "../../src/core/settings";
import { engineVault, type EngineVault } from "../support/engine-vault";
import { jpeg } from "../support/photos";

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Photos with awkward names, and one of 3 MB (a JPEG with data after its end, as some cameras write) that streams in several chunks. */
export const PHOTO_NAMES = ["Photos/a.jpg", "Photos/été #1.jpg", "Photos/2024/b&c d.jpg", "Photos/2024/e.jpg", "Photos/big.jpg"];

export interface BackupFixture extends EngineVault {
	config: TargetConfig;
	engine(): PhotoEngine;
	/** The target's manifest as saved in the data folder. */
	manifest(): Promise<ManifestEntry[]>;
}

export interface FixtureOptions {
	password?: string;
	/** Wraps each opened target, to watch or interrupt what the engine asks of it. */
	wrap?: (target: Target) => Target;
}

export async function backupFixture(config: TargetConfig, options: FixtureOptions = {}): Promise<BackupFixture> {
	const vault = await engineVault();
	for (const [i, path] of PHOTO_NAMES.entries()) {
		const photo = jpeg({ seed: i + 1 });
		await vault.write(path, path === "Photos/big.jpg" ? new Uint8Array([...photo, ...randomBytes(3_000_000)]) : photo);
	}
	const open = makeOpenTarget({
		encodeBody: encodeNodeBody,
		localFs: () => Promise.resolve(createNodeLocalFs()),
		password: () => Promise.resolve(options.password),
		// Quick retries and timeouts: a stopped server is found out in seconds, not minutes.
		retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
		timeoutMs: 5000,
	});
	const openTarget = async (target: TargetConfig): Promise<Target> => {
		const opened = await open(target);
		return options.wrap ? options.wrap(opened) : opened;
	};
	const engine = (): PhotoEngine => createPhotoEngine(
		{
			files: new NodeFileStore(vault.root),
			notes: new NodeNoteStore(vault.root),
			data: new NodeDataStore(vault.dataFolder),
			openTarget,
			platform: "cli",
		},
		DEFAULT_INDEX_SETTINGS,
		{ ...defaultBackupSettings("cli"), targets: [config] },
	);
	const summary = await engine().indexAll();
	expect(summary).toMatchObject({ photos: PHOTO_NAMES.length, failed: [] });
	return {
		...vault,
		config,
		engine,
		manifest: async () => parseManifest(await readFile(join(vault.dataFolder, manifestFileName(config.id)), "utf8")),
	};
}

/** Every file under `dir` ("/"-separated, relative), leaving out `skip` folders (a server's own, like Apache's .DAV). */
export async function filesOnDisk(dir: string, skip: readonly string[] = [".DAV"]): Promise<string[]> {
	const out: string[] = [];
	const walk = async (folder: string): Promise<void> => {
		for (const entry of await readdir(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) {
				if (!skip.includes(entry.name)) await walk(path);
			} else out.push(relative(dir, path).split("\\").join("/"));
		}
	};
	await walk(dir);
	return out.sort();
}

/** Files under final names: neither upload temporaries nor the target's own manifest copy. */
export function finalNames(paths: readonly string[]): string[] {
	return paths.filter((p) => !p.startsWith(".photo-archivist/") && !isTemporaryName(p.slice(p.lastIndexOf("/") + 1)));
}

/**
 * Reads every copy the manifest lists back from the target's disk and checks it against the SHA-256 the
 * index has for the photo, and that every photo of the vault has a copy.
 */
export async function expectEveryPhotoOnDisk(fixture: BackupFixture, dir: string): Promise<void> {
	const entries = await fixture.manifest();
	const engine = fixture.engine();
	await engine.load();
	const records = [...engine.records()];
	expect(records).toHaveLength(PHOTO_NAMES.length);
	for (const record of records) {
		expect(entries.filter((e) => e.sha256 === record.sha256).length, `a copy of ${record.path}`).toBeGreaterThan(0);
	}
	for (const entry of entries) {
		const bytes = await readFile(join(dir, ...entry.remotePath.split("/")));
		expect(sha256(bytes), entry.remotePath).toBe(entry.sha256);
		expect(bytes.length).toBe(entry.size);
	}
}
