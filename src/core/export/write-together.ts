/**
 * The archives of one export saved so that they appear together or not at all. Each part goes through the
 * destination's writer, which writes under a temporary name and renames it into place when the part's body
 * ends; here each body, once its last byte is out, waits for the other parts before it ends. So the renames
 * happen only once every part is complete, and a failure or a cancellation ends the waiting bodies with an
 * error instead: each writer drops its temporary file and nothing shows. Should a rename fail at that last
 * step, the parts already in place are removed again.
 */
import { describeError } from "../model/errors";
import type { ExportDestination } from "./export-types";

/** How a part's write ended: null when saved, else what it threw. */
type Outcome = null | { error: unknown };

/** `bytes`, then waiting for the decision: end (the writer saves the part) or throw (it drops it). */
async function* held(bytes: AsyncIterable<Uint8Array>, complete: () => void, decision: Promise<boolean>): AsyncGenerator<Uint8Array> {
	yield* bytes;
	complete();
	if (!(await decision)) throw new Error("another part of this export could not be written");
}

async function removeSaved(destination: ExportDestination, paths: readonly string[], outcomes: readonly Outcome[], failure: unknown): Promise<never> {
	const stuck: string[] = [];
	for (const [i, path] of paths.entries()) {
		if (outcomes[i] === null) await destination.remove(path).catch(() => stuck.push(path));
	}
	if (stuck.length === 0) throw failure;
	throw new Error(`${describeError(failure)}; ${stuck.join(", ")} could not be removed again: delete ${stuck.length === 1 ? "it" : "them"}, the set of parts is incomplete`);
}

/** Writes `paths[i]` from `body(i)`, one part after the other; all are saved, or none is. */
export async function writeTogether(destination: ExportDestination, paths: readonly string[], body: (part: number) => AsyncIterable<Uint8Array>): Promise<void> {
	let decide: (commit: boolean) => void = () => undefined;
	const decision = new Promise<boolean>((resolve) => (decide = resolve));
	const writes: Promise<Outcome>[] = [];
	try {
		for (const [part, path] of paths.entries()) {
			let complete: () => void = () => undefined;
			const written = new Promise<Outcome>((resolve) => (complete = () => resolve(null)));
			const write = destination.writer.writeNew(path, held(body(part), complete, decision)).then((): Outcome => null, (error: unknown): Outcome => ({ error }));
			writes.push(write);
			// The next part starts once this one's bytes are all out; a writer that fails or ends early stops the export.
			const early = write.then((outcome): Outcome => outcome ?? { error: new Error(`${path} was saved before its last byte was written`) });
			const outcome = await Promise.race([written, early]);
			if (outcome !== null) throw outcome.error;
		}
	} catch (error) {
		decide(false);
		await Promise.all(writes);
		throw error;
	}
	decide(true);
	const outcomes = await Promise.all(writes);
	const failed = outcomes.find((outcome) => outcome !== null);
	if (failed) await removeSaved(destination, paths, outcomes, failed.error);
}
