/**
 * A binary file of named sections behind a JSON header, the container of the index file (index-file.ts says
 * what goes in it). Layout, little-endian: four magic bytes, u32 version, u32 header length, u32 0, the header
 * (JSON, UTF-8: the caller's fields plus `bytes`, the sections' total length, and `sections`, name to
 * [offset from the first multiple of 8 after the header, length]), then the sections, each at a multiple of 8
 * bytes so a column can be read in place as a typed array. The file ends where the sections do: a file cut
 * short or grown is refused.
 */

/** Offset from the start of the sections, and length. */
export type Section = [offset: number, length: number];

export interface SectionedHeader {
	bytes: number;
	sections: Record<string, Section>;
}

const PREAMBLE = 16;

const dataStart = (headerLength: number): number => Math.ceil((PREAMBLE + headerLength) / 8) * 8;

export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function hasMagic(bytes: Uint8Array, magic: readonly number[]): boolean {
	return bytes.byteLength >= PREAMBLE && magic.every((b, i) => bytes[i] === b);
}

/** Sections laid end to end at multiples of 8 bytes. */
export class SectionWriter {
	private readonly sections: Record<string, Section> = {};
	private readonly parts: Uint8Array[] = [];
	private length = 0;

	add(name: string, bytes: Uint8Array): void {
		const padding = (8 - (this.length % 8)) % 8;
		if (padding > 0) this.push(new Uint8Array(padding));
		this.sections[name] = [this.length, bytes.byteLength];
		this.push(bytes);
	}

	/** The header and the sections, as one file. */
	finish(magic: readonly number[], version: number, header: object): Uint8Array {
		const headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, bytes: this.length, sections: this.sections }));
		const start = dataStart(headerBytes.byteLength);
		const file = new Uint8Array(start + this.length);
		file.set(magic, 0);
		const view = new DataView(file.buffer);
		view.setUint32(4, version, true);
		view.setUint32(8, headerBytes.byteLength, true);
		file.set(headerBytes, PREAMBLE);
		let at = start;
		for (const part of this.parts) {
			file.set(part, at);
			at += part.byteLength;
		}
		return file;
	}

	private push(bytes: Uint8Array): void {
		this.parts.push(bytes);
		this.length += bytes.byteLength;
	}
}

/** Reads a sectioned file's header and sections; `fail` makes the caller's error for what is wrong. */
export class SectionReader<Header extends SectionedHeader> {
	readonly header: Header;
	private readonly data: Uint8Array;

	constructor(bytes: Uint8Array, version: number, private readonly fail: (why: string) => Error) {
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		const found = view.getUint32(4, true);
		if (found !== version) throw fail(`unknown version ${found}`);
		const length = view.getUint32(8, true);
		if (PREAMBLE + length > bytes.byteLength) throw fail("its header is cut short");
		let header: Header;
		try {
			header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + length))) as Header;
		} catch {
			throw fail("its header is not JSON");
		}
		const expected = dataStart(length) + (header?.bytes ?? Number.NaN);
		if (expected !== bytes.byteLength) throw fail(`${expected} bytes expected, ${bytes.byteLength} found: cut short or grown`);
		if (!LITTLE_ENDIAN) throw fail("it was written on a little-endian machine and is read on a big-endian one");
		this.header = header;
		this.data = bytes.subarray(bytes.byteLength - header.bytes);
	}

	raw(name: string, length?: number): Uint8Array {
		const section = this.header.sections?.[name];
		if (!Array.isArray(section)) throw this.fail(`no ${name} section`);
		const [offset, size] = section;
		if (!Number.isInteger(offset) || !Number.isInteger(size) || offset < 0 || size < 0 || offset + size > this.data.byteLength) {
			throw this.fail(`its ${name} section lies outside the file`);
		}
		if (length !== undefined && size !== length) throw this.fail(`its ${name} section holds ${size} bytes, not ${length}`);
		return this.data.subarray(offset, offset + size);
	}

	/**
	 * A column as a typed array over the file's own bytes where they lie at a multiple of its element size (a file
	 * read into its own buffer), else a copy: in place, a 26 MB index keeps 12 MB of columns without copying them
	 * into fresh memory.
	 */
	float64(name: string, count: number): Float64Array {
		const raw = this.raw(name, count * 8);
		return raw.byteOffset % 8 === 0 ? new Float64Array(raw.buffer, raw.byteOffset, count) : new Float64Array(new Uint8Array(raw).buffer);
	}

	uint32(name: string, count: number): Uint32Array {
		const raw = this.raw(name, count * 4);
		return raw.byteOffset % 4 === 0 ? new Uint32Array(raw.buffer, raw.byteOffset, count) : new Uint32Array(new Uint8Array(raw).buffer);
	}

	json<T>(name: string): T {
		try {
			return JSON.parse(new TextDecoder().decode(this.raw(name))) as T;
		} catch {
			throw this.fail(`its ${name} section is not JSON`);
		}
	}
}

export const asBytes = (array: Float64Array | Uint32Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** Bytes appended one piece at a time into a buffer that doubles as it fills. */
export class ByteBuilder {
	private buffer = new Uint8Array(1 << 16);
	length = 0;
	private readonly encoder = new TextEncoder();

	addBytes(bytes: Uint8Array): void {
		this.reserve(bytes.byteLength);
		this.buffer.set(bytes, this.length);
		this.length += bytes.byteLength;
	}

	addText(text: string): void {
		// At most three bytes per UTF-16 unit.
		this.reserve(text.length * 3);
		this.length += this.encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
	}

	bytes(): Uint8Array {
		return this.buffer.subarray(0, this.length);
	}

	private reserve(more: number): void {
		if (this.length + more <= this.buffer.byteLength) return;
		const bigger = new Uint8Array(Math.max(this.buffer.byteLength * 2, this.length + more));
		bigger.set(this.buffer.subarray(0, this.length));
		this.buffer = bigger;
	}
}
