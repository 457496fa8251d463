/** The cells of the backup benchmark's table: one row a measurement, its figures formatted the same way in every part. */

export type ReportRow = [what: string, time: string, speed: string, ratio: string, goal: string, met: string];

export const seconds = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
export const speed = (bytes: number, ms: number): string => `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
export const times = (x: number): string => `${x.toFixed(2)}×`;
export const megabytes = (kb: number): string => `${Math.round((kb * 1024) / 1e6)} MB`;
export const met = (ok: boolean): string => (ok ? "yes" : "**no**");

/** The highest peak memory among `runs` (kB), or null where GNU time did not measure it. */
export function peakKb(...runs: { maxRssKb: number | null }[]): number | null {
	const peaks = runs.map((r) => r.maxRssKb).filter((kb): kb is number => kb !== null);
	return peaks.length > 0 ? Math.max(...peaks) : null;
}

/** Every engine run's memory goal (issue 4): bounded whatever the file sizes. */
const PEAK_GOAL_BYTES = 300e6;

export function peakRow(what: string, kb: number | null): ReportRow {
	const measured = kb === null ? "not measured (no /usr/bin/time)" : megabytes(kb);
	return [what, measured, "", "", "< 300 MB", kb === null ? "?" : met(kb * 1024 < PEAK_GOAL_BYTES)];
}
