/** Making the folders an upload goes into on a WebDAV server, once per folder however many uploads run at once. */
import { TargetError } from "../model/target-error";
import { foldersDownTo } from "./remote-path";

export interface FolderOps {
	/** MKCOL of one folder whose parent exists. */
	make(path: string, signal?: AbortSignal): Promise<void>;
	/** Whether a folder is at `path` now. */
	isFolder(path: string, signal?: AbortSignal): Promise<boolean>;
}

export class WebdavFolders {
	/** Folders made (or being made): each is created once per target, not once per file. */
	private readonly made = new Map<string, Promise<void>>();

	constructor(private readonly ops: FolderOps) {}

	/** Makes `folder` and the folders above it (below the target's root, which must exist). */
	async ensure(folder: string, signal?: AbortSignal): Promise<void> {
		for (const path of foldersDownTo(folder)) {
			let making = this.made.get(path);
			if (!making) {
				making = this.make(path, signal);
				this.made.set(path, making);
				// A failed attempt is forgotten, so that the next upload tries again.
				making.catch(() => this.made.delete(path));
			}
			await making;
		}
	}

	/**
	 * Parallel uploads into a new folder wait for the same MKCOL, as Apache answers 403 to the second of two
	 * that race. Whatever the answer, a folder that is there is fine: 405 says so (RFC 4918 §9.3.1), and
	 * after any other failure the server is asked.
	 */
	private async make(path: string, signal?: AbortSignal): Promise<void> {
		try {
			await this.ops.make(path, signal);
		} catch (error) {
			if (error instanceof TargetError && error.details.status === 405) return;
			if (error instanceof TargetError && error.code !== "cancelled" && (await this.ops.isFolder(path, signal).catch(() => false))) return;
			throw error;
		}
	}
}
