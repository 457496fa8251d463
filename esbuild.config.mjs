// Builds the Obsidian plugin (main.js, browser platform: a Node built-in import fails the build, which
// is what keeps the plugin mobile-safe) and the CLI (dist/cli.cjs, Node platform).
import esbuild from "esbuild";
import { builtinModules } from "node:module";

const mode = process.argv[2] ?? "dev"; // dev (watch) | production | cli | all
const production = mode !== "dev";

const banner = "/* Photo Archivist: bundled with esbuild. Source: src/. */";

const plugin = {
	banner: { js: banner },
	entryPoints: ["src/plugin/main.ts"],
	bundle: true,
	// What Obsidian provides, and the three Node modules that the folder-target file system needs on desktop.
	// Only src/plugin/backup/desktop-local-fs.ts reaches them, by a dynamic import behind Platform.isDesktopApp;
	// test/plugin/backup-bundle.test.ts loads main.js as a phone would (a require that knows only obsidian).
	// Never builtinModules wholesale: an accidental Node import elsewhere must still fail this build.
	external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", "node:fs", "node:fs/promises", "node:path"],
	format: "cjs",
	platform: "browser",
	// The desktop fast paths (src/adapters/obsidian/desktop-fs.ts, and desktop-http.ts for large uploads) await
	// import("fs"), import("http")…: lowered to require(), which Obsidian desktop resolves; never reached on
	// mobile, where the guard keeps them from running. Unresolved in a try, they need no entry in `external`.
	supported: { "dynamic-import": false },
	target: "es2021",
	logLevel: "info",
	sourcemap: production ? false : "inline",
	treeShaking: true,
	minify: production,
	outfile: "main.js",
};

const cli = {
	banner: { js: "#!/usr/bin/env node\n" + banner },
	entryPoints: { cli: "src/cli/main.ts", demo: "tools/demo.ts", "bench-index": "bench/bench-index.ts", "bench-backup": "bench/bench-backup.ts" },
	bundle: true,
	external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
	format: "cjs",
	platform: "node",
	target: "node20",
	logLevel: "warning",
	sourcemap: "linked",
	outdir: "dist",
	outExtension: { ".js": ".cjs" },
};

// bench:scale runs the plugin itself on the fake Obsidian API (as the tests do), so its bundle, alone, maps
// "obsidian" to the fake; the plugin and CLI builds above never see that alias.
const benchScale = {
	...cli,
	entryPoints: { "bench-scale": "bench/bench-scale.ts" },
	alias: { obsidian: "./test/fakes/obsidian.ts" },
};

if (mode === "dev") {
	const context = await esbuild.context(plugin);
	await context.watch();
} else {
	if (mode === "production" || mode === "all") await esbuild.build(plugin);
	if (mode === "cli" || mode === "all") await esbuild.build(cli);
	if (mode === "cli" || mode === "all") await esbuild.build(benchScale);
}
