/**
 * The album-export settings (the `export` section of data.json): where archives go in the vault, how large
 * resized copies are, the folder last chosen on this computer, and the last choices of the options dialog.
 * On a phone the archive is built in memory, so it is capped by the backup's "largest file on mobile".
 */
import { unsafePathReason } from "../restore/safe-path";

export interface ExportSettings {
	/** Vault folder the archives go into ("Exports"). */
	folder: string;
	/** Longest edge of a resized copy, in pixels. */
	maxEdge: number;
	/** The folder on this computer last exported to (desktop), "" when none. */
	computerFolder: string;
	/** Remembered from the last export: remove the location, make resized copies. */
	stripLocation: boolean;
	resize: boolean;
}

export const MIN_EDGE = 320, MAX_EDGE = 8192;

export const DEFAULT_EXPORT_SETTINGS: Readonly<ExportSettings> = Object.freeze({
	folder: "Exports",
	maxEdge: 2048,
	computerFolder: "",
	stripLocation: false,
	resize: false,
});

/** A vault folder without leading or trailing slashes, or the default when it is empty or could leave the vault. */
export function normalizeExportFolder(value: unknown): string {
	const folder = typeof value === "string" ? value.trim().replace(/^\/+|\/+$/g, "") : "";
	return folder === "" || unsafePathReason(folder) !== null ? DEFAULT_EXPORT_SETTINGS.folder : folder;
}

/** Settings from an untrusted object (data.json written by any version, or by hand). */
export function normalizeExportSettings(raw: unknown): ExportSettings {
	const source = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
	const edge = source.maxEdge;
	return {
		folder: normalizeExportFolder(source.folder),
		maxEdge: typeof edge === "number" && Number.isInteger(edge) && edge >= MIN_EDGE && edge <= MAX_EDGE ? edge : DEFAULT_EXPORT_SETTINGS.maxEdge,
		computerFolder: typeof source.computerFolder === "string" ? source.computerFolder.trim() : "",
		stripLocation: source.stripLocation === true,
		resize: source.resize === true,
	};
}
