/** Contestant (b): `rclone copy --transfers P` to an on-the-fly WebDAV remote, the way people back a folder up to a NAS. */
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { timeProcess, type ProcessRun } from "./external-runs";

export interface RcloneRun extends ProcessRun {
	/** Files rclone says it transferred (its closing "Transferred: x / y" line), null when it printed none. */
	transferred: number | null;
}

export interface RcloneSetup {
	/** An empty config file: the user's own rclone.conf must not change what is measured. */
	configFile: string;
	obscuredPassword: string;
	username: string;
}

/** rclone's version line ("rclone v1.60.1"), or null when it is not installed. */
export function rcloneVersion(): string | null {
	const run = spawnSync("rclone", ["version"], { encoding: "utf8" });
	return run.status === 0 ? (run.stdout.split("\n")[0] ?? "").trim() : null;
}

/** `--webdav-pass` takes the password obscured; read from stdin so it never shows in the process list. */
export async function rcloneSetup(folder: string, username: string, password: string): Promise<RcloneSetup> {
	const obscure = spawnSync("rclone", ["obscure", "-"], { input: password, encoding: "utf8" });
	if (obscure.status !== 0) throw new Error(`rclone obscure failed: ${obscure.stderr.trim()}`);
	const configFile = join(folder, "rclone.conf");
	await writeFile(configFile, "");
	return { configFile, obscuredPassword: obscure.stdout.trim(), username };
}

/** Copies `photosFolder` to `<folderUrl>Photos`, the same remote layout as the engine's mirror layout. */
export async function runRclone(photosFolder: string, folderUrl: string, setup: RcloneSetup, parallel: number): Promise<RcloneRun> {
	const run = await timeProcess("rclone", [
		"copy", photosFolder, ":webdav:Photos",
		"--transfers", String(parallel),
		"--config", setup.configFile,
		"--webdav-url", folderUrl,
		"--webdav-vendor", "other",
		"--webdav-user", setup.username,
		"--webdav-pass", setup.obscuredPassword,
		// -v prints the closing statistics, where the count of files transferred is read.
		"-v",
	], false);
	if (run.exitCode !== 0) throw new Error(`rclone copy exited with ${run.exitCode}: ${run.stderr.trim().slice(-800)}`);
	const counts = [...run.stderr.matchAll(/Transferred:\s+(\d+) \/ (\d+), /g)].pop();
	return { ...run, transferred: counts ? Number(counts[1]) : null };
}
