/** One self-overwriting progress line on stderr, only when stderr is a terminal (logs stay clean). */
import type { BackupProgress } from "../core/backup/backup-types";
import type { IndexProgress } from "../core/engine-types";
import { formatBytes, formatDuration } from "./format-units";

export interface ProgressLine {
	/** Shows `text`, at most ten times a second unless `force` (the last update of a phase). */
	show(text: string, force?: boolean): void;
	/** Clears the line, so what follows starts on a clean one. */
	done(): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr): ProgressLine {
	if (!stream.isTTY) return { show: () => {}, done: () => {} };
	let last = 0;
	return {
		show: (text, force = false) => {
			const now = Date.now();
			if (now - last < 100 && !force) return;
			last = now;
			stream.write(`\r\x1b[K${text}`.slice(0, stream.columns || 120));
		},
		done: () => stream.write("\r\x1b[K"),
	};
}

export function indexProgressText(p: IndexProgress): string {
	const count = p.total > 0 ? ` ${p.done}/${p.total}` : "";
	return `${p.phase}${count}${p.path ? `  ${p.path}` : ""}`;
}

/** "backing up 12/40 files, 120 MB/800 MB, 5.2 MB/s, 2m 10s left  NAS: Photos/a.jpg" */
export function backupProgressText(p: BackupProgress): string {
	const parts = [`${p.paused ? "paused" : "backing up"} ${p.filesDone}/${p.filesTotal} files`, `${formatBytes(p.bytesDone)}/${formatBytes(p.bytesTotal)}`];
	if (p.bytesPerSecond > 0) parts.push(`${formatBytes(p.bytesPerSecond)}/s`);
	if (p.secondsLeft !== null) parts.push(`${formatDuration(p.secondsLeft)} left`);
	const at = p.path ? `  ${p.targetName ? `${p.targetName}: ` : ""}${p.path}` : "";
	return parts.join(", ") + at;
}
