/** Owns the engine inside Obsidian: one user-started run at a time, cancellation, and a fresh engine when settings change. */
import type { IndexRunOptions, IndexSummary, PhotoEngine } from "../../core/engine-types";
import type { IndexSettings } from "../../core/settings";
import type { RunFeedback } from "./run-feedback";

export interface IndexServiceDeps {
	createEngine: (settings: IndexSettings) => PhotoEngine;
	feedback: RunFeedback;
	/** After every index run that finished (not cancelled): the automatic backup of new photos starts here. */
	onIndexed?: (summary: IndexSummary) => void;
}

type Work = (engine: PhotoEngine, options: IndexRunOptions) => Promise<IndexSummary>;

export class IndexService {
	private engine: PhotoEngine | null = null;
	/** Settles when every operation of the engines replaced so far has finished. */
	private retired: Promise<unknown> = Promise.resolve();
	private readonly inFlight = new Set<Promise<unknown>>();
	private readonly controllers = new Set<AbortController>();
	private userRun = false;
	private disposed = false;
	private summary: IndexSummary | null = null;

	constructor(private readonly deps: IndexServiceDeps) {}

	/**
	 * Creates the engine and starts loading the index in the background, then the backup manifests (the status
	 * view and every note written need them): both in slices, so the interface never waits on them.
	 */
	start(settings: IndexSettings): void {
		if (this.disposed) return;
		this.engine = this.deps.createEngine(settings);
		void this.guarded(async (engine) => {
			await engine.load();
			await engine.status.prepare();
		});
	}

	/**
	 * Replaces the engine. Creating one is cheap (its index loads on first use), so this runs on every
	 * keystroke in the settings; the new engine waits for the old one's work before it touches the index.
	 */
	settingsChanged(settings: IndexSettings): void {
		if (this.disposed || this.engine === null) return;
		this.retired = Promise.allSettled([this.retired, ...this.inFlight]);
		this.engine = this.deps.createEngine(settings);
	}

	get ready(): boolean {
		return this.engine !== null;
	}

	/** The engine now, for work that reads no index (a connection test); null before start-up. */
	get currentEngine(): PhotoEngine | null {
		return this.disposed ? null : this.engine;
	}

	/**
	 * Runs `operation` on the current engine, tracked like an index run: an engine made for new settings
	 * waits for it before it reads the index. Rejects before start-up and after unload.
	 */
	withEngine<T>(operation: (engine: PhotoEngine) => Promise<T>): Promise<T> {
		return this.track(operation);
	}

	get running(): boolean {
		return this.controllers.size > 0;
	}

	/** The summary of the last run the user started, or of the last automatic one that failed somewhere: the report. */
	get lastSummary(): IndexSummary | null {
		return this.summary;
	}

	isPhotoPath(path: string): boolean {
		return this.engine?.isPhotoPath(path) ?? false;
	}

	noteOf(photoPath: string): string | null {
		return this.engine?.noteOf(photoPath) ?? null;
	}

	photoOfNote(notePath: string): string | null {
		return this.engine?.photoOfNote(notePath) ?? null;
	}

	indexAll(): Promise<IndexSummary | null> {
		return this.userStarted((engine, options) => engine.indexAll(options));
	}

	reindex(paths: readonly string[]): Promise<IndexSummary | null> {
		return this.userStarted((engine, options) => engine.reindex(paths, options));
	}

	/** Automatic re-index after vault changes: no progress, waits behind any other run, speaks only of failures. */
	async reindexQuietly(paths: readonly string[]): Promise<IndexSummary | null> {
		const summary = await this.run((engine, options) => engine.reindex(paths, options));
		if (summary && summary.failed.length > 0 && !this.disposed) {
			this.summary = summary;
			this.deps.feedback.failures(summary);
		}
		return summary;
	}

	photoRenamed(oldPath: string, newPath: string): Promise<void> {
		return this.guarded((engine) => engine.photoRenamed(oldPath, newPath));
	}

	photoDeleted(path: string): Promise<void> {
		return this.guarded((engine) => engine.photoDeleted(path));
	}

	/** Stops every run in progress; each keeps what it finished. False when nothing was running. */
	cancel(): boolean {
		if (this.controllers.size === 0) return false;
		for (const controller of this.controllers) controller.abort();
		return true;
	}

	/** Settles when nothing is left to do. */
	async idle(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
	}

	/** The plugin is unloading: stop runs, and let nothing report back afterwards. */
	dispose(): void {
		this.disposed = true;
		this.cancel();
	}

	private async userStarted(work: Work): Promise<IndexSummary | null> {
		if (this.userRun) {
			this.deps.feedback.message("Indexing is already running. Use the command “Cancel indexing” to stop it.");
			return null;
		}
		if (this.engine === null) {
			this.deps.feedback.message("Photos are not ready yet: Obsidian is still loading the vault.");
			return null;
		}
		this.userRun = true;
		const progress = this.deps.feedback.begin(() => this.cancel());
		try {
			const summary = await this.run((engine, options) => work(engine, { ...options, onProgress: (p) => progress.update(p) }));
			progress.end();
			if (summary) {
				this.summary = summary;
				if (!this.disposed) this.deps.feedback.summary(summary);
			}
			return summary;
		} finally {
			this.userRun = false;
		}
	}

	private async run(work: Work): Promise<IndexSummary | null> {
		const controller = new AbortController();
		this.controllers.add(controller);
		try {
			const summary = await this.track((engine) => work(engine, { signal: controller.signal }));
			if (!summary.cancelled && !this.disposed) this.deps.onIndexed?.(summary);
			return summary;
		} catch (error) {
			if (!this.disposed) this.deps.feedback.error(error);
			return null;
		} finally {
			this.controllers.delete(controller);
		}
	}

	private async guarded(operation: (engine: PhotoEngine) => Promise<void>): Promise<void> {
		try {
			await this.track(operation);
		} catch (error) {
			if (!this.disposed) this.deps.feedback.error(error);
		}
	}

	private track<T>(operation: (engine: PhotoEngine) => Promise<T>): Promise<T> {
		const engine = this.engine;
		if (engine === null || this.disposed) return Promise.reject(new Error("the photo index is not ready"));
		const before = this.retired;
		const promise = (async () => {
			await before;
			return operation(engine);
		})();
		this.inFlight.add(promise);
		const forget = (): void => {
			this.inFlight.delete(promise);
		};
		promise.then(forget, forget);
		return promise;
	}
}
