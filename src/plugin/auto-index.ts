/** Keeps the index in step with the vault while Obsidian runs: new and changed photos, renames, deletions. */
import { debounce, TFile, type EventRef, type TAbstractFile, type Vault } from "obsidian";
import type { IndexService } from "./indexing/index-service";

/** A camera import or a sync writes many photos in a burst: one run for the burst, once it settles. */
export const AUTO_INDEX_DELAY_MS = 2_000;

export interface AutoIndexDeps {
	vault: Pick<Vault, "on">;
	registerEvent: (ref: EventRef) => void;
	/** Runs `cleanup` when the plugin unloads. */
	register: (cleanup: () => void) => void;
	service: Pick<IndexService, "isPhotoPath" | "reindexQuietly" | "photoRenamed" | "photoDeleted">;
	/** Read at each event, so turning the setting off takes effect at once. */
	enabled: () => boolean;
	delayMs?: number;
}

/**
 * Call once the layout is ready: before that, Obsidian reports every file of the vault as created.
 * Our own note writes come through here too; they are not photo paths, so they cost nothing.
 */
export function followVaultChanges(deps: AutoIndexDeps): void {
	const { service } = deps;
	const pending = new Set<string>();
	const flush = debounce(
		() => {
			const paths = [...pending];
			pending.clear();
			if (paths.length > 0) void service.reindexQuietly(paths);
		},
		deps.delayMs ?? AUTO_INDEX_DELAY_MS,
		true,
	);
	deps.register(() => flush.cancel());

	const photoFile = (file: TAbstractFile): file is TFile => file instanceof TFile && deps.enabled();

	const changed = (file: TAbstractFile): void => {
		if (!photoFile(file) || !service.isPhotoPath(file.path)) return;
		pending.add(file.path);
		flush();
	};
	deps.registerEvent(deps.vault.on("create", changed));
	deps.registerEvent(deps.vault.on("modify", changed));

	deps.registerEvent(
		deps.vault.on("rename", (file, oldPath) => {
			if (!photoFile(file)) return;
			// The engine follows a known photo, indexes one that moved into the photo folders, and
			// ignores the rest; a pending re-index of the old path would only find it missing.
			pending.delete(oldPath);
			if (service.isPhotoPath(oldPath) || service.isPhotoPath(file.path)) void service.photoRenamed(oldPath, file.path);
		}),
	);
	deps.registerEvent(
		deps.vault.on("delete", (file) => {
			if (!photoFile(file)) return;
			pending.delete(file.path);
			if (service.isPhotoPath(file.path)) void service.photoDeleted(file.path);
		}),
	);
}
