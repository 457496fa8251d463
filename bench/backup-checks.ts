/** What the backup benchmark checks of each run (the counts a contestant reports), and how repeated no-op runs are summed up. */
import type { EngineRun } from "./backup-engine-run";
import type { RcloneRun } from "./backup-rclone-run";
import type { ProcessRun } from "./external-runs";

export function step(text: string): void {
	process.stderr.write(`${text}\n`);
}

/** The run of median wall time, with the highest peak memory of them all: a no-op run lasts under a second, where a moment of other work shows. */
export function medianRun<T extends ProcessRun>(runs: readonly T[]): T {
	const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
	const median = sorted[Math.floor(sorted.length / 2)] as T;
	const peaks = runs.map((r) => r.maxRssKb).filter((kb): kb is number => kb !== null);
	return { ...median, maxRssKb: peaks.length > 0 ? Math.max(...peaks) : null };
}

export function checkEngine(label: string, run: EngineRun, uploaded: number): void {
	for (const failure of run.failed.slice(0, 5)) step(`  ${label}: failed ${failure.path}: ${failure.reason}`);
	if (run.uploaded !== uploaded) step(`  warning: ${label} uploaded ${run.uploaded} files (${run.skipped} skipped); expected ${uploaded}`);
}

export function checkRclone(label: string, run: RcloneRun, transferred: number): void {
	if ((run.transferred ?? 0) !== transferred) step(`  warning: ${label} transferred ${run.transferred ?? "?"} files; expected ${transferred}`);
}

/** `node --cpu-prof` flags writing `<dir>/<name>.cpuprofile`, or none without --profile. */
export function profileFlags(dir: string | null, name: string): string[] {
	return dir === null ? [] : ["--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-name", `${name}.cpuprofile`];
}
