/** Automatic backups while Obsidian is open: the new photos of each index run, and everything every N minutes. */
import type { BackupSettings } from "../../core/backup/backup-types";
import type { IndexSummary } from "../../core/engine-types";
import type { BackupRunner } from "./backup-runner";

export interface BackupAutomationDeps {
	runner: Pick<BackupRunner, "backUpQuietly">;
	/** Read at each event, so a changed setting takes effect at once. */
	settings: () => BackupSettings;
	/** Starts a repeating timer that is also cleared when the plugin unloads (window.setInterval + registerInterval). */
	startInterval: (callback: () => void, ms: number) => number;
	clearInterval: (id: number) => void;
}

const MINUTE_MS = 60_000;

export class BackupAutomation {
	private timer: number | null = null;
	/** The period of `timer`; 0 exactly when there is no timer. */
	private minutes = 0;

	constructor(private readonly deps: BackupAutomationDeps) {}

	/** Call once the engine exists, and again whenever the backup settings change. */
	settingsChanged(): void {
		const minutes = this.deps.settings().everyMinutes;
		if (minutes === this.minutes) return;
		this.stop();
		this.minutes = minutes;
		if (minutes > 0) this.timer = this.deps.startInterval(() => void this.deps.runner.backUpQuietly(), minutes * MINUTE_MS);
	}

	/**
	 * An index run finished and made new photos. The run covers the whole library: planning skips by hash
	 * what the targets already hold without asking the server, so only what is missing is sent.
	 */
	indexed(summary: IndexSummary): void {
		if (!this.deps.settings().afterIndex || summary.created === 0) return;
		void this.deps.runner.backUpQuietly();
	}

	stop(): void {
		if (this.timer !== null) this.deps.clearInterval(this.timer);
		this.timer = null;
		this.minutes = 0;
	}
}
