/** The index commands of the command palette; those about "the current photo" show only where they apply. */
import type { Command, TFile, Vault, Workspace } from "obsidian";
import type { IndexSummary } from "../../core/engine-types";
import type { IndexService } from "../indexing/index-service";
import { REPORT_COMMAND_NAME } from "../progress/summary-text";

export interface IndexCommandDeps {
	service: IndexService;
	workspace: Pick<Workspace, "getActiveFile" | "getLeaf">;
	vault: Pick<Vault, "getFileByPath">;
	openReport: (summary: IndexSummary) => void;
}

/**
 * The photo the active file stands for: the file itself when it is a photo the index covers (indexed or
 * not yet: re-indexing a new photo indexes it), or the photo whose note is open.
 */
export function currentPhoto(deps: Pick<IndexCommandDeps, "service" | "workspace">): string | null {
	const file = deps.workspace.getActiveFile();
	if (file === null) return null;
	if (deps.service.isPhotoPath(file.path)) return file.path;
	return deps.service.photoOfNote(file.path);
}

function noteFileOfCurrentPhoto(deps: IndexCommandDeps): TFile | null {
	const file = deps.workspace.getActiveFile();
	if (file === null) return null;
	const note = deps.service.noteOf(file.path);
	return note === null ? null : deps.vault.getFileByPath(note);
}

export function indexCommands(deps: IndexCommandDeps): Command[] {
	const { service } = deps;
	return [
		{
			id: "index-photos",
			name: "Index photo folders",
			callback: () => void service.indexAll(),
		},
		{
			id: "reindex-current-photo",
			name: "Re-index current photo",
			checkCallback: (checking) => {
				const photo = currentPhoto(deps);
				if (photo === null) return false;
				if (!checking) void service.reindex([photo]);
				return true;
			},
		},
		{
			id: "open-photo-note",
			name: "Open note of current photo",
			checkCallback: (checking) => {
				const note = noteFileOfCurrentPhoto(deps);
				if (note === null) return false;
				if (!checking) void deps.workspace.getLeaf(false).openFile(note);
				return true;
			},
		},
		{
			id: "cancel-indexing",
			name: "Cancel indexing",
			checkCallback: (checking) => {
				if (!service.running) return false;
				if (!checking) service.cancel();
				return true;
			},
		},
		{
			id: "show-index-report",
			name: REPORT_COMMAND_NAME,
			checkCallback: (checking) => {
				const summary = service.lastSummary;
				if (summary === null) return false;
				if (!checking) deps.openReport(summary);
				return true;
			},
		},
	];
}
