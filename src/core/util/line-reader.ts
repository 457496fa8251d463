/**
 * The lines of a line-delimited file, held as a string or as its UTF-8 bytes. Bytes are decoded a chunk of
 * about a megabyte at a time, cut at a line break (0x0A never occurs inside a multi-byte UTF-8 character), so
 * a 25 MB index never becomes one string whose decoding would block the interface in a single task.
 */

const CHUNK_BYTES = 1 << 20;
const LINE_BREAK = 0x0a;

export type FileContent = string | Uint8Array;

export class LineReader {
	private text: string;
	/** Where the next line starts in `text`. */
	private at = 0;
	/** Bytes not decoded yet start here (bytes only). */
	private byteAt = 0;
	private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
	/** Set at the end when text followed the last line break: a file cut short. */
	unterminated = false;

	constructor(private readonly content: FileContent) {
		this.text = typeof content === "string" ? content : "";
	}

	/** The next complete line, without its line break; null at the end of the file. */
	next(): string | null {
		for (;;) {
			const end = this.text.indexOf("\n", this.at);
			if (end >= 0) {
				const line = this.text.slice(this.at, end);
				this.at = end + 1;
				return line;
			}
			if (!this.decodeMore()) {
				this.unterminated = this.at < this.text.length;
				return null;
			}
		}
	}

	/** Decodes the next chunk of bytes, ending at a line break when there is one; false when none is left. */
	private decodeMore(): boolean {
		const bytes = this.content;
		if (typeof bytes === "string" || this.byteAt >= bytes.length) return false;
		const limit = Math.min(this.byteAt + CHUNK_BYTES, bytes.length);
		let cut = limit === bytes.length ? limit - 1 : bytes.lastIndexOf(LINE_BREAK, limit - 1);
		// A line longer than a chunk: go on to its end.
		if (cut < this.byteAt) cut = bytes.indexOf(LINE_BREAK, limit);
		if (cut < 0) cut = bytes.length - 1;
		this.text = this.text.slice(this.at) + this.decoder.decode(bytes.subarray(this.byteAt, cut + 1));
		this.at = 0;
		this.byteAt = cut + 1;
		return true;
	}
}
