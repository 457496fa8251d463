/** Reading a byte range from an open file handle, for the Node-backed adapters (CLI and Obsidian desktop). */

/** The one method of Node's FileHandle this needs, so the module itself imports nothing from Node. */
export interface PositionalReader {
	read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
}

/**
 * `length` bytes from `position`, fewer only where the file ends first. One read() may return less than
 * asked (a pipe, a network file system), so it loops until the range is filled or the file runs out.
 */
export async function readFully(handle: PositionalReader, position: number, length: number): Promise<Uint8Array> {
	const buffer = new Uint8Array(Math.max(0, length));
	let filled = 0;
	while (filled < buffer.length) {
		const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled);
		if (bytesRead === 0) break;
		filled += bytesRead;
	}
	return filled === buffer.length ? buffer : buffer.subarray(0, filled);
}
