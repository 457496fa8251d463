/**
 * The restore service the shells call (engine.restore): restore missing originals into the vault, restore
 * a whole target into a destination, and free up space. One operation at a time, so a restore and a
 * free-up never work on the same photo at once.
 */
import type { BackupLedger } from "../backup/backup-ledger";
import type { OpenTarget } from "../backup/backup-types";
import type { PhotoRecord } from "../model/photo-record";
import type { FileStore } from "../ports/file-store";
import type { FileWriter, Trash } from "../ports/file-writer";
import type { Log } from "../ports/log";
import { SerialQueue } from "../util/serial-queue";
import { CopyFinder } from "./copy-sources";
import { freeSpace, planFreeSpace } from "./free-space";
import { restoreAll } from "./restore-all";
import { restoreMissing } from "./restore-missing";
import { DEFAULT_FREE_SPACE_POLICY, type RestoreDestination, type RestoreService } from "./restore-types";

export interface RestoreServiceDeps {
	files: FileStore;
	/** Writes new files into the vault; without it, restoring into the vault reports it cannot. */
	vaultWriter?: FileWriter;
	/** Where "Free up space" puts originals; without it, freeing space reports it cannot. */
	trash?: Trash;
	ledger: BackupLedger;
	openTarget?: OpenTarget;
	log: Log;
	now: () => Date;
	records: () => Promise<Iterable<PhotoRecord>>;
	current: (path: string) => PhotoRecord | undefined;
	reindex: (paths: readonly string[]) => Promise<void>;
	markOffloaded: (paths: readonly string[]) => Promise<void>;
}

const NO_WRITER: FileWriter = {
	writeNew: () => Promise.reject(new Error("files cannot be written into the vault here")),
};

export function vaultDestination(files: FileStore, writer: FileWriter | undefined): RestoreDestination {
	return {
		label: "the vault",
		stat: (path) => files.stat(path),
		sha256: (path) => files.sha256(path),
		writer: writer ?? NO_WRITER,
	};
}

export function createRestoreService(deps: RestoreServiceDeps): RestoreService {
	const queue = new SerialQueue();
	const vault = vaultDestination(deps.files, deps.vaultWriter);
	const finder = (targetId?: string, signal?: AbortSignal): CopyFinder =>
		new CopyFinder({ ledger: deps.ledger, openTarget: deps.openTarget, log: deps.log, targetId, signal });
	const freeDeps = {
		ledger: deps.ledger, files: deps.files, trash: deps.trash, now: deps.now,
		records: deps.records, current: deps.current, markOffloaded: deps.markOffloaded,
	};
	return {
		restoreMissing: (options = {}) => queue.run(() => restoreMissing({
			files: deps.files, vault, finder: finder(options.targetId, options.signal), records: deps.records, reindex: deps.reindex,
		}, options)),
		restoreAll: (options) => queue.run(() => restoreAll({
			ledger: deps.ledger, finder: finder(options.targetId, options.signal), log: deps.log,
		}, options)),
		planFreeSpace: (policy = {}, paths) => queue.run(() => planFreeSpace(freeDeps, { ...DEFAULT_FREE_SPACE_POLICY, ...policy }, paths)),
		freeSpace: (plan, options) => queue.run(() => freeSpace(freeDeps, plan, options)),
	};
}
