/** A ByteSource over a local file for tests: ranged reads through a file handle, counting what was read. */
import { open, stat } from "node:fs/promises";
import type { ByteSource } from "../../src/core/ports/byte-source";
import type { ByteRange } from "../../src/core/ports/file-store";

export interface CountingByteSource extends ByteSource {
	/** Bytes returned by `read` so far. */
	readonly bytesRead: number;
	/** How many times `read` was called. */
	readonly reads: number;
	/** Every range asked for, in order. */
	readonly ranges: readonly ByteRange[];
}

/** Wraps a plain range reader with the counters every test byte source keeps. */
function counting(size: number, readRange: (range: ByteRange) => Promise<Uint8Array>): CountingByteSource {
	let bytesRead = 0;
	let reads = 0;
	const ranges: ByteRange[] = [];
	return {
		size,
		ranges,
		get bytesRead() {
			return bytesRead;
		},
		get reads() {
			return reads;
		},
		async read(range) {
			reads++;
			ranges.push({ start: range.start, end: range.end });
			const bytes = await readRange(range);
			bytesRead += bytes.length;
			return bytes;
		},
	};
}

export async function fileByteSource(path: string): Promise<CountingByteSource> {
	const { size } = await stat(path);
	return counting(size, async ({ start, end }) => {
		const length = Math.max(0, Math.min(end, size) - start);
		const buffer = new Uint8Array(length);
		const handle = await open(path, "r");
		try {
			const { bytesRead } = await handle.read(buffer, 0, length, start);
			return buffer.subarray(0, bytesRead);
		} finally {
			await handle.close();
		}
	});
}

/** A ByteSource over bytes in memory, counting like fileByteSource. */
export function memoryByteSource(bytes: Uint8Array): CountingByteSource {
	return counting(bytes.length, async ({ start, end }) => bytes.slice(Math.max(0, start), Math.min(end, bytes.length)));
}
