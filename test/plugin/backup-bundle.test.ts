// The folder targets' file system as the plugin bundle carries it: Node is required only when the desktop app opens one.
import * as fs from "node:fs";
import * as fsPromises from "node:fs/promises";
import * as nodePath from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions } from "esbuild";
import { describe, expect, it } from "vitest";
import type { LocalFs } from "../../src/core/ports/local-fs";
import * as fakeObsidian from "../fakes/obsidian";
import { tempDir } from "../support/temp-dir";

const source = (file: string): string => fileURLToPath(new URL(`../../src/${file}`, import.meta.url));

/**
 * The plugin build of esbuild.config.mjs (which builds when loaded, so it cannot be imported here), with
 * the Node built-ins of the Node file system adapter external: it is bundled for the desktop app's lazy
 * import, and those three modules must stay out of the bundle for it to build for the browser platform.
 */
const DESKTOP_BUILTINS = ["node:fs", "node:fs/promises", "node:path"];
const pluginOptions: BuildOptions = {
	bundle: true,
	external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", ...DESKTOP_BUILTINS],
	format: "cjs",
	platform: "browser",
	supported: { "dynamic-import": false },
	target: "es2021",
	write: false,
	logLevel: "silent",
};

/**
 * Evaluates a bundle as Obsidian does: `require` knows `obsidian`, and records every other module asked
 * for. `process` is hidden, as on a phone: libraries that look for Node (exifr) must find none.
 */
function evaluate(code: string, obsidian: unknown): { exports: Record<string, unknown>; required: string[] } {
	const required: string[] = [];
	const builtins: Record<string, unknown> = { "node:fs": fs, "node:fs/promises": fsPromises, "node:path": nodePath };
	const fakeRequire = (name: string): unknown => {
		if (name === "obsidian") return obsidian;
		required.push(name);
		if (name in builtins) return builtins[name];
		throw new Error(`Cannot find module '${name}'`);
	};
	const module = { exports: {} as Record<string, unknown> };
	new Function("require", "module", "exports", "process", code)(fakeRequire, module, module.exports, undefined);
	return { exports: module.exports, required };
}

async function bundle(entry: string): Promise<string> {
	const result = await build({ ...pluginOptions, entryPoints: [source(entry)] });
	expect(result.errors).toEqual([]);
	return result.outputFiles?.[0]?.text ?? "";
}

describe("the desktop file system of folder targets, bundled", () => {
	it("is required only when the desktop app loads it, and then works", async () => {
		const code = await bundle("plugin/backup/desktop-local-fs.ts");
		const platform = (isDesktopApp: boolean) => ({ Platform: { isDesktopApp } });

		const mobile = evaluate(code, platform(false));
		expect(await (mobile.exports.loadDesktopLocalFs as () => Promise<unknown>)()).toBeNull();
		expect(mobile.required).toEqual([]);

		const desktop = evaluate(code, platform(true));
		expect(desktop.required).toEqual([]);
		const localFs = (await (desktop.exports.loadDesktopLocalFs as () => Promise<LocalFs | null>)()) as LocalFs;
		expect(desktop.required.sort()).toEqual([...DESKTOP_BUILTINS].sort());
		const dir = await tempDir("pa-bundle-");
		const writer = await localFs.openWriter(localFs.resolve(dir, "a.bin"));
		await writer.write(new Uint8Array([1, 2, 3]));
		await writer.close();
		expect(await localFs.read(localFs.resolve(dir, "a.bin"), 0, 3)).toEqual(new Uint8Array([1, 2, 3]));
	});

	it("leaves main.js loadable where there is no Node at all (mobile)", async () => {
		const code = await bundle("plugin/main.ts");
		const { exports, required } = evaluate(code, fakeObsidian);
		expect(required).toEqual([]);
		expect(typeof exports.default).toBe("function");
	});
});
