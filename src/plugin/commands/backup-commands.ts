/** The backup commands of the command palette; pause, resume and cancel show only while they apply. */
import type { Command, Workspace } from "obsidian";
import type { BackupRunner } from "../backup/backup-runner";

export interface BackupCommandDeps {
	runner: BackupRunner;
	workspace: Pick<Workspace, "getActiveFile">;
	/** The photo whose note is at `path`, or null. */
	photoOfNote: (path: string) => string | null;
	/** Whether `path` is an indexed photo. */
	isIndexedPhoto: (path: string) => boolean;
	testTargets: () => void;
}

/** The indexed photo the active file stands for: the photo itself, or the photo of the open note. */
export function currentIndexedPhoto(deps: Pick<BackupCommandDeps, "workspace" | "photoOfNote" | "isIndexedPhoto">): string | null {
	const file = deps.workspace.getActiveFile();
	if (file === null) return null;
	return deps.isIndexedPhoto(file.path) ? file.path : deps.photoOfNote(file.path);
}

export function backupCommands(deps: BackupCommandDeps): Command[] {
	const { runner } = deps;
	const when = (applies: () => boolean, run: () => unknown): Command["checkCallback"] => (checking) => {
		if (!applies()) return false;
		if (!checking) void run();
		return true;
	};
	return [
		{
			id: "backup-all",
			name: "Back up all photos now",
			callback: () => void runner.backUpAll(),
		},
		{
			id: "backup-current-photo",
			name: "Back up current photo",
			checkCallback: (checking) => {
				const photo = currentIndexedPhoto(deps);
				if (photo === null) return false;
				if (!checking) void runner.backUpPhotos([photo]);
				return true;
			},
		},
		{ id: "pause-backup", name: "Pause backup", checkCallback: when(() => runner.running && !runner.paused, () => runner.pause()) },
		{ id: "resume-backup", name: "Resume backup", checkCallback: when(() => runner.running && runner.paused, () => runner.resume()) },
		{ id: "cancel-backup", name: "Cancel backup", checkCallback: when(() => runner.running, () => runner.cancel()) },
		{
			id: "test-backup-targets",
			name: "Test backup targets",
			callback: () => deps.testTargets(),
		},
	];
}
