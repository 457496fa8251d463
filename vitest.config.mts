import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// The Obsidian API has no runtime on npm: tests run the plugin shell against a small fake backed by a real folder.
const alias = { obsidian: fileURLToPath(new URL("./test/fakes/obsidian.ts", import.meta.url)) };

// Date-sensitive suites (*.tz.test.ts) run once per time zone; a taken time must never move with the machine's zone.
const zones = ["Asia/Tokyo", "America/Los_Angeles", "Asia/Kathmandu"];

export default defineConfig({
	resolve: { alias },
	test: {
		globalSetup: ["test/support/global-setup.ts"],
		projects: [
			{
				resolve: { alias },
				test: {
					name: "unit",
					include: ["test/**/*.test.ts"],
					env: { TZ: "UTC" },
					setupFiles: ["test/support/tz-setup.ts"],
					testTimeout: 60_000,
					hookTimeout: 120_000,
				},
			},
			...zones.map((zone) => ({
				resolve: { alias },
				test: {
					name: `tz:${zone}`,
					include: ["test/**/*.tz.test.ts"],
					env: { TZ: zone },
					setupFiles: ["test/support/tz-setup.ts"],
				},
			})),
		],
	},
});
