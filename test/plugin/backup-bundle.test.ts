// The Node parts of backup as the plugin bundle carries them (the folder targets' file system, the streaming
// HTTP of large uploads): Node is required only when the desktop app reaches them, and never on a phone.
import * as fs from "node:fs";
import * as fsPromises from "node:fs/promises";
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import * as nodePath from "node:path";
import * as tls from "node:tls";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions } from "esbuild";
import { describe, expect, it, onTestFinished } from "vitest";
import type { StreamingTransport } from "../../src/adapters/obsidian/streamed-body";
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
	const builtins: Record<string, unknown> = { "node:fs": fs, "node:fs/promises": fsPromises, "node:path": nodePath, http, https, tls };
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

	it("loads Node's HTTP for large uploads only in the desktop app, not marked external, and it sends", async () => {
		const code = await bundle("adapters/obsidian/desktop-http.ts");
		const platform = (desktop: boolean) => ({ Platform: { isDesktop: desktop, isDesktopApp: desktop } });

		const mobile = evaluate(code, platform(false));
		expect(await (mobile.exports.loadDesktopHttp as () => Promise<unknown>)()).toBeNull();
		expect(mobile.required).toEqual([]);

		const desktop = evaluate(code, platform(true));
		expect(desktop.required).toEqual([]);
		const send = (await (desktop.exports.loadDesktopHttp as () => Promise<StreamingTransport | null>)()) as StreamingTransport;
		expect(desktop.required.sort()).toEqual(["http", "https", "tls"]);
		let received = 0;
		const server = http.createServer((req, res) => {
			req.on("data", (chunk: Buffer) => (received += chunk.length)).on("end", () => res.writeHead(201).end());
		});
		await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
		onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
		const body = { size: 3, async *open() { yield new Uint8Array([1, 2, 3]); } };
		const answer = await send({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/a`, method: "PUT", headers: {}, body });
		expect([answer.status, received]).toEqual([201, 3]);
	});

	it("leaves main.js loadable where there is no Node at all (mobile)", async () => {
		const code = await bundle("plugin/main.ts");
		const { exports, required } = evaluate(code, fakeObsidian);
		expect(required).toEqual([]);
		expect(typeof exports.default).toBe("function");
	});
});
