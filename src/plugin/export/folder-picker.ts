/**
 * The system's folder picker on desktop, through Electron's dialog as Obsidian exposes it to plugins
 * (`require("electron").remote`, Obsidian's bundled @electron/remote). It is not part of Obsidian's API:
 * where it is missing (mobile, or a desktop build without it), null, and the folder is typed instead.
 */
import { Platform } from "obsidian";

interface OpenDialogResult {
	canceled: boolean;
	filePaths: string[];
}

interface ElectronDialog {
	showOpenDialog(options: { title: string; properties: string[] }): Promise<OpenDialogResult>;
}

function electronDialog(): ElectronDialog | null {
	if (!Platform.isDesktopApp) return null;
	try {
		const load = (window as unknown as { require?: (id: string) => unknown }).require;
		const electron = load?.("electron") as { remote?: { dialog?: Partial<ElectronDialog> } } | undefined;
		const dialog = electron?.remote?.dialog;
		return typeof dialog?.showOpenDialog === "function" ? (dialog as ElectronDialog) : null;
	} catch {
		return null;
	}
}

/** A function asking the user for a folder (its absolute path, or null when cancelled), or null where there is no picker. */
export function folderPicker(): (() => Promise<string | null>) | null {
	const dialog = electronDialog();
	if (dialog === null) return null;
	return async () => {
		const result = await dialog.showOpenDialog({ title: "Folder for the album's ZIP archive", properties: ["openDirectory", "createDirectory"] });
		return result.canceled ? null : (result.filePaths[0] ?? null);
	};
}
