/**
 * The "Backup status" view: paints the status when opened and again whenever the engine says a figure
 * moved (a copy landed, a run ended, a verification was recorded), at most once per `throttleMs`, so a
 * backup of thousands of photos repaints a few times a second at most. Only the first page of photos at
 * risk is painted; "Show more" adds pages.
 */
import { ItemView, type WorkspaceLeaf } from "obsidian";
import type { PhotoEngine } from "../../core/engine-types";
import { describeError } from "../../core/model/errors";
import type { LibraryStatus } from "../../core/status/library-status";
import { PAGE_SIZE, renderStatus } from "./status-render";

export const STATUS_VIEW_TYPE = "photo-archivist-backup-status";
export const STATUS_ICON = "shield-check";

/** The engine of the moment: the plugin makes a new one when the settings change. */
export interface EngineSource {
	current(): PhotoEngine | null;
	/** Calls `listener` when a new engine replaces the current one; returns the unsubscribe. */
	onSwap(listener: () => void): () => void;
}

export interface StatusViewDeps {
	engines: EngineSource;
	openNote: (notePath: string) => void;
	/** Shortest time between two repaints (default 1000 ms). */
	throttleMs?: number;
}

export class BackupStatusView extends ItemView {
	private status: LibraryStatus | null = null;
	private shown = PAGE_SIZE;
	private unsubscribe: (() => void) | null = null;
	private stopSwap: (() => void) | null = null;
	private computing: Promise<void> | null = null;
	private dirty = false;
	private timer: { id: number; fired: Promise<void> } | null = null;
	private lastPaint = 0;
	private closed = false;
	private freeSpace: Promise<void> = Promise.resolve();
	/** Times the status was painted; tests read it to see the view follow a run. */
	paints = 0;

	constructor(leaf: WorkspaceLeaf, private readonly deps: StatusViewDeps) {
		super(leaf);
		this.icon = STATUS_ICON;
	}

	getViewType(): string {
		return STATUS_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Backup status";
	}

	/** Settles once no repaint is due or running (for tests). */
	async idle(): Promise<void> {
		await this.freeSpace;
		while (this.computing !== null || this.timer !== null) await (this.computing ?? this.timer?.fired);
	}

	protected override async onOpen(): Promise<void> {
		this.contentEl.empty();
		this.contentEl.createEl("p", { text: "Reading the backup status…" });
		this.stopSwap = this.deps.engines.onSwap(() => this.follow(true));
		this.follow(false);
		await this.computing;
	}

	protected override onClose(): Promise<void> {
		this.closed = true;
		this.stopSwap?.();
		this.unsubscribe?.();
		if (this.timer !== null) window.clearTimeout(this.timer.id);
		this.timer = null;
		return Promise.resolve();
	}

	/** Listens to the current engine's status; asks its targets for free space once, in the background. */
	private follow(swapped: boolean): void {
		this.unsubscribe?.();
		this.unsubscribe = null;
		const engine = this.deps.engines.current();
		if (engine === null) {
			if (!swapped) this.paintMessage("Photos are not ready yet: Obsidian is still loading the vault.");
			return;
		}
		this.unsubscribe = engine.status.onChange(() => this.schedule());
		this.refresh();
		// Never throws for one target; a failure here is a bug, and the figures stay as last seen.
		this.freeSpace = engine.status.refreshFreeSpace().catch((error: unknown) => console.warn("Free space could not be read", error));
	}

	private schedule(): void {
		if (this.closed || this.timer !== null) return;
		const wait = Math.max(0, this.lastPaint + (this.deps.throttleMs ?? 1000) - Date.now());
		let fire = (): void => {};
		const fired = new Promise<void>((resolve) => {
			fire = resolve;
		});
		const id = window.setTimeout(() => {
			this.timer = null;
			this.refresh();
			fire();
		}, wait);
		this.timer = { id, fired };
	}

	private refresh(): void {
		if (this.closed) return;
		if (this.computing !== null) {
			this.dirty = true;
			return;
		}
		this.computing = this.compute().finally(() => {
			this.computing = null;
			if (this.dirty) {
				this.dirty = false;
				this.schedule();
			}
		});
	}

	private async compute(): Promise<void> {
		const engine = this.deps.engines.current();
		if (engine === null) return;
		try {
			this.status = await engine.status.compute();
			this.lastPaint = Date.now();
			if (!this.closed) this.paint(engine.backup.running);
		} catch (error) {
			this.paintMessage(`The backup status could not be read: ${describeError(error)}`);
		}
	}

	private paint(running: boolean): void {
		if (this.status === null) return;
		this.paints++;
		renderStatus(this.contentEl, this.status, {
			shown: this.shown,
			running,
			openNote: (note) => this.deps.openNote(note),
			showMore: () => {
				this.shown += PAGE_SIZE;
				this.paint(running);
			},
		});
	}

	private paintMessage(text: string): void {
		this.contentEl.empty();
		this.contentEl.createEl("p", { text });
	}
}
