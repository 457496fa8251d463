/** Marks photos whose originals "Free up space" removed: absent on purpose, not lost, in the index and in their notes. */
import type { IndexContext } from "../index/index-context";

export async function markOffloaded(ctx: IndexContext, paths: readonly string[]): Promise<void> {
	const at = ctx.now().toISOString();
	for (const path of paths) {
		const record = ctx.index.get(path);
		if (record === undefined) continue;
		// The vault's delete event may have marked it missing already: it is offloaded all the same.
		const offloaded = { ...record, missingSince: record.missingSince ?? at, offloadedAt: at };
		ctx.index.put(offloaded);
		try {
			await ctx.writeNote(offloaded);
		} catch (error) {
			ctx.log.warn(`The note of ${path} could not be marked offloaded`, error);
		}
	}
	await ctx.save();
}
