/** Random access to one file's bytes, so a reader fetches only the parts it needs. */
import type { ByteRange } from "./file-store";

export interface ByteSource {
	readonly size: number;
	/** Bytes of `range`, clipped to the file's end. */
	read(range: ByteRange): Promise<Uint8Array>;
}
