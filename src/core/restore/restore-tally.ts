/** Adds up the outcomes of a restore run into its summary, with progress as files finish. */
import type { RestoreOutcome } from "./restore-file";
import type { RestoreRunOptions, RestoreSummary } from "./restore-types";

export function emptyRestoreSummary(): RestoreSummary {
	return { restored: [], identical: [], conflicts: [], failed: [], olderVersions: 0, bytes: 0, cancelled: false };
}

export class RestoreTally {
	readonly summary = emptyRestoreSummary();
	private done = 0;
	private bytesDone = 0;

	constructor(private readonly total: number, private readonly options: RestoreRunOptions) {
		options.onProgress?.({ done: 0, total, bytesDone: 0 });
	}

	bytes = (n: number): void => {
		this.bytesDone += n;
	};

	add(path: string, outcome: RestoreOutcome): void {
		const s = this.summary;
		if (outcome.kind === "restored") {
			s.restored.push(outcome.file);
			s.bytes += outcome.file.size;
		} else if (outcome.kind === "identical") s.identical.push(path);
		else if (outcome.kind === "conflict") s.conflicts.push({ path, reason: outcome.reason });
		else s.failed.push({ path, reason: outcome.reason });
		this.done++;
		this.options.onProgress?.({ done: this.done, total: this.total, bytesDone: this.bytesDone, path });
	}

	finish(): RestoreSummary {
		this.summary.cancelled = this.options.signal?.aborted ?? false;
		return this.summary;
	}
}
