// A vault of generated photos carrying known marker strings in their names and bytes, with the engine wired as the CLI wires it and every target opened through encryption.
import { randomBytes } from "node:crypto";
import { createNodeLocalFs } from "../../src/adapters/node/node-local-fs";
import { NodeDataStore } from "../../src/adapters/node/node-data-store";
import { NodeFileStore } from "../../src/adapters/node/node-file-store";
import { NodeNoteStore } from "../../src/adapters/node/node-note-store";
import { encodeNodeBody } from "../../src/adapters/node/node-upload-body";
import { defaultBackupSettings } from "../../src/core/backup/backup-settings";
import { createPhotoEngine } from "../../src/core/engine";
import type { PhotoEngine } from "../../src/core/engine-types";
import type { TargetConfig } from "../../src/core/model/target-config";
import type { Target } from "../../src/core/ports/target";
import { localFolderDestination } from "../../src/core/restore/local-folder";
import { localVaultTrash } from "../../src/core/restore/local-trash";
import { DEFAULT_INDEX_SETTINGS } from "../../src/core/settings";
import { openEncryptedTarget } from "../../src/core/targets/encrypting-target";
import { makeOpenTarget } from "../../src/core/targets/open-target";
import { engineVault, type EngineVault } from "../support/engine-vault";
import { jpeg } from "../support/photos";

/** In folder and file names: must never reach the server's disk. */
export const NAME_MARKER = "Zanzibar-Quokka";
/** In the photos' bytes (after the JPEG's end, as some cameras write data there) and their EXIF maker: never on the server either. */
export const CONTENT_MARKER = "Marmalade-Okapi-7731";

export const MARKED_PHOTOS = [
	`Photos/${NAME_MARKER} trip/IMG ${NAME_MARKER} 1.jpg`,
	`Photos/été ${NAME_MARKER} #2.jpg`,
	`Photos/${NAME_MARKER} 日本/写真 ${NAME_MARKER}.jpg`,
	`Photos/big ${NAME_MARKER}.jpg`,
];

export interface EncryptedVault extends EngineVault {
	/** The bytes each photo was made with. */
	originals: Map<string, Uint8Array>;
	/** A fresh engine whose targets open through encryption with `passphrase`. */
	encryptedEngine(config: TargetConfig, passphrase: string, wrap?: (target: Target) => Target): PhotoEngine;
}

export async function encryptedVault(password: string | undefined): Promise<EncryptedVault> {
	const vault = await engineVault();
	const originals = new Map<string, Uint8Array>();
	for (const [i, path] of MARKED_PHOTOS.entries()) {
		const photo = jpeg({ seed: i + 21, make: `${CONTENT_MARKER} Camera Co` });
		const tail = new TextEncoder().encode(` ${CONTENT_MARKER} `);
		// One of 3 MB, so contents span many 64 KiB blocks and several read ranges.
		const bytes = new Uint8Array([...photo, ...tail, ...(path.startsWith("Photos/big") ? randomBytes(3_000_000) : []), ...tail]);
		originals.set(path, bytes);
		await vault.write(path, bytes);
	}
	const open = makeOpenTarget({
		encodeBody: encodeNodeBody,
		localFs: () => Promise.resolve(createNodeLocalFs()),
		password: () => Promise.resolve(password),
		retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
		timeoutMs: 5000,
	});
	return {
		...vault,
		originals,
		encryptedEngine: (config, passphrase, wrap) => createPhotoEngine(
			{
				files: new NodeFileStore(vault.root),
				notes: new NodeNoteStore(vault.root),
				data: new NodeDataStore(vault.dataFolder),
				openTarget: async (target) => {
					const encrypted = await openEncryptedTarget(await open({ ...target, encrypt: false }), passphrase);
					return wrap ? wrap(encrypted) : encrypted;
				},
				platform: "cli",
				vaultWriter: localFolderDestination(createNodeLocalFs(), vault.root).writer,
				trash: localVaultTrash(createNodeLocalFs(), vault.root),
			},
			DEFAULT_INDEX_SETTINGS,
			{ ...defaultBackupSettings("cli"), targets: [config] },
		),
	};
}
