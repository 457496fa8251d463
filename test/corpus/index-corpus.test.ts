// The whole corpus indexed into a temporary vault, once through the CLI's engine (Node adapters) and
// once through the plugin shell on the fake Obsidian API: both must agree on every note's properties.
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { engineVault } from "../support/engine-vault";
import { tempDir } from "../support/temp-dir";
import { requireCorpus } from "../support/corpus";
import { frontMatterOf } from "../support/note-text";
import { openHarness, notesUnder, type Harness } from "../plugin/plugin-harness";

const corpus = requireCorpus();

/** Files without a recorded date fall back to their modification time: give both vaults the same one. */
const MTIME = new Date("2021-04-05T06:07:08Z");

function writeVault(root: string, files: Record<string, Uint8Array>): void {
	for (const [path, bytes] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), bytes);
		utimesSync(join(root, path), MTIME, MTIME);
	}
}

function corpusFiles(dir: string): Record<string, Uint8Array> {
	const files: Record<string, Uint8Array> = {};
	for (const name of readdirSync(dir)) {
		if (name.endsWith(".md")) continue;
		files[`Photos/corpus/${name}`] = readFileSync(join(dir, name));
	}
	return files;
}

describe.skipIf(corpus === null)("the corpus indexed end to end", () => {
	let harness: Harness | undefined;
	afterEach(async () => harness?.cleanup());

	it("gives every readable file a note, the same through the CLI engine and the plugin", async () => {
		const files = corpusFiles(corpus as string);
		const vault = await engineVault();
		writeVault(vault.root, files);
		const cli = await vault.engine().indexAll();
		expect(cli.failed).toEqual([]);
		expect(cli.photos).toBe(Object.keys(files).length);
		expect((await vault.engine().indexAll()).unchanged).toBe(cli.photos);

		const pluginVault = await tempDir("pa-plugin-corpus-");
		writeVault(pluginVault, files);
		harness = await openHarness({ root: pluginVault });
		await harness.layoutReady();
		await harness.run("index-photos");
		const notes = notesUnder(harness.root, "Photo Notes");
		expect(notes).toHaveLength(cli.photos);
		for (const note of notes) {
			const fromPlugin = frontMatterOf(harness.readText(note) ?? "");
			const fromCli = frontMatterOf(await vault.read(note));
			expect(fromPlugin, note).toEqual(fromCli);
		}
	});
});
