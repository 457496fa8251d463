/**
 * Length-preserving edits of a file ("put these bytes at this offset"), applied to its bytes as they stream
 * past, so a copy with its location removed never needs the whole file in memory.
 */
import type { ByteRange } from "../../ports/file-store";
import type { ByteSource } from "../../ports/byte-source";

export interface BytePatch {
	/** Where the bytes go, from the start of the file. */
	offset: number;
	bytes: Uint8Array;
}

/** What removing a file's location takes: the patches, or why it cannot be done safely. */
export interface LocationPlan {
	patches: BytePatch[];
	/** Why the location cannot be removed safely (the file is then left out); empty when it can. */
	problems: string[];
}

/** Patches in file order. They should not overlap; where they do, the one starting later (or listed later) wins. */
function ordered(patches: readonly BytePatch[]): BytePatch[] {
	return patches.map((p, i) => ({ p, i })).sort((a, b) => a.p.offset - b.p.offset || a.i - b.i).map(({ p }) => p);
}

/** A copy of `chunk` (which starts at `start` in the file) with every patch that touches it applied. */
function patchChunk(chunk: Uint8Array, start: number, patches: readonly BytePatch[]): Uint8Array {
	const end = start + chunk.length;
	let copy: Uint8Array | null = null;
	for (const patch of patches) {
		const from = Math.max(start, patch.offset), to = Math.min(end, patch.offset + patch.bytes.length);
		if (from >= to) continue;
		// The host may hand out shared buffers (Node's read streams do): never write into them.
		copy ??= chunk.slice();
		copy.set(patch.bytes.subarray(from - patch.offset, to - patch.offset), from - start);
	}
	return copy ?? chunk;
}

/** `stream` (the file's bytes from offset 0) with `patches` applied; bytes past the end of the file are dropped. */
export async function* patchedStream(stream: AsyncIterable<Uint8Array>, patches: readonly BytePatch[]): AsyncGenerator<Uint8Array> {
	const sorted = ordered(patches);
	let position = 0, first = 0;
	for await (const chunk of stream) {
		const end = position + chunk.length;
		while (first < sorted.length && (sorted[first]?.offset ?? 0) + (sorted[first]?.bytes.length ?? 0) <= position) first++;
		const touching: BytePatch[] = [];
		for (let i = first; i < sorted.length && (sorted[i]?.offset ?? end) < end; i++) touching.push(sorted[i] as BytePatch);
		yield touching.length === 0 ? chunk : patchChunk(chunk, position, touching);
		position = end;
	}
}

/** `source` as it reads once `patches` are applied: what the stripped copy holds, for checking it before it is written. */
export function patchedSource(source: ByteSource, patches: readonly BytePatch[]): ByteSource {
	const sorted = ordered(patches);
	return {
		size: source.size,
		async read(range: ByteRange) {
			return patchChunk(await source.read(range), Math.max(0, range.start), sorted);
		},
	};
}
