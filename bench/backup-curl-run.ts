/**
 * Contestant (c), the server's practical ceiling: plain `curl -T` PUTs, P curl processes at once through
 * `xargs -P`, no temporary names, no checks. Each curl gets a batch of files in a config file (`upload-file`
 * is `-T`), so it reuses its connection and the figure is the server's, not the cost of starting processes.
 */
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { timeProcess, type ProcessRun } from "./external-runs";
import type { SetFile } from "./backup-set";

/** Files per curl process: enough to reuse a connection, few enough that P processes share the work evenly. */
const BATCH = 25;

export interface CurlRun extends ProcessRun {
	/** Of wallMs: the MKCOLs that made the folders first. */
	mkcolMs: number;
}

export function curlVersion(): string | null {
	const run = spawnSync("curl", ["--version"], { encoding: "utf8" });
	return run.status === 0 ? (run.stdout.split("\n")[0] ?? "").split(" ").slice(0, 2).join(" ") : null;
}

/** A double-quoted curl config value (backslash and quote escaped). */
export function curlQuoted(text: string): string {
	return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function remoteUrl(folderUrl: string, relative: string): string {
	return folderUrl + relative.split("/").map(encodeURIComponent).join("/");
}

/** The folders of `files` (and their parents), parents first. */
function foldersOf(files: readonly SetFile[]): string[] {
	const folders = new Set<string>();
	for (const file of files) {
		const parts = file.relative.split("/").slice(0, -1);
		for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join("/"));
	}
	return [...folders].sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b));
}

async function mkcol(url: string, authorization: string): Promise<void> {
	const send = (): Promise<Response> => fetch(url, { method: "MKCOL", headers: { authorization } });
	// fetch may reuse a connection the server has just closed as idle ("other side closed"): once more on a new one.
	const res = await send().catch(send);
	await res.arrayBuffer();
	if (res.status !== 201 && res.status !== 405) throw new Error(`MKCOL ${url} answered ${res.status}`);
}

/**
 * Config files for curl -K, largest file first so no one process is left with it at the end; each starts
 * with `settings` (authentication, headers) and then names its files and their URLs. Returns the list of them.
 */
export async function writeCurlBatches(
	files: readonly SetFile[],
	urlOf: (file: SetFile) => string,
	settings: readonly string[],
	folder: string,
	name: string,
): Promise<string> {
	const ordered = [...files].sort((a, b) => b.bytes - a.bytes);
	const big = ordered.filter((f) => f.bytes >= 100_000_000).map((f) => [f]);
	const small = ordered.filter((f) => f.bytes < 100_000_000);
	const batches = [...big];
	for (let i = 0; i < small.length; i += BATCH) batches.push(small.slice(i, i + BATCH));
	const configs: string[] = [];
	for (const [i, batch] of batches.entries()) {
		const lines = ["silent", "show-error", "fail", ...settings];
		for (const file of batch) lines.push(`upload-file = ${curlQuoted(file.absolute)}`, `url = ${curlQuoted(urlOf(file))}`);
		const config = join(folder, `${name}-${String(i).padStart(5, "0")}.cfg`);
		await writeFile(config, lines.join("\n") + "\n", { mode: 0o600 });
		configs.push(config);
	}
	const list = join(folder, `${name}-configs.txt`);
	await writeFile(list, configs.join("\n") + "\n");
	return list;
}

/** `xargs -P parallel curl -K batch` over the configs in `list`, timed. */
export async function runCurlBatches(list: string, parallel: number): Promise<ProcessRun> {
	const run = await timeProcess("xargs", ["-a", list, "-P", String(parallel), "-n", "1", "curl", "-K"], false);
	if (run.exitCode !== 0) throw new Error(`xargs curl exited with ${run.exitCode}: ${run.stderr.trim().slice(-800)}`);
	return run;
}

/**
 * PUTs every file to `<folderUrl><relative>`: the folders first with MKCOL, one at a time (timed: every
 * contestant has to make them), then `xargs -P parallel curl -K batch`. The configs are written before timing.
 */
export async function runCurl(
	files: readonly SetFile[],
	folderUrl: string,
	login: { username: string; password: string; authorization: string },
	parallel: number,
	scratch: string,
): Promise<CurlRun> {
	const user = `user = ${curlQuoted(`${login.username}:${login.password}`)}`;
	const list = await writeCurlBatches(files, (f) => remoteUrl(folderUrl, f.relative), [user], scratch, "curl-dav");
	const start = performance.now();
	for (const folder of foldersOf(files)) await mkcol(remoteUrl(folderUrl, folder) + "/", login.authorization);
	const mkcolMs = performance.now() - start;
	const run = await runCurlBatches(list, parallel);
	return { ...run, wallMs: run.wallMs + mkcolMs, mkcolMs };
}
