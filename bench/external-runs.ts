/** Timed runs of outside programs: ExifTool over the photos, and the built CLI as a user would start it. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";

export const EXIFTOOL_MISSING = "exiftool not installed (apt-get install libimage-exiftool-perl)";

const GNU_TIME = "/usr/bin/time";

export interface ProcessRun {
	exitCode: number | null;
	wallMs: number;
	stdout: string;
	stderr: string;
	/** Peak resident set of the program, from GNU time -v; null where GNU time is not installed. */
	maxRssKb: number | null;
	/** User + system CPU time of the program, from GNU time -v; null where GNU time is not installed. */
	cpuMs: number | null;
}

/** The installed ExifTool's version, or null when there is none on the PATH. */
export function exiftoolVersion(): string | null {
	const probe = spawnSync("exiftool", ["-ver"], { encoding: "utf8" });
	return probe.status === 0 ? probe.stdout.trim() : null;
}

/**
 * Runs `command` to completion, wrapped in GNU `time -v` when present so its peak memory is known.
 * A non-zero exit is returned, not thrown: ExifTool exits 1 when any one file has an error.
 * stdout is kept only when `keepStdout`; ExifTool's JSON for 10,000 files would be tens of MB we never read.
 * `env` replaces the environment (keys are passed that way, never on a command line others can read).
 */
export function timeProcess(command: string, args: string[], keepStdout: boolean, env?: NodeJS.ProcessEnv): Promise<ProcessRun> {
	const timed = existsSync(GNU_TIME);
	const [file, argv] = timed ? [GNU_TIME, ["-v", command, ...args]] : [command, args];
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(file, argv, { stdio: ["ignore", keepStdout ? "pipe" : "ignore", "pipe"], env: env ?? process.env });
		let stdout = "";
		let stderr = "";
		child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
		child.on("error", reject);
		child.on("close", (code) => {
			const wallMs = performance.now() - start;
			const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
			const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
			const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
			const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : null;
			resolve({ exitCode: code, wallMs, stdout, stderr, maxRssKb: rss ? Number(rss[1]) : null, cpuMs });
		});
	});
}

export interface ExiftoolRun extends ProcessRun {
	/** What ExifTool says it read ("10000 image files read"). */
	filesRead: number;
}

/** `exiftool -fast -json -n -r <folder>`, output thrown away: the cost of reading the metadata alone. */
export async function timeExiftool(folder: string): Promise<ExiftoolRun> {
	const run = await timeProcess("exiftool", ["-fast", "-json", "-n", "-r", folder], false);
	const read = /(\d+) image files read/.exec(run.stderr);
	if (!read) throw new Error(`exiftool read nothing (exit ${run.exitCode}): ${run.stderr.trim().slice(0, 300)}`);
	return { ...run, filesRead: Number(read[1]) };
}

/** Flushes the files just written, so the disk's write-back does not run during the timed parts. */
export function flushWrites(): void {
	spawnSync("sync", { stdio: "ignore" });
}
