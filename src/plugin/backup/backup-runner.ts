/** Owns backup runs inside Obsidian: one at a time, pause, resume and cancel, automatic runs queued behind a running one. */
import type { BackupService, BackupSummary, ConnectionReport } from "../../core/backup/backup-types";
import { describeError } from "../../core/model/errors";
import type { BackupFeedback, BackupProgressView } from "./backup-feedback";
import { attentionItems, NO_TARGETS_TEXT, needsAttention } from "./backup-summary-text";

export interface BackupRunnerDeps {
	/**
	 * Runs `work` on the engine's backup service, tracked like the index's own work so that an engine made
	 * for new settings waits for the run before it reads what the run writes (manifests, notes).
	 */
	withService: <T>(work: (service: BackupService) => Promise<T>) => Promise<T>;
	/** The current engine's service without waiting for anything (connection tests), or null before start-up. */
	currentService: () => BackupService | null;
	/** Ids of the targets a run would back up to now. */
	enabledTargets: () => readonly string[];
	feedback: BackupFeedback;
}

interface Run {
	controller: AbortController;
	service: BackupService | null;
	paused: boolean;
	view: BackupProgressView;
}

/** What automatic triggers asked for while a run was going: "all", or these photos. */
type Pending = "all" | Set<string>;

export class BackupRunner {
	private run: Run | null = null;
	private pending: Pending | null = null;
	private readonly inFlight = new Set<Promise<unknown>>();
	private summary: BackupSummary | null = null;
	/** The problems of the last automatic run (see attentionItems), so a recurring run does not repeat them. */
	private lastProblems = new Set<string>();
	private disposed = false;

	constructor(private readonly deps: BackupRunnerDeps) {}

	get running(): boolean {
		return this.run !== null;
	}

	get paused(): boolean {
		return this.run?.paused ?? false;
	}

	/** The summary of the last run the user started, or of the last automatic one that needs attention. */
	get lastSummary(): BackupSummary | null {
		return this.summary;
	}

	backUpAll(): Promise<BackupSummary | null> {
		return this.userStarted(undefined);
	}

	backUpPhotos(paths: readonly string[]): Promise<BackupSummary | null> {
		return this.userStarted([...paths]);
	}

	/**
	 * An automatic run (after indexing, on the timer): no progress Notice, speaks only of problems. While a
	 * run is going it waits for it, so two runs never overlap and nothing asked for is dropped.
	 */
	backUpQuietly(paths?: readonly string[]): Promise<BackupSummary | null> {
		if (this.disposed || this.deps.enabledTargets().length === 0) return Promise.resolve(null);
		if (this.run !== null) {
			this.pending = paths === undefined || this.pending === "all" ? "all" : new Set([...(this.pending ?? []), ...paths]);
			return Promise.resolve(null);
		}
		return this.track(this.start(paths === undefined ? undefined : [...paths], true));
	}

	/** False when there was nothing to pause. */
	pause(): boolean {
		const run = this.run;
		if (run === null || run.paused) return false;
		run.paused = true;
		run.service?.pause();
		run.view.setPaused(true);
		return true;
	}

	resume(): boolean {
		const run = this.run;
		if (run === null || !run.paused) return false;
		run.paused = false;
		run.service?.resume();
		run.view.setPaused(false);
		return true;
	}

	togglePause(): void {
		if (!this.pause()) this.resume();
	}

	/** Stops the run; what was uploaded is kept and the next run goes on from there. False when nothing ran. */
	cancel(): boolean {
		const run = this.run;
		if (run === null) return false;
		this.pending = null;
		run.controller.abort();
		// A paused run must wake up to see that it was cancelled.
		if (run.paused) run.service?.resume();
		return true;
	}

	/** One report per target, in order; a test that throws becomes a failed report, never an exception. */
	async testTargets(targetIds: readonly string[]): Promise<ConnectionReport[]> {
		const service = this.deps.currentService();
		const reports: ConnectionReport[] = [];
		for (const targetId of targetIds) {
			try {
				if (service === null) throw new Error("Photos are not ready yet: Obsidian is still loading the vault.");
				reports.push(await service.testTarget(targetId));
			} catch (error) {
				reports.push({ targetId, ok: false, checks: [{ name: "reach", ok: false, message: describeError(error) }] });
			}
		}
		return reports;
	}

	/** Settles when no run is going or queued. */
	async idle(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
	}

	/** The plugin is unloading: cancel, forget what was queued, report nothing afterwards. */
	dispose(): void {
		this.disposed = true;
		this.cancel();
		this.pending = null;
	}

	private userStarted(paths: string[] | undefined): Promise<BackupSummary | null> {
		if (this.disposed) return Promise.resolve(null);
		if (this.run !== null) {
			this.deps.feedback.message("A backup is already running. Use “Pause backup” or “Cancel backup” to stop it.");
			return Promise.resolve(null);
		}
		if (this.deps.currentService() === null) {
			this.deps.feedback.message("Photos are not ready yet: Obsidian is still loading the vault.");
			return Promise.resolve(null);
		}
		if (this.deps.enabledTargets().length === 0) {
			this.deps.feedback.message(NO_TARGETS_TEXT);
			return Promise.resolve(null);
		}
		return this.track(this.start(paths, false));
	}

	private async start(photoPaths: string[] | undefined, quiet: boolean): Promise<BackupSummary | null> {
		const run: Run = { controller: new AbortController(), service: null, paused: false, view: this.deps.feedback.begin(quiet) };
		this.run = run;
		let summary: BackupSummary | null = null;
		try {
			summary = await this.deps.withService((service) => {
				run.service = service;
				const result = service.backup({
					photoPaths,
					signal: run.controller.signal,
					onProgress: (progress) => run.view.update(progress),
				});
				// Paused while the run waited for the engine: the service only pauses a run it has started.
				if (run.paused) service.pause();
				return result;
			});
		} catch (error) {
			if (!this.disposed && !run.controller.signal.aborted) this.deps.feedback.error(error);
		} finally {
			run.view.end();
			this.run = null;
		}
		if (summary !== null && !this.disposed) this.report(summary, quiet);
		this.startPending();
		return summary;
	}

	private report(summary: BackupSummary, quiet: boolean): void {
		if (!quiet) {
			this.summary = summary;
			this.deps.feedback.summary(summary);
			return;
		}
		if (!needsAttention(summary)) {
			this.lastProblems = new Set();
			return;
		}
		this.summary = summary;
		// The timer runs every N minutes: the same problem (a file too large for the phone) is told once,
		// and again only after a run without it; a run with a problem not seen last time speaks.
		const problems = attentionItems(summary);
		if ([...problems].some((p) => !this.lastProblems.has(p))) this.deps.feedback.problems(summary);
		this.lastProblems = problems;
	}

	private startPending(): void {
		const pending = this.pending;
		this.pending = null;
		if (pending === null || this.disposed) return;
		void this.backUpQuietly(pending === "all" ? undefined : [...pending]);
	}

	private track<T>(promise: Promise<T>): Promise<T> {
		this.inFlight.add(promise);
		const forget = (): void => {
			this.inFlight.delete(promise);
		};
		promise.then(forget, forget);
		return promise;
	}
}
