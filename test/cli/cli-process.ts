// The built CLI (test/support/global-setup.ts builds dist/cli.cjs), run as a child process as a user would run it.
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const CLI_PATH = join(__dirname, "../../dist/cli.cjs");

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs the CLI with `env` added to this process's environment (minus any PHOTO_ARCHIVIST_PASSWORD_*). */
export function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
	const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PHOTO_ARCHIVIST_PASSWORD")));
	return new Promise((resolve) => {
		execFile(process.execPath, [CLI_PATH, ...args], { env: { ...base, ...env } }, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
			resolve({ code, stdout, stderr });
		});
	});
}

export async function put(root: string, path: string, bytes: Uint8Array | string): Promise<void> {
	await mkdir(join(root, path, ".."), { recursive: true });
	await writeFile(join(root, path), bytes);
}

export const DATA_JSON = ".obsidian/plugins/photo-archivist/data.json";

export async function readData(vault: string): Promise<Record<string, unknown> & { backup?: { targets?: Record<string, unknown>[] } }> {
	return JSON.parse(await readFile(join(vault, DATA_JSON), "utf8")) as Record<string, unknown>;
}
