/** BackupFeedback inside Obsidian: progress in the status bar or a Notice, the verdict in a Notice that opens the full report. */
import { Notice } from "obsidian";
import type { BackupSummary } from "../../core/backup/backup-types";
import { describeError } from "../../core/model/errors";
import type { BackupFeedback, BackupProgressView } from "./backup-feedback";
import { backupSummaryText, needsAttention } from "./backup-summary-text";
import { backupNoticeView, backupStatusBarView, SILENT_VIEW } from "./backup-views";

export interface BackupNoticesDeps {
	/** The status bar item, made on first use; null where there is no status bar (mobile). */
	statusBar: () => HTMLElement | null;
	openReport: (summary: BackupSummary) => void;
}

const SUMMARY_MS = 10_000;

export class BackupNotices implements BackupFeedback {
	constructor(private readonly deps: BackupNoticesDeps) {}

	begin(quiet: boolean): BackupProgressView {
		const bar = this.deps.statusBar();
		if (bar !== null) return backupStatusBarView(bar);
		return quiet ? SILENT_VIEW : backupNoticeView();
	}

	summary(summary: BackupSummary): void {
		if (needsAttention(summary)) this.withReport(summary, backupSummaryText(summary));
		else new Notice(backupSummaryText(summary), SUMMARY_MS);
	}

	problems(summary: BackupSummary): void {
		this.withReport(summary, `Automatic backup: ${backupSummaryText(summary)}`);
	}

	message(text: string): void {
		new Notice(text);
	}

	error(error: unknown): void {
		new Notice(`Backup stopped: ${describeError(error)}`, 0);
		console.error("Photo backup:", error);
	}

	/** Stays until dismissed (there is something to act on); a click opens every failure with its reason. */
	private withReport(summary: BackupSummary, text: string): void {
		const notice = new Notice(`${text}\nClick for the full report.`, 0);
		notice.messageEl.addEventListener("click", () => this.deps.openReport(summary));
		const failures = summary.targets.flatMap((t) => t.failed.map((f) => `${t.name}: ${f.path}: ${f.reason}`));
		if (failures.length > 0) console.warn(`Photo backup: ${failures.length} file(s) not backed up:\n${failures.join("\n")}`);
	}
}
