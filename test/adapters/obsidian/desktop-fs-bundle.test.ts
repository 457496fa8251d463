// desktop-fs.ts as the plugin bundle carries it: it builds for the browser platform, and only the desktop app ever requires Node.
import * as fs from "node:fs";
import * as crypto from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions } from "esbuild";
import { describe, expect, it } from "vitest";
import type { DesktopFs } from "../../../src/adapters/obsidian/desktop-fs";
import { tempDir } from "../../support/temp-dir";

const entry = fileURLToPath(new URL("../../../src/adapters/obsidian/desktop-fs.ts", import.meta.url));

// The plugin build of esbuild.config.mjs (which cannot be imported: it builds when loaded).
const pluginOptions: BuildOptions = {
	entryPoints: [entry],
	bundle: true,
	external: ["obsidian", "electron", "@codemirror/*", "@lezer/*"],
	format: "cjs",
	platform: "browser",
	target: "es2021",
	write: false,
	logLevel: "silent",
};

class FileSystemAdapter {
	getFullPath(path: string): string {
		return path;
	}
}

/** Evaluates the bundle as Obsidian does, with a require that knows `obsidian` and records anything else asked for. */
function load(code: string, platform: { isDesktop: boolean; isDesktopApp: boolean }) {
	const required: string[] = [];
	const nodeModules: Record<string, unknown> = { fs, crypto };
	const fakeRequire = (name: string): unknown => {
		if (name === "obsidian") return { Platform: platform, FileSystemAdapter };
		required.push(name);
		if (name in nodeModules) return nodeModules[name];
		throw new Error(`Cannot find module '${name}'`);
	};
	const module = { exports: {} as { loadDesktopFs?: (adapter: unknown) => Promise<unknown> } };
	new Function("require", "module", "exports", code)(fakeRequire, module, module.exports);
	const loadDesktopFs = module.exports.loadDesktopFs;
	if (!loadDesktopFs) throw new Error("bundle exports no loadDesktopFs");
	return { loadDesktopFs, required };
}

describe("desktop-fs in the plugin bundle", () => {
	it("builds with the plugin's browser-platform options, Node built-ins not marked external", async () => {
		const result = await build(pluginOptions);
		expect(result.errors).toEqual([]);
		expect(result.outputFiles?.[0]?.text).toContain("Platform.isDesktop");
	});

	it("with dynamic imports lowered to require(), asks for Node modules only in the desktop app", async () => {
		const result = await build({ ...pluginOptions, supported: { "dynamic-import": false } });
		const code = result.outputFiles?.[0]?.text ?? "";

		const mobile = load(code, { isDesktop: false, isDesktopApp: false });
		expect(await mobile.loadDesktopFs(new FileSystemAdapter())).toBeNull();
		expect(mobile.required).toEqual([]);

		const desktop = load(code, { isDesktop: true, isDesktopApp: true });
		expect(desktop.required).toEqual([]);
		const desktopFs = (await desktop.loadDesktopFs(new FileSystemAdapter())) as DesktopFs | null;
		expect(desktop.required.sort()).toEqual(["crypto", "fs"]);
		const file = join(await tempDir(), "p.bin");
		fs.writeFileSync(file, new Uint8Array([1, 2, 3, 4, 5]));
		expect(await desktopFs?.readRange(file, { start: 1, end: 3 })).toEqual(new Uint8Array([2, 3]));
	});

	it("falls back (null) instead of failing when Node is not there after all", async () => {
		const result = await build({ ...pluginOptions, supported: { "dynamic-import": false } });
		const code = result.outputFiles?.[0]?.text ?? "";
		const { loadDesktopFs } = load(code.replace(/require\("(fs|crypto)"\)/g, 'require("missing-$1")'), { isDesktop: true, isDesktopApp: true });
		expect(await loadDesktopFs(new FileSystemAdapter())).toBeNull();
	});
});
