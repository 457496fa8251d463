/**
 * What the status view tells of each target beyond its manifest: how the last backup run ended and when
 * the last verification ran, and the free space last seen. Kept in the plugin's data folder as one small
 * JSON file (`backup-status.json`); a missing or damaged file starts empty, it only ever holds history.
 */
import type { TargetRunResult } from "../backup/backup-types";
import { describeError } from "../model/errors";
import type { DataStore } from "../ports/data-store";
import type { Log } from "../ports/log";
import { SerialQueue } from "../util/serial-queue";

export const TARGET_STATE_FILE = "backup-status.json";
const FORMAT = "photo-archivist-backup-status";
const VERSION = 1;

export type RunOutcome = "up-to-date" | "failed" | "stopped" | "cancelled";

export interface LastRun {
	/** ISO time the run ended. */
	endedAt: string;
	outcome: RunOutcome;
	/** Files that failed in that run. */
	failed: number;
	/** Why the target was stopped, or the first failure, in plain words. */
	reason?: string;
}

export interface LastVerification {
	/** ISO time the verification ended. */
	at: string;
	/** "quick" compares presence and size; "deep" re-hashes (all or a share of) the copies. */
	kind: "quick" | "deep";
	/** Copies checked, and how many of them were missing or corrupt. */
	checked: number;
	problems: number;
}

export interface TargetState {
	lastRun?: LastRun;
	lastVerification?: LastVerification;
	/** Free bytes the target last reported, and when. */
	freeSpace?: { available: number; at: string };
}

export function runOutcome(result: TargetRunResult, cancelled: boolean): LastRun["outcome"] {
	if (result.stopped !== undefined) return "stopped";
	if (result.failed.length > 0) return "failed";
	if (cancelled && !result.upToDate) return "cancelled";
	return result.upToDate ? "up-to-date" : "failed";
}

export function lastRunOf(result: TargetRunResult, cancelled: boolean, endedAt: Date): LastRun {
	const run: LastRun = { endedAt: endedAt.toISOString(), outcome: runOutcome(result, cancelled), failed: result.failed.length };
	const reason = result.stopped ?? result.failed[0]?.reason;
	if (reason !== undefined) run.reason = reason;
	return run;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Keeps only well-formed parts: the file may be from another version or edited by hand. */
function cleanState(raw: unknown): TargetState {
	const state: TargetState = {};
	if (!isRecord(raw)) return state;
	const run = raw.lastRun;
	if (isRecord(run) && typeof run.endedAt === "string" && typeof run.outcome === "string" &&
		["up-to-date", "failed", "stopped", "cancelled"].includes(run.outcome)) {
		state.lastRun = {
			endedAt: run.endedAt, outcome: run.outcome as RunOutcome, failed: typeof run.failed === "number" ? run.failed : 0,
		};
		if (typeof run.reason === "string") state.lastRun.reason = run.reason;
	}
	const check = raw.lastVerification;
	if (isRecord(check) && typeof check.at === "string") {
		state.lastVerification = {
			at: check.at, kind: check.kind === "deep" ? "deep" : "quick",
			checked: typeof check.checked === "number" ? check.checked : 0, problems: typeof check.problems === "number" ? check.problems : 0,
		};
	}
	const free = raw.freeSpace;
	if (isRecord(free) && typeof free.available === "number" && typeof free.at === "string") state.freeSpace = { available: free.available, at: free.at };
	return state;
}

export class TargetStateStore {
	private states: Map<string, TargetState> | null = null;
	private loading: Promise<Map<string, TargetState>> | null = null;
	private readonly saves = new SerialQueue();

	constructor(private readonly deps: { data: DataStore; log: Log }) {}

	async get(targetId: string): Promise<TargetState> {
		return (await this.load()).get(targetId) ?? {};
	}

	async all(): Promise<ReadonlyMap<string, TargetState>> {
		return this.load();
	}

	recordRun(targetId: string, run: LastRun): Promise<void> {
		return this.change(targetId, (state) => ({ ...state, lastRun: run }));
	}

	/** For the verification feature: a check of `targetId` ended. */
	recordVerification(targetId: string, verification: LastVerification): Promise<void> {
		return this.change(targetId, (state) => ({ ...state, lastVerification: verification }));
	}

	recordFreeSpace(targetId: string, available: number, at: Date): Promise<void> {
		return this.change(targetId, (state) => ({ ...state, freeSpace: { available, at: at.toISOString() } }));
	}

	private async change(targetId: string, update: (state: TargetState) => TargetState): Promise<void> {
		const states = await this.load();
		const before = states.get(targetId) ?? {};
		const after = update(before);
		// A run that changed nothing leaves the data folder untouched.
		if (JSON.stringify(after) === JSON.stringify(before)) return;
		states.set(targetId, after);
		// Serialized when the save runs, so a queued save writes every change made before it.
		await this.saves.run(() => this.deps.data.write(TARGET_STATE_FILE, this.serialize(states)));
	}

	private serialize(states: ReadonlyMap<string, TargetState>): string {
		return `${JSON.stringify({ format: FORMAT, version: VERSION, targets: Object.fromEntries(states) }, null, "\t")}\n`;
	}

	private load(): Promise<Map<string, TargetState>> {
		if (this.states !== null) return Promise.resolve(this.states);
		this.loading ??= (async () => {
			const states = new Map<string, TargetState>();
			const text = await this.deps.data.read(TARGET_STATE_FILE).catch((error: unknown) => {
				this.deps.log.warn(`Backup status could not be read, starting afresh: ${describeError(error)}`);
				return null;
			});
			if (text !== null) {
				try {
					const parsed = JSON.parse(text) as unknown;
					if (!isRecord(parsed) || parsed.format !== FORMAT || !isRecord(parsed.targets)) throw new Error("not a backup status file");
					for (const [id, raw] of Object.entries(parsed.targets)) states.set(id, cleanState(raw));
				} catch (error) {
					this.deps.log.warn(`Backup status could not be read, starting afresh: ${describeError(error)}`);
				}
			}
			this.states = states;
			return states;
		})();
		return this.loading;
	}
}
