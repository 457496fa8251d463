/** Bytes, speeds and durations in the words of a progress line (decimal units, as disk makers and file managers count). */

const UNITS = ["B", "kB", "MB", "GB", "TB"] as const;

/** The unit that suits `bytes`, as a power of 1000. */
function unitOf(bytes: number): number {
	let unit = 0;
	while (bytes >= 1000 ** (unit + 1) && unit < UNITS.length - 1) unit++;
	return unit;
}

/** One decimal below `wholeFrom` in that unit, none above it. */
function inUnit(bytes: number, unit: number, wholeFrom = 100): string {
	const value = bytes / 1000 ** unit;
	return value.toFixed(unit === 0 || value >= wholeFrom ? 0 : 1);
}

export function formatBytes(bytes: number): string {
	const unit = unitOf(bytes);
	return `${inUnit(bytes, unit)} ${UNITS[unit]}`;
}

/** "1.2 of 3.4 GB": both in the unit of the total, so the two numbers compare at a glance. */
export function formatBytesOf(done: number, total: number): string {
	const unit = unitOf(total);
	return `${inUnit(done, unit)} of ${inUnit(total, unit)} ${UNITS[unit]}`;
}

/** "12 MB/s", "1.5 MB/s": a speed wavers, so its tenths only count while it is small. */
export function formatSpeed(bytesPerSecond: number): string {
	const unit = unitOf(bytesPerSecond);
	return `${inUnit(bytesPerSecond, unit, 10)} ${UNITS[unit]}/s`;
}

/** "45 s", "3 min", "2 h 5 min": rounded up, since a promise of "0 s left" while work remains reads as a lie. */
export function formatTimeLeft(seconds: number): string {
	const s = Math.max(1, Math.ceil(seconds));
	if (s < 60) return `${s} s`;
	const minutes = Math.ceil(s / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
