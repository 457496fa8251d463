/** Contestant (a): this engine, as a user runs it: the built CLI in a process of its own (so its peak memory is its own). */
import { copyFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { timeProcess, type ProcessRun } from "./external-runs";

/** The CLI bundle built next to this one (dist/cli.cjs). */
export const CLI = join(__dirname, "cli.cjs");

let cliBundle = CLI;

/**
 * Copies the CLI bundle (and its source map, for profiles) into `folder` and runs that copy from now on:
 * dist/ is rebuilt by every test run on this machine, and a benchmark must time one build throughout.
 */
export async function snapshotCli(folder: string): Promise<void> {
	const copy = join(folder, "cli.cjs");
	await copyFile(CLI, copy);
	await copyFile(`${CLI}.map`, `${copy}.map`).catch(() => undefined);
	cliBundle = copy;
}
/** The vault's targets: every run names its own with --target, so a run backs up to that one alone. */
export const ENGINE_TARGET_ID = "bench";
export const CRYPT_TARGET_ID = "bench-crypt";
export const S3_TARGET_ID = "bench-s3";

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

async function cli(args: string[], what: string, env?: NodeJS.ProcessEnv): Promise<ProcessRun> {
	const run = await timeProcess(process.execPath, [cliBundle, ...args], true, env);
	if (run.exitCode !== 0) throw new Error(`${what} exited with ${run.exitCode}: ${(run.stderr || run.stdout).trim().slice(0, 500)}`);
	return run;
}

/**
 * `target add` a WebDAV target at `url`, its password read from a file (chmod 600) in `secretFolder`;
 * with `passphraseFile`, an encrypted one (rclone crypt format) whose passphrase is read from that file.
 */
export async function addEngineTarget(
	vault: string,
	target: { id: string; url: string; passphraseFile?: string },
	login: Credentials,
	parallel: number,
	secretFolder: string,
): Promise<void> {
	const passwordFile = join(secretFolder, "dav-password");
	await writeFile(passwordFile, login.password, { mode: 0o600 });
	const encrypt = target.passphraseFile === undefined ? [] : ["--encrypt", "--passphrase-file", target.passphraseFile];
	await cli([
		"target", "add", vault, "--id", target.id, "--type", "webdav", "--url", target.url,
		"--username", login.username, "--password-file", passwordFile, "--concurrency", String(parallel), ...encrypt,
	], "target add");
}

/** Where the engine's S3 target is, and the environment its keys are read from (named by `accessKeyEnv`, `secretKeyEnv`). */
export interface S3EngineTarget {
	endpoint: string;
	bucket: string;
	prefix: string;
	accessKeyEnv: string;
	secretKeyEnv: string;
	env: NodeJS.ProcessEnv;
}

/** `target add` an S3 target, path-style, its keys read from the environment on every run as a user's would be. */
export async function addS3EngineTarget(vault: string, s3: S3EngineTarget, parallel: number): Promise<void> {
	await cli([
		"target", "add", vault, "--id", S3_TARGET_ID, "--type", "s3", "--endpoint", s3.endpoint, "--bucket", s3.bucket,
		"--prefix", s3.prefix, "--path-style", "--access-key-env", s3.accessKeyEnv, "--secret-key-env", s3.secretKeyEnv,
		"--concurrency", String(parallel),
	], "target add (s3)", s3.env);
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

/** `backup <vault> --target ID --json --no-index`, timed from spawn to exit; `nodeFlags` go before the bundle (--cpu-prof). */
export async function runEngineBackup(vault: string, targetId: string, nodeFlags: string[] = [], env?: NodeJS.ProcessEnv): Promise<EngineRun> {
	const run = await timeProcess(process.execPath, [...nodeFlags, cliBundle, "backup", vault, "--target", targetId, "--json", "--no-index"], true, env);
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

