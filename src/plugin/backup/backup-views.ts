/** The backup progress displays: a status bar item on desktop (a click pauses or resumes), an updating Notice on mobile. */
import { Notice } from "obsidian";
import type { BackupProgress } from "../../core/backup/backup-types";
import type { BackupProgressView } from "./backup-feedback";
import { BACKUP_STARTING_TEXT, backupProgressText } from "./backup-progress-text";

const IDLE_CLASS = "photo-archivist-idle";

/** Prepares the status bar item: hidden between runs. */
export function setUpBackupStatusBarItem(item: HTMLElement): void {
	item.addClass("photo-archivist-status", IDLE_CLASS);
	item.setAttr("aria-label", "Click to pause or resume the backup");
}

/** Redraws only when the words change: progress arrives several times a second. */
function display(show: (text: string) => void): BackupProgressView {
	let last: BackupProgress | null = null;
	let paused = false;
	let shown = "";
	const draw = (): void => {
		const text = last === null ? BACKUP_STARTING_TEXT : backupProgressText(last, paused || last.paused);
		if (text === shown) return;
		shown = text;
		show(text);
	};
	draw();
	return {
		update: (progress) => {
			last = progress;
			paused = progress.paused;
			draw();
		},
		setPaused: (value) => {
			paused = value;
			draw();
		},
		end: () => undefined,
	};
}

export function backupStatusBarView(item: HTMLElement): BackupProgressView {
	item.removeClass(IDLE_CLASS);
	const view = display((text) => item.setText(text));
	return {
		...view,
		end: () => {
			item.setText("");
			item.addClass(IDLE_CLASS);
		},
	};
}

export function backupNoticeView(): BackupProgressView {
	// Duration 0: the Notice stays for the whole run.
	const notice = new Notice(BACKUP_STARTING_TEXT, 0);
	const view = display((text) => notice.setMessage(`${text}\nRun “Pause backup” or “Cancel backup” to stop it.`));
	return { ...view, end: () => notice.hide() };
}

/** For automatic runs where there is no status bar: nothing to see until something needs attention. */
export const SILENT_VIEW: BackupProgressView = { update: () => undefined, setPaused: () => undefined, end: () => undefined };
