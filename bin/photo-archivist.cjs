#!/usr/bin/env node
// The CLI is bundled to dist/cli.cjs by `npm run build:cli` (run on `npm install` by the prepare script).
try {
	require.resolve("../dist/cli.cjs");
} catch {
	console.error("photo-archivist: the CLI is not built yet. Run `npm run build:cli` in the project folder.");
	process.exit(2);
}
require("../dist/cli.cjs");
