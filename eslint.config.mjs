// Lint as the Obsidian review bot does (eslint-plugin-obsidianmd's recommended, type-aware), plus the layer
// rules of the architecture: core imports no host, the plugin reaches no Node code. Exceptions go here, by
// folder, never in inline disables (the recommended config forbids disabling obsidianmd rules inline).
import { builtinModules } from "node:module";
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import { restrictedImportsOptions } from "eslint-plugin-obsidianmd/dist/lib/ruleOptions.js";
import { DEFAULT_ACRONYMS } from "eslint-plugin-obsidianmd/dist/lib/rules/ui/acronyms.js";
import globals from "globals";

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith("_"));

const banNode = [
	...nodeBuiltins.map((name) => ({ name, message: "Node built-ins do not exist on Obsidian mobile; go through a port." })),
];
const banNodePrefix = { regex: "^node:", message: "Node built-ins do not exist on Obsidian mobile; go through a port." };
const banObsidian = { name: "obsidian", message: "Only src/plugin and src/adapters/obsidian may import the Obsidian API." };

/**
 * A folder-level rule replaces the options of the recommended one instead of merging them, so every
 * override starts again from obsidianmd's own list.
 */
function restrictImports(paths, patterns) {
	return ["error", { paths: [...restrictedImportsOptions, ...paths], patterns }];
}

export default defineConfig([
	globalIgnores(["main.js", "dist/**", "node_modules/**"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ["eslint.config.mjs"] },
				tsconfigRootDir: import.meta.dirname,
			},
		},
		settings: {
			"import/resolver": { node: { extensions: [".ts", ".mjs", ".js"] } },
			"import/parsers": { "@typescript-eslint/parser": [".ts"] },
		},
		rules: {
			"import/no-cycle": "error",
			// The recommended options, plus the acronyms our UI names: "Export album as ZIP". Given acronyms replace the defaults, so both are listed.
			"obsidianmd/ui/sentence-case": ["warn", { enforceCamelCaseLower: true, acronyms: [...DEFAULT_ACRONYMS, "ZIP"] }],
		},
	},
	{
		// The core runs in the plugin (desktop and mobile) and in the CLI: it sees neither host.
		files: ["src/core/**/*.ts"],
		rules: {
			"@typescript-eslint/no-restricted-imports": restrictImports(
				[banObsidian, ...banNode],
				[
					banNodePrefix,
					{
						regex: "^(\\.\\./)+(plugin|cli|adapters)(/|$)",
						message: "The core never imports a shell or an adapter: they import it.",
					},
				],
			),
			// The core's timers also run in Node (the CLI), where there is no window; it opens no popout windows.
			"obsidianmd/prefer-window-timers": "off",
		},
	},
	{
		// Bundled into main.js, which loads on phones: no Node, not even through the Node adapters.
		files: ["src/plugin/**/*.ts", "src/adapters/obsidian/**/*.ts"],
		// The one exception: the folder-target loader reaches the Node file system by a dynamic import behind
		// Platform.isDesktopApp (see desktop-local-fs.ts and the externals in esbuild.config.mjs).
		ignores: ["src/plugin/backup/desktop-local-fs.ts"],
		rules: {
			"@typescript-eslint/no-restricted-imports": restrictImports(
				[],
				[{ regex: "(^|/)(cli|adapters/node)(/|$)", message: "The plugin never reaches the Node shell or the Node adapters." }],
			),
		},
	},
	{
		// The Node shell and its adapters: Node is the point; Obsidian is not there.
		files: ["src/cli/**/*.ts", "src/adapters/node/**/*.ts"],
		languageOptions: { globals: { ...globals.node, NodeJS: "readonly" } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"@typescript-eslint/no-restricted-imports": restrictImports(
				[banObsidian],
				[{ regex: "(^|/)(plugin|adapters/obsidian)(/|$)", message: "The CLI never reaches the Obsidian shell or adapters." }],
			),
		},
	},
	{
		// Outside Obsidian there is no Vault#configDir to ask: the CLI starts from the default folder name.
		files: ["src/cli/**/*.ts"],
		rules: { "obsidianmd/hardcoded-config-path": "off" },
	},
]);
