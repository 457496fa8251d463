/** createDuplicateService: duplicate search, one photo's group, and "keep this one", as `engine.duplicates`. */
import type { PhotoRecord } from "../model/photo-record";
import type { DataStore } from "../ports/data-store";
import type { FileStore } from "../ports/file-store";
import type { Trash } from "../ports/file-writer";
import type { Log } from "../ports/log";
import type { NoteStore } from "../ports/note-store";
import type { PreviewDecoder } from "../ports/preview-decoder";
import { normalizeThreshold } from "./duplicate-settings";
import type { DuplicateService } from "./duplicate-types";
import { groupOfPhoto } from "./group-of-photo";
import { HashCache } from "./hash-cache";
import { keepDuplicate } from "./keep-duplicate";
import { createPreviewHasher } from "./preview-hash";
import { renderReportSection, reportNotePath, writeReportNote } from "./report-note";
import { searchDuplicates, type SearchDeps } from "./search-duplicates";

export interface DuplicateServiceDeps {
	files: FileStore;
	notes: NoteStore;
	data: DataStore;
	log: Log;
	now: () => Date;
	notesFolder: string;
	/** Null or absent where the host decodes no image: only identical copies are found then. */
	decoder?: PreviewDecoder | null;
	trash?: Trash;
	/** Every record of the index, once it is loaded. */
	records: () => Promise<Iterable<PhotoRecord>>;
	/** A record of the loaded index (called inside `exclusive`). */
	record: (path: string) => PhotoRecord | undefined;
	/** Runs `operation` alone against the index: no index run or vault event interleaves. */
	exclusive: <T>(operation: () => Promise<T>) => Promise<T>;
	/** Drops photos from the index and saves it (called inside `exclusive`). */
	forget: (paths: readonly string[]) => Promise<void>;
	/** Writes a photo's note again from the index (called inside `exclusive`). */
	refreshNote?: (path: string) => Promise<void>;
	pause?: () => Promise<void>;
	/** After a keep, outside `exclusive`: album galleries follow (a failure there is logged, the keep stands). */
	afterKeep?: (keptPath: string) => Promise<void>;
}

export function createDuplicateService(deps: DuplicateServiceDeps): DuplicateService {
	const decoder = deps.decoder ?? null;
	const hasher = decoder === null ? null : createPreviewHasher(deps.files, decoder);
	// Each operation reads the cache file afresh: a lookup during a long search must not reset the search's cache.
	const searchDeps = (): SearchDeps => ({
		records: deps.records,
		hasher,
		decoderId: decoder?.id ?? "none",
		cache: new HashCache({ data: deps.data, log: deps.log, ...(deps.pause ? { pause: deps.pause } : {}) }),
		...(deps.pause ? { pause: deps.pause } : {}),
	});
	const reportPath = reportNotePath(deps.notesFolder);
	// One search at a time: two would hash the same photos and race on the cache file.
	let running: Promise<unknown> = Promise.resolve();

	return {
		reportPath,
		find: (options = {}) => {
			const run = running.then(async () => {
				const threshold = normalizeThreshold(options.threshold);
				const found = await searchDuplicates(searchDeps(), { threshold, ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
				const report = { ...found, note: null as string | null };
				if (options.writeNote !== false && !report.cancelled) {
					options.onProgress?.({ phase: "report", done: 0, total: 1 });
					await writeReportNote(deps.notes, reportPath, renderReportSection(report, deps.now().toISOString(), options.vaultName));
					report.note = reportPath;
				}
				return report;
			});
			running = run.catch(() => undefined);
			return run;
		},
		groupOf: (photoPath, options = {}) => groupOfPhoto(searchDeps(), photoPath, normalizeThreshold(options.threshold)),
		keep: async (keptPath, others) => {
			const keepDeps = {
				notes: deps.notes, record: deps.record, exclusive: deps.exclusive, forget: deps.forget,
				...(deps.trash ? { trash: deps.trash } : {}), ...(deps.refreshNote ? { refreshNote: deps.refreshNote } : {}),
			};
			const result = await keepDuplicate(keepDeps, keptPath, others);
			if (result.trashed.length > 0) {
				await deps.afterKeep?.(keptPath).catch((error: unknown) => deps.log.warn(`Albums not refreshed after keeping ${keptPath}`, error));
			}
			return result;
		},
	};
}
