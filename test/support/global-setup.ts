// Builds the CLI bundle once before the tests that run it as a child process (test/cli/).
import { execFileSync } from "node:child_process";

export default function setup(): void {
	execFileSync(process.execPath, ["esbuild.config.mjs", "cli"], { stdio: "inherit" });
}
