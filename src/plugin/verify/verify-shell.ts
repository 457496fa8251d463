/**
 * The verification half of the plugin: the commands "Verify backups" (quick: listings, presence and size)
 * and "Verify backups thoroughly" (re-hashing every copy, or a rotating share), "Cancel verification" and
 * "Show last verification report". A notice follows a run; at the end it says how each target stands and,
 * when something needs attention, stays until dismissed and opens the full report on a click.
 */
import { Notice, type App, type Command } from "obsidian";
import { describeError } from "../../core/model/errors";
import type { VerifyOptions, VerifyProgress, VerifySummary } from "../../core/verify/verify-types";
import type { IndexService } from "../indexing/index-service";
import { VerifyReportModal } from "./verify-report-modal";
import { VerifyShareModal } from "./verify-share-modal";
import { verifyProgressText, verifySummaryText } from "./verify-text";

export interface VerifyShellHost {
	app: App;
	indexing: IndexService;
	addCommand(command: Command): unknown;
}

export interface VerifyShell {
	/** Settles when no verification is running (tests wait on it). */
	idle(): Promise<void>;
	readonly lastSummary: VerifySummary | null;
}

/** A notice that all is well goes by itself after this long; one with something to act on stays. */
const OK_NOTICE_MS = 10_000;

/** Progress updates shown at most this often: a notice redrawn per copy would flicker. */
const PROGRESS_MS = 250;

export function setUpVerify(host: VerifyShellHost): VerifyShell {
	const { app, indexing } = host;
	let running: AbortController | null = null;
	let current: Promise<void> = Promise.resolve();
	let last: VerifySummary | null = null;

	const openReport = (): void => {
		if (last === null) new Notice("No verification has run since Obsidian started.");
		else new VerifyReportModal(app, last).open();
	};

	const runNow = async (options: Omit<VerifyOptions, "signal" | "onProgress">, controller: AbortController): Promise<void> => {
		const notice = new Notice(options.deep ? "Verifying backups thoroughly…" : "Verifying backups…", 0);
		let shown = 0;
		const onProgress = (p: VerifyProgress): void => {
			const now = Date.now();
			if (now - shown < PROGRESS_MS && p.done < p.total) return;
			shown = now;
			notice.setMessage(`${verifyProgressText(p)}\nRun “Cancel verification” to stop.`);
		};
		try {
			const summary = await indexing.withEngine((engine) => engine.verify.verify({ ...options, signal: controller.signal, onProgress }));
			last = summary;
			notice.setMessage(verifySummaryText(summary));
			const attention = summary.targets.some((t) => !t.ok || t.extra.length > 0);
			if (attention) notice.messageEl.addEventListener("click", openReport);
			else window.setTimeout(() => notice.hide(), OK_NOTICE_MS);
		} catch (error) {
			notice.setMessage(`Verification failed: ${describeError(error)}`);
			console.error("Photo backup verification:", error);
		} finally {
			running = null;
		}
	};

	const run = (options: Omit<VerifyOptions, "signal" | "onProgress">): Promise<void> => {
		if (running !== null) {
			new Notice("A verification is already running.");
			return current;
		}
		const controller = new AbortController();
		running = controller;
		current = runNow(options, controller);
		return current;
	};

	const commands: Command[] = [
		{ id: "verify-backups", name: "Verify backups", callback: () => void run({}) },
		{
			id: "verify-backups-thoroughly",
			name: "Verify backups thoroughly",
			callback: () => new VerifyShareModal(app, (percent) => run(percent >= 100 ? { deep: true } : { deep: true, samplePercent: percent })).open(),
		},
		{
			id: "cancel-verification",
			name: "Cancel verification",
			checkCallback: (checking) => {
				if (running === null) return false;
				if (!checking) running.abort();
				return true;
			},
		},
		{ id: "show-last-verification-report", name: "Show last verification report", callback: openReport },
	];
	for (const command of commands) host.addCommand(command);
	return {
		idle: () => current,
		get lastSummary() {
			return last;
		},
	};
}
