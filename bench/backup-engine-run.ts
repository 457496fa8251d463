/** Contestant (a): this engine, as a user runs it: the built CLI in a process of its own (so its peak memory is its own). */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { timeProcess, type ProcessRun } from "./external-runs";

/** The CLI bundle built next to this one (dist/cli.cjs). */
export const CLI = join(__dirname, "cli.cjs");
export const ENGINE_TARGET_ID = "bench";

export interface EngineRun extends ProcessRun {
	uploaded: number;
	skipped: number;
	failed: { path: string; reason: string }[];
	/** Bytes the engine says it uploaded. */
	bytes: number;
}

interface Credentials {
	username: string;
	password: string;
}

async function cli(args: string[], what: string): Promise<ProcessRun> {
	const run = await timeProcess(process.execPath, [CLI, ...args], true);
	if (run.exitCode !== 0) throw new Error(`${what} exited with ${run.exitCode}: ${(run.stderr || run.stdout).trim().slice(0, 500)}`);
	return run;
}

/** `target add` a WebDAV target at `url`, its password read from a file (chmod 600) in `secretFolder`. */
export async function addEngineTarget(vault: string, url: string, login: Credentials, parallel: number, secretFolder: string): Promise<void> {
	const passwordFile = join(secretFolder, "dav-password");
	await writeFile(passwordFile, login.password, { mode: 0o600 });
	await cli([
		"target", "add", vault, "--id", ENGINE_TARGET_ID, "--type", "webdav", "--url", url,
		"--username", login.username, "--password-file", passwordFile, "--concurrency", String(parallel),
	], "target add");
}

/**
 * Indexes the vault (not timed: the backup is what is measured), then deletes the files the index could not
 * read, which the engine would not back up while rclone and curl would: all three then copy the same set.
 */
export async function indexAndDropUnreadable(vault: string): Promise<{ photos: number; dropped: string[] }> {
	const run = await cli(["index", vault, "--json"], "index");
	const summary = JSON.parse(run.stdout) as { photos: number; failed: { path: string; reason: string }[] };
	const dropped: string[] = [];
	for (const failure of summary.failed) {
		await rm(join(vault, failure.path), { force: true });
		dropped.push(`${failure.path}: ${failure.reason}`);
	}
	return { photos: summary.photos, dropped };
}

/** `backup <vault> --json --no-index`, timed from spawn to exit; `nodeFlags` go before the bundle (--cpu-prof). */
export async function runEngineBackup(vault: string, nodeFlags: string[] = []): Promise<EngineRun> {
	const run = await timeProcess(process.execPath, [...nodeFlags, CLI, "backup", vault, "--json", "--no-index"], true);
	let parsed: { uploaded: number; skipped: number; bytes: number; targets: { failed: EngineRun["failed"]; stopped?: string }[] };
	try {
		parsed = JSON.parse(run.stdout) as typeof parsed;
	} catch {
		throw new Error(`the engine's backup exited with ${run.exitCode} and printed no JSON: ${run.stderr.trim().slice(0, 500)}`);
	}
	const stopped = parsed.targets.map((t) => t.stopped).filter((s) => s !== undefined);
	if (stopped.length > 0) throw new Error(`the engine's backup stopped: ${stopped.join("; ")}`);
	return {
		...run,
		uploaded: parsed.uploaded,
		skipped: parsed.skipped,
		failed: parsed.targets.flatMap((t) => t.failed),
		bytes: parsed.bytes,
	};
}

