/**
 * Which copies a sampled thorough check reads, like `restic check --read-data-subset`: the copies in
 * remote-path order, a share of them per run, each run starting after the last copy the previous run read
 * (wrapping around), so successive runs read every copy. The position is kept per target in a small file
 * of the data folder; a copy added meanwhile is reached when the rotation passes its place.
 */
import type { DataStore } from "../ports/data-store";

export function rotationFileName(targetId: string): string {
	return `verify-rotation-${targetId}.json`;
}

/** The remote path the last sampled run stopped at; null to start from the beginning. */
export async function loadRotation(data: DataStore, targetId: string): Promise<string | null> {
	const text = await data.read(rotationFileName(targetId));
	if (text === null) return null;
	try {
		const value = JSON.parse(text) as { after?: unknown };
		return typeof value.after === "string" ? value.after : null;
	} catch {
		// A damaged position only costs starting the rotation again.
		return null;
	}
}

export function saveRotation(data: DataStore, targetId: string, after: string): Promise<void> {
	return data.write(rotationFileName(targetId), JSON.stringify({ after }) + "\n");
}

/** How many of `total` copies a run with `percent` reads: at least one, rounded up so the rotation closes. */
export function sampleSize(total: number, percent: number): number {
	if (total === 0) return 0;
	return Math.min(total, Math.max(1, Math.ceil((total * percent) / 100)));
}

/** Picks the sample from `paths` (sorted) after `after`; `next` is where the following run starts. */
export function takeSample(paths: readonly string[], percent: number, after: string | null): { chosen: string[]; next: string | null } {
	const count = sampleSize(paths.length, percent);
	if (count === 0) return { chosen: [], next: after };
	let start = after === null ? 0 : paths.findIndex((p) => p > after);
	if (start < 0) start = 0;
	const chosen: string[] = [];
	for (let i = 0; i < count; i++) chosen.push(paths[(start + i) % paths.length] as string);
	return { chosen, next: chosen[chosen.length - 1] ?? after };
}

/** A share as given by a person or a flag: a number of percent, above 0 and at most 100. */
export function samplePercentProblem(percent: number): string | null {
	if (!Number.isFinite(percent) || percent <= 0 || percent > 100) return `the sample must be a percentage above 0 and at most 100, not ${percent}`;
	return null;
}
