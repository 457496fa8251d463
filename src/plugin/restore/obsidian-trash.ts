/** "Free up space" inside Obsidian: originals go where the user's "Deleted files" setting says, Obsidian's trash or the system's. */
import type { App } from "obsidian";
import type { Trash } from "../../core/ports/file-writer";

export function obsidianTrash(app: App): Trash {
	return {
		description: "the trash (Obsidian's or the system's, as set under Files and links → Deleted files)",
		async trash(path) {
			const file = app.vault.getFileByPath(path);
			if (file === null) throw new Error("the file is not in the vault");
			await app.fileManager.trashFile(file);
		},
	};
}
