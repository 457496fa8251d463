/** The file system of folder targets inside Obsidian: Node's, loaded only on desktop, when a folder target first opens. */
import { Platform } from "obsidian";
import type { LocalFs } from "../../core/ports/local-fs";

/**
 * Node's file system where the desktop app has it; null on mobile (folder targets then say they need a
 * computer). The import stays dynamic and behind the guard, as in adapters/obsidian/desktop-fs.ts: the
 * bundle is built for the browser platform and must load on a phone, so the Node adapter and the
 * built-ins it requires are reached only here, when this runs on desktop. The same Node implementation
 * serves the command-line tool, so a folder target behaves alike in both.
 */
export async function loadDesktopLocalFs(): Promise<LocalFs | null> {
	if (!Platform.isDesktopApp) return null;
	try {
		const { createNodeLocalFs } = await import("../../adapters/node/node-local-fs");
		return createNodeLocalFs();
	} catch (error) {
		console.warn("Photo backup: folder targets are not available here:", error);
		return null;
	}
}
