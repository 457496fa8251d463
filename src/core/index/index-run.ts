/**
 * One index run: list the photo folders, read only new and changed files (size or mtime differ), follow
 * moves by content hash, mark vanished originals missing, and bring each affected note up to date.
 */
import type { IndexRunOptions, IndexSummary } from "../engine-types";
import { describeError } from "../model/errors";
import type { PhotoRecord } from "../model/photo-record";
import type { FileEntry } from "../ports/file-store";
import { runPool } from "../util/run-pool";
import { TimeSlicer } from "../util/time-slices";
import { allocateNote, countPresent, emptySummary, type IndexContext } from "./index-context";
import { readPhoto } from "./read-photo";

/** Save the index every so many files, so a long first run that is interrupted keeps its hashes. */
const SAVE_EVERY = 500;
/**
 * …or every quarter of the index, when that is more: each save writes the whole index, so saving every 500
 * files of a 100,000-photo first run would write 200 ever larger files (quadratic time, and 25 MB strings and
 * buffers piling up faster than the collector frees them: over 500 MB of memory). Growing the interval with the
 * index keeps the total to about five times the index, and an interruption still keeps three quarters of it.
 */
const SAVE_SHARE = 4;

export function saveInterval(indexSize: number): number {
	return Math.max(SAVE_EVERY, Math.ceil(indexSize / SAVE_SHARE));
}

async function listPhotos(ctx: IndexContext): Promise<FileEntry[]> {
	const folders = ctx.settings.photoFolders;
	// One folder (the usual case) lists each file once: no de-duplication needed.
	if (folders.length === 1) return (await ctx.files.list(folders[0] ?? "")).filter((entry) => ctx.isPhoto(entry.path));
	const seen = new Map<string, FileEntry>();
	for (const folder of folders) {
		for (const entry of await ctx.files.list(folder)) {
			if (ctx.isPhoto(entry.path)) seen.set(entry.path, entry);
		}
	}
	return [...seen.values()];
}

/** Records whose content may reappear elsewhere: a new file with the same hash is the same photo, moved. */
class MoveCandidates {
	private readonly bySha = new Map<string, PhotoRecord[]>();

	add(record: PhotoRecord): void {
		const list = this.bySha.get(record.sha256) ?? [];
		list.push(record);
		this.bySha.set(record.sha256, list);
	}

	take(sha256: string): PhotoRecord | undefined {
		const list = this.bySha.get(sha256);
		const record = list?.shift();
		if (list && list.length === 0) this.bySha.delete(sha256);
		return record;
	}

	remaining(): PhotoRecord[] {
		return [...this.bySha.values()].flat();
	}
}

/** Indexes one file that needs reading and reports what happened to its note. */
async function indexFile(
	ctx: IndexContext,
	entry: FileEntry,
	moves: MoveCandidates,
	summary: IndexSummary,
): Promise<void> {
	let facts;
	try {
		facts = await readPhoto(ctx.files, entry);
	} catch (error) {
		summary.failed.push({ path: entry.path, reason: describeError(error) });
		return;
	}
	summary.indexed++;
	const known = ctx.index.get(entry.path);
	const moved = known ? undefined : moves.take(facts.sha256);
	let note: string;
	if (moved) {
		note = allocateNote(ctx, entry.path);
		ctx.index.delete(moved.path);
		if (moved.note !== note && (await ctx.notes.read(moved.note)) !== null) {
			await ctx.notes.move(moved.note, note);
		}
	} else {
		note = known?.note ?? allocateNote(ctx, entry.path);
	}
	const record: PhotoRecord = { path: entry.path, size: entry.size, mtimeMs: entry.mtimeMs, ...facts, note };
	// Reserve the note path before the write awaits, so a concurrent file cannot take it.
	ctx.index.put(record);
	try {
		const outcome = await ctx.writeNote(record);
		if (moved) summary.moved++;
		else if (!known) summary.created++;
		else if (outcome !== "unchanged" || known.sha256 !== record.sha256 || known.missingSince) summary.updated++;
		else summary.unchanged++;
	} catch (error) {
		summary.failed.push({ path: entry.path, reason: `note not written: ${describeError(error)}` });
	}
}

/** The records the listing did not find (moved or gone): none to look for when every record was listed. */
function unlisted(ctx: IndexContext, listed: readonly PhotoRecord[]): MoveCandidates {
	const moves = new MoveCandidates();
	if (listed.length === ctx.index.size) return moves;
	const found = new Set(listed);
	for (const record of ctx.index.values()) {
		if (!found.has(record)) moves.add(record);
	}
	return moves;
}

async function markMissing(ctx: IndexContext, record: PhotoRecord, summary: IndexSummary): Promise<void> {
	const updated: PhotoRecord = { ...record, missingSince: ctx.now().toISOString() };
	ctx.index.put(updated);
	summary.missing++;
	try {
		await ctx.writeNote(updated);
	} catch (error) {
		summary.failed.push({ path: record.path, reason: `note not marked missing: ${describeError(error)}` });
	}
}

/** Reads `toRead` (new or changed files), with saves along the way and progress. */
async function readAll(
	ctx: IndexContext,
	toRead: FileEntry[],
	moves: MoveCandidates,
	summary: IndexSummary,
	options: IndexRunOptions,
): Promise<void> {
	let done = 0;
	let sinceSave = 0;
	options.onProgress?.({ phase: "reading", done, total: toRead.length });
	await runPool(toRead, ctx.concurrency, async (entry) => {
		await indexFile(ctx, entry, moves, summary);
		done++;
		// Reported after the file, so a cancel from this callback takes effect before the next one starts.
		options.onProgress?.({ phase: "reading", done, total: toRead.length, path: entry.path });
		if (++sinceSave >= saveInterval(ctx.index.size)) {
			sinceSave = 0;
			await ctx.save();
		}
	}, options.signal);
}

export async function indexEverything(ctx: IndexContext, options: IndexRunOptions = {}): Promise<IndexSummary> {
	const summary = emptySummary();
	options.onProgress?.({ phase: "listing", done: 0, total: 0 });
	// Listing 100,000 photos and as many notes is work too: the host gets a turn after each.
	const slicer = new TimeSlicer(ctx.pause);
	const entries = await listPhotos(ctx);
	await slicer.yield();
	const noteList = await ctx.notes.list(ctx.settings.notesFolder);
	await slicer.yield();
	const existingNotes = new Set<string>();
	for (const note of noteList) {
		existingNotes.add(note);
		if (slicer.due()) await slicer.yield();
	}
	const toRead: FileEntry[] = [];
	const notesToRestore: PhotoRecord[] = [];
	const listed: PhotoRecord[] = [];
	for (const entry of entries) {
		const known = ctx.index.get(entry.path);
		if (known) listed.push(known);
		if (known && !known.missingSince && known.size === entry.size && known.mtimeMs === entry.mtimeMs) {
			if (existingNotes.has(known.note)) summary.unchanged++;
			else notesToRestore.push(known);
		} else {
			toRead.push(entry);
		}
		if (slicer.due()) await slicer.yield();
	}
	const moves = unlisted(ctx, listed);
	await readAll(ctx, toRead, moves, summary, options);
	options.onProgress?.({ phase: "notes", done: 0, total: notesToRestore.length });
	for (const record of notesToRestore) {
		if (options.signal?.aborted) break;
		try {
			await ctx.writeNote(record);
			summary.updated++;
		} catch (error) {
			summary.failed.push({ path: record.path, reason: `note not written: ${describeError(error)}` });
		}
	}
	summary.cancelled = options.signal?.aborted ?? false;
	// Only a complete listing proves an original is gone; a cancelled run marks nothing missing.
	if (!summary.cancelled) {
		for (const record of moves.remaining()) {
			if (!record.missingSince) await markMissing(ctx, record, summary);
		}
	}
	options.onProgress?.({ phase: "saving", done: 0, total: 1 });
	if (toRead.length > 0 || notesToRestore.length > 0 || summary.missing > 0) await ctx.save();
	summary.photos = countPresent(ctx.index);
	return summary;
}

/** Reads these paths again, even if unchanged; a path that no longer exists is marked missing. */
export async function indexPaths(
	ctx: IndexContext,
	paths: readonly string[],
	options: IndexRunOptions = {},
): Promise<IndexSummary> {
	const summary = emptySummary();
	const moves = new MoveCandidates();
	for (const record of ctx.index.values()) if (record.missingSince) moves.add(record);
	const toRead: FileEntry[] = [];
	for (const path of new Set(paths)) {
		const entry = ctx.isPhoto(path) ? await ctx.files.stat(path) : null;
		const known = ctx.index.get(path);
		if (entry) toRead.push(entry);
		else if (known && !known.missingSince) await markMissing(ctx, known, summary);
	}
	await readAll(ctx, toRead, moves, summary, options);
	summary.cancelled = options.signal?.aborted ?? false;
	if (toRead.length > 0 || summary.missing > 0) await ctx.save();
	summary.photos = countPresent(ctx.index);
	return summary;
}
