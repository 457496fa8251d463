// A fake vault over a fresh temporary folder, seeded with files, for the Obsidian adapter tests.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createFakeVault, type FakeVaultHost } from "../../fakes/obsidian/vault";
import { tempDir } from "../../support/temp-dir";

export interface SeededVault extends FakeVaultHost {
	root: string;
}

/** `files` maps vault paths to their content; the vault is opened after they are on disk. */
export async function seededVault(files: Record<string, string | Uint8Array> = {}): Promise<SeededVault> {
	const root = await tempDir("pa-vault-");
	for (const [path, content] of Object.entries(files)) {
		await mkdir(dirname(join(root, path)), { recursive: true });
		await writeFile(join(root, path), content);
	}
	return { root, ...createFakeVault(root) };
}

/** Bytes that differ at every offset, so a slice taken from the wrong place cannot pass. */
export function patternBytes(size: number): Uint8Array {
	const bytes = new Uint8Array(size);
	for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
	return bytes;
}
