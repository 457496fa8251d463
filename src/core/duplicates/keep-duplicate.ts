/**
 * "Keep this one": the kept photo's note takes in what the user put in the other copies' notes, then the
 * other originals and their notes go to the trash (recoverable, never a hard delete) and leave the index.
 * Runs inside the engine's exclusive section, so the vault's delete events that follow find nothing to do.
 */
import { describeError, PhotoArchivistError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import { splitFrontMatter } from "../notes/front-matter";
import type { Trash } from "../ports/file-writer";
import type { NoteStore, Properties } from "../ports/note-store";
import type { KeepResult } from "./duplicate-types";
import { appendMergedText, mergeUserProperties, type MergedNote } from "./merge-duplicate-notes";

export interface KeepDeps {
	notes: NoteStore;
	/** Without one (a host that cannot trash), keeping reports that it cannot run. */
	trash?: Trash;
	/** Looks a photo up in the index (called inside `exclusive`, once the index is loaded). */
	record: (path: string) => PhotoRecord | undefined;
	exclusive: <T>(operation: () => Promise<T>) => Promise<T>;
	/** Drops photos from the index and saves it (called inside `exclusive`). */
	forget: (paths: readonly string[]) => Promise<void>;
	/**
	 * Writes the photo's note again from the index (called inside `exclusive`): automatic tags merged in from
	 * another copy (its camera, its month) give way to the kept photo's own.
	 */
	refreshNote?: (path: string) => Promise<void>;
}

/** The note's properties through the host's own YAML reader: an edit that changes nothing writes nothing. */
async function readProperties(notes: NoteStore, path: string): Promise<Properties> {
	let captured: Properties = {};
	await notes.update(path, { properties: (p) => { captured = structuredClone(p); } });
	return captured;
}

async function readNote(notes: NoteStore, record: PhotoRecord): Promise<MergedNote | null> {
	const text = await notes.read(record.note);
	if (text === null) return null;
	return { photoPath: record.path, properties: await readProperties(notes, record.note), body: splitFrontMatter(text).body };
}

export function keepDuplicate(deps: KeepDeps, keptPath: string, others: readonly string[]): Promise<KeepResult> {
	const { trash } = deps;
	if (trash === undefined) return Promise.reject(new PhotoArchivistError("io", "Photos cannot be moved to the trash here."));
	return deps.exclusive(async () => {
		const kept = deps.record(keptPath);
		if (kept === undefined || kept.missingSince !== undefined) {
			throw new PhotoArchivistError("io", `${keptPath} is not a photo in the vault: nothing was changed.`);
		}
		const result: KeepResult = { kept: keptPath, trashed: [], failed: [], trash: trash.description };
		const leaving: PhotoRecord[] = [];
		for (const path of new Set(others)) {
			if (path === keptPath) continue;
			const record = deps.record(path);
			if (record === undefined || record.missingSince !== undefined) result.failed.push({ path, reason: "its original is not in the vault" });
			else leaving.push(record);
		}
		const merged = (await Promise.all(leaving.map((r) => readNote(deps.notes, r)))).filter((n): n is MergedNote => n !== null);
		if (merged.length > 0) {
			// Computed once against the kept note as it is, so the edit below is the same each time it is applied.
			const before = await readProperties(deps.notes, kept.note);
			const conflicts = mergeUserProperties(structuredClone(before), merged);
			await deps.notes.update(kept.note, {
				properties: (p) => void mergeUserProperties(p, merged),
				body: (body) => appendMergedText(body, merged, conflicts),
			});
			await deps.refreshNote?.(kept.path);
		}
		for (const record of leaving) {
			try {
				await trash.trash(record.path);
			} catch (error) {
				result.failed.push({ path: record.path, reason: `not moved to the trash: ${describeError(error)}` });
				continue;
			}
			result.trashed.push(record.path);
			if ((await deps.notes.read(record.note)) === null) continue;
			try {
				await trash.trash(record.note);
			} catch (error) {
				result.failed.push({ path: record.note, reason: `the note was not moved to the trash: ${describeError(error)}` });
			}
		}
		await deps.forget(result.trashed);
		return result;
	});
}
