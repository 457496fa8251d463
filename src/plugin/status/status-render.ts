/** Paints a LibraryStatus into the status view: headline, 3-2-1 summary, a table of targets, folders and photos at risk. */
import type { LibraryStatus, TargetStatus } from "../../core/status/library-status";
import {
	backedUpText, freeSpaceText, lastRunText, lastVerificationText, pendingText, riskReason, statusHeadline, threeTwoOneLine,
} from "../../core/status/status-text";
import { NO_TARGETS_TEXT } from "../backup/backup-summary-text";

/** Rows painted per page: a 100,000-photo library paints as fast as a small one. */
export const PAGE_SIZE = 50;

export interface RenderOptions {
	/** Photos at risk painted now (a multiple of PAGE_SIZE; "Show more" adds a page). */
	shown: number;
	/** A backup is running: the figures move as copies land. */
	running: boolean;
	openNote: (notePath: string) => void;
	showMore: () => void;
}

const COLUMNS = ["Target", "Backed up", "Pending", "Failed", "Last run", "Last verification", "Free space"];

function targetCells(t: TargetStatus): string[] {
	const where = `${t.medium}, ${t.offsite ? "offsite" : "onsite"}${t.enabled ? "" : ", disabled"}`;
	return [`${t.name} (${where})`, backedUpText(t), pendingText(t), String(t.failed), lastRunText(t.lastRun), lastVerificationText(t.lastVerification), freeSpaceText(t)];
}

function renderTargets(el: HTMLElement, status: LibraryStatus): void {
	if (status.targets.length === 0) {
		el.createEl("p", { text: NO_TARGETS_TEXT });
		return;
	}
	const table = el.createEl("table", { cls: "photo-archivist-status-targets" });
	const head = table.createEl("thead").createEl("tr");
	for (const column of COLUMNS) head.createEl("th", { text: column });
	const body = table.createEl("tbody");
	for (const target of status.targets) {
		const row = body.createEl("tr", { cls: target.enabled ? "" : "is-disabled" });
		for (const cell of targetCells(target)) row.createEl("td", { text: cell });
	}
}

function renderFolders(el: HTMLElement, status: LibraryStatus): void {
	if (status.folders.length === 0) return;
	el.createEl("h5", { text: `Folders at risk (${status.folders.length.toLocaleString("en-US")})` });
	const list = el.createEl("ul", { cls: "photo-archivist-status-folders" });
	for (const f of status.folders.slice(0, PAGE_SIZE)) {
		list.createEl("li", { text: `${f.folder === "" ? "(vault root)" : f.folder}: ${f.atRisk.toLocaleString("en-US")} of ${f.photos.toLocaleString("en-US")} photos` });
	}
	if (status.folders.length > PAGE_SIZE) list.createEl("li", { text: `… and ${(status.folders.length - PAGE_SIZE).toLocaleString("en-US")} more folders` });
}

function renderAtRisk(el: HTMLElement, status: LibraryStatus, options: RenderOptions): void {
	if (status.atRisk.length === 0) return;
	el.createEl("h5", { text: `Photos at risk (${status.atRisk.length.toLocaleString("en-US")})` });
	const list = el.createEl("ul", { cls: "photo-archivist-status-photos" });
	for (const photo of status.atRisk.slice(0, options.shown)) {
		const item = list.createEl("li");
		// No href: a click must open the note through the workspace, never navigate the app's window.
		const link = item.createEl("a", { text: photo.path, cls: "internal-link", attr: { "data-href": photo.note } });
		link.addEventListener("click", () => options.openNote(photo.note));
		item.createSpan({ cls: "photo-archivist-status-reason", text: ` — ${riskReason(photo)}` });
	}
	const rest = status.atRisk.length - options.shown;
	if (rest > 0) {
		const more = el.createEl("button", { text: `Show ${Math.min(rest, PAGE_SIZE)} more (${rest.toLocaleString("en-US")} not shown)` });
		more.addEventListener("click", () => options.showMore());
	}
}

export function renderStatus(el: HTMLElement, status: LibraryStatus, options: RenderOptions): void {
	el.empty();
	el.addClass("photo-archivist-status");
	el.createEl("h4", { text: statusHeadline(status), cls: status.allSafe ? "photo-archivist-status-ok" : "photo-archivist-status-warn" });
	if (options.running) el.createEl("p", { cls: "photo-archivist-status-running", text: "A backup is running: the figures follow it as copies land." });
	const summary = el.createEl("p");
	summary.setText(`${threeTwoOneLine(status)}. ${status.onlyOneCopy.toLocaleString("en-US")} with only one copy.` +
		(status.missingOriginals > 0 ? ` ${status.missingOriginals.toLocaleString("en-US")} originals gone from the vault.` : ""));
	renderTargets(el, status);
	renderFolders(el, status);
	renderAtRisk(el, status, options);
}
