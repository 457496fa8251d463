/** The one-line progress of a backup run: "Backup 120/500 · 1.2 of 3.4 GB · 12 MB/s · 3 min left". */
import type { BackupProgress } from "../../core/backup/backup-types";
import { formatBytesOf, formatSpeed, formatTimeLeft } from "./backup-units";

export function backupProgressText(progress: BackupProgress, paused = progress.paused): string {
	const parts = [`${paused ? "Backup paused" : "Backup"} ${progress.filesDone.toLocaleString()}/${progress.filesTotal.toLocaleString()}`];
	if (progress.bytesTotal > 0) parts.push(formatBytesOf(progress.bytesDone, progress.bytesTotal));
	// While paused, nothing moves: a speed and an estimate would describe the past.
	if (!paused && progress.bytesPerSecond > 0) parts.push(formatSpeed(progress.bytesPerSecond));
	if (!paused && progress.secondsLeft !== null) parts.push(`${formatTimeLeft(progress.secondsLeft)} left`);
	return parts.join(" · ");
}

/** What the display shows before the first progress report: planning reads manifests, not the server. */
export const BACKUP_STARTING_TEXT = "Backup: planning…";
