/** Fast file access for the desktop app only: ranged reads and streamed SHA-256 through Node, which mobile lacks. */
import { FileSystemAdapter, Platform, type DataAdapter } from "obsidian";
import type { ByteRange } from "../../core/ports/file-store";
import { readFully } from "../shared/read-fully";

/** What the Vault API cannot do without reading a whole file into memory. Paths are vault-relative. */
export interface DesktopFs {
	/** The bytes of `range`, clipped to the file's end. */
	readRange(path: string, range: ByteRange): Promise<Uint8Array>;
	/** Lower-case hex SHA-256, hashed in 1 MiB chunks. */
	sha256(path: string): Promise<string>;
}

type NodeFs = typeof import("fs");
type NodeCrypto = typeof import("crypto");

/**
 * Node's fs and crypto when running in the desktop app with a file-system vault; null anywhere else (mobile,
 * or a desktop without Node access), and the callers fall back to the Vault API.
 *
 * The imports must stay dynamic and behind this guard: the plugin bundle is built for the browser platform so
 * that a static Node import fails the build, and eslint-plugin-obsidianmd's no-nodejs-modules accepts only
 * imports guarded by `Platform.isDesktop`. esbuild tolerates the unresolved built-ins because the failure is
 * caught here; built with `supported: { "dynamic-import": false }` they become `require()` calls, which
 * Electron's renderer resolves (its Chromium ESM loader, which a real `import()` would use, has no Node built-ins).
 */
export async function loadDesktopFs(adapter: DataAdapter): Promise<DesktopFs | null> {
	if (!Platform.isDesktop) return null;
	if (!Platform.isDesktopApp || !(adapter instanceof FileSystemAdapter)) return null;
	try {
		// One awaited import() per statement: esbuild only lets an unresolved import through when it sees it awaited in a try.
		const fs = await import("fs");
		const crypto = await import("crypto");
		return createDesktopFs(fs, crypto, (path) => adapter.getFullPath(path));
	} catch {
		return null;
	}
}

/** The Node implementation; `fullPath` turns a vault path into an absolute one. */
export function createDesktopFs(fs: NodeFs, crypto: NodeCrypto, fullPath: (path: string) => string): DesktopFs {
	return {
		async readRange(path, range) {
			const handle = await fs.promises.open(fullPath(path), "r");
			try {
				// Clipped first, so a generous range ("the first 64 kB") never allocates more than the file holds.
				const size = (await handle.stat()).size;
				const start = Math.min(range.start, size);
				return await readFully(handle, start, Math.min(range.end, size) - start);
			} finally {
				await handle.close();
			}
		},
		async sha256(path) {
			const hash = crypto.createHash("sha256");
			for await (const chunk of fs.createReadStream(fullPath(path), { highWaterMark: 1 << 20 })) {
				hash.update(chunk as Uint8Array);
			}
			return hash.digest("hex");
		},
	};
}
