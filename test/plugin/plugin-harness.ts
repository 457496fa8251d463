// The plugin on a fake Obsidian over a real temporary vault: one folder per test, removed by cleanup().
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { vi } from "vitest";
import manifest from "../../manifest.json";
import PhotoArchivistPlugin from "../../src/plugin/main";
import {
	asRealApp,
	clearNotices,
	createFakeApp,
	fakeOf,
	Modal,
	Notice,
	setPlatform,
	type FakeApp,
	type Plugin as FakePlugin,
} from "../fakes/obsidian";

export const PLUGIN_DIR = `.obsidian/plugins/${manifest.id}`;
export const DATA_JSON = `${PLUGIN_DIR}/data.json`;

export interface HarnessOptions {
	/** Vault files written before Obsidian "opens" the vault. */
	files?: Record<string, Uint8Array | string>;
	/** The plugin's data.json, as an object or as raw text. */
	data?: unknown;
	/** Whether to call plugin.load() (default true). */
	load?: boolean;
	platform?: "desktop" | "mobile";
	/** Open this existing vault folder again instead of a new one (Obsidian restarted). */
	root?: string;
}

export interface Harness {
	root: string;
	app: FakeApp;
	plugin: PhotoArchivistPlugin;
	fake: FakePlugin;
	/** Obsidian reports the layout ready; resolves once the plugin has loaded its settings and engine. */
	layoutReady(): Promise<void>;
	/** Runs a command as the palette would, then waits until the plugin has nothing left to do. */
	run(commandId: string): Promise<boolean>;
	/** A file's text on disk, or null. */
	readText(vaultPath: string): string | null;
	exists(vaultPath: string): boolean;
	/** The latest Notice's current message. */
	lastNotice(): string;
	cleanup(): Promise<void>;
}

export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
	setPlatform(options.platform ?? "desktop");
	const root = options.root ?? (await fs.promises.mkdtemp(path.join(os.tmpdir(), "photo-archivist-plugin-")));
	fs.mkdirSync(path.join(root, PLUGIN_DIR), { recursive: true });
	for (const [file, content] of Object.entries(options.files ?? {})) {
		fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		fs.writeFileSync(path.join(root, file), content);
	}
	if (options.data !== undefined) {
		const text = typeof options.data === "string" ? options.data : JSON.stringify(options.data);
		fs.writeFileSync(path.join(root, DATA_JSON), text);
	}
	// Obsidian's global sleep(), which the plugin uses to let a large index load in slices.
	vi.stubGlobal("sleep", (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));

	const app = createFakeApp(root);
	const plugin = new PhotoArchivistPlugin(asRealApp(app), { ...manifest, dir: PLUGIN_DIR });
	const fake = fakeOf(plugin);
	if (options.load !== false) plugin.load();

	const full = (vaultPath: string): string => path.join(root, vaultPath);
	return {
		root,
		app,
		plugin,
		fake,
		async layoutReady() {
			app.workspace.triggerLayoutReady();
			await plugin.ready;
			await plugin.indexing.idle();
		},
		async run(commandId) {
			const ran = fake.runCommand(commandId);
			await plugin.indexing.idle();
			return ran;
		},
		readText: (vaultPath) => (fs.existsSync(full(vaultPath)) ? fs.readFileSync(full(vaultPath), "utf8") : null),
		exists: (vaultPath) => fs.existsSync(full(vaultPath)),
		lastNotice: () => Notice.shown[Notice.shown.length - 1]?.message ?? "",
		async cleanup() {
			if (fake.loaded) plugin.unload();
			await plugin.indexing?.idle();
			clearNotices();
			Modal.open.length = 0;
			setPlatform("desktop");
			vi.unstubAllGlobals();
			await fs.promises.rm(root, { recursive: true, force: true });
		},
	};
}

/** The vault paths of every note under `folder`, sorted. */
export function notesUnder(root: string, folder: string): string[] {
	const base = path.join(root, folder);
	if (!fs.existsSync(base)) return [];
	return (fs.readdirSync(base, { recursive: true, encoding: "utf8" }) as string[])
		.filter((entry) => entry.endsWith(".md"))
		.map((entry) => `${folder}/${entry.split(path.sep).join("/")}`)
		.sort();
}
