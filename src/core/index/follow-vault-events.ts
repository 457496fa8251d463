/** Keeps the index and notes in step with renames and deletions reported by the host (Obsidian's vault events). */
import type { PhotoRecord } from "../model/photo-record";
import { allocateNote, type IndexContext } from "./index-context";

/** The photo moved: its note moves with it (the host updates links to it), never a second note. */
export async function followRename(ctx: IndexContext, oldPath: string, newPath: string): Promise<boolean> {
	const record = ctx.index.get(oldPath);
	if (!record) return false;
	if (!ctx.isPhoto(newPath)) {
		// Moved out of the photo folders: as far as the library knows, the original is gone.
		await followDelete(ctx, oldPath);
		return true;
	}
	ctx.index.delete(oldPath);
	const note = allocateNote(ctx, newPath);
	const moved: PhotoRecord = { ...record, path: newPath, note };
	delete moved.missingSince;
	delete moved.offloadedAt;
	ctx.index.put(moved);
	if (note !== record.note && (await ctx.notes.read(record.note)) !== null) {
		await ctx.notes.move(record.note, note);
	}
	await ctx.writeNote(moved);
	await ctx.save();
	return true;
}

/** The original was deleted: the note stays, with the user's text, marked as missing its original. */
export async function followDelete(ctx: IndexContext, path: string): Promise<boolean> {
	const record = ctx.index.get(path);
	if (!record || record.missingSince) return false;
	const missing: PhotoRecord = { ...record, missingSince: ctx.now().toISOString() };
	ctx.index.put(missing);
	await ctx.writeNote(missing);
	await ctx.save();
	return true;
}
