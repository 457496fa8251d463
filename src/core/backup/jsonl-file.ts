/**
 * Line-delimited JSON files with a versioned header, the way the index file is kept: line 1 is
 * `{ format, version, count, … }`, then one row per line; a file whose row count disagrees with its
 * header was cut short and is rejected as corrupt, so a caller never works from half a file.
 */
import { PhotoArchivistError } from "../model/errors";
import { LineReader, type FileContent } from "../util/line-reader";
import { TimeSlicer, type Pause } from "../util/time-slices";

export interface JsonlHeader {
	format: string;
	version: number;
	count: number;
	[key: string]: unknown;
}

export function serializeJsonl(header: Omit<JsonlHeader, "count">, rows: readonly unknown[]): string {
	const lines = rows.map((row) => JSON.stringify(row));
	const full: JsonlHeader = { ...header, count: lines.length } as JsonlHeader;
	return JSON.stringify(full) + "\n" + lines.join("\n") + (lines.length > 0 ? "\n" : "");
}

export interface JsonlFormat<Row> {
	format: string;
	/** The version written. */
	version: number;
	/** Older versions still read (the decoder tells them apart by the header's version). */
	alsoReads?: readonly number[];
	/** What the file is, for messages: "backup manifest". */
	what: string;
	/** Turns one parsed line into a row; throws (use `fail`) when the line is not one. */
	decode: (value: unknown, lineNo: number, fail: (why: string) => never, version: number) => Row;
	/**
	 * Optional: reads the commonest shape of line straight from its text, without JSON.parse making an array and
	 * a string per field; undefined for any other line, which then goes through `decode`.
	 */
	quickDecode?: (line: string, version: number) => Row | undefined;
}

function failer(what: string): (why: string) => never {
	return (why) => {
		throw new PhotoArchivistError("corrupt", `${what} is damaged (${why})`);
	};
}

function readHeader(lines: LineReader, spec: JsonlFormat<unknown>, fail: (why: string) => never): JsonlHeader {
	const first = lines.next();
	if (first === null) return fail("no header");
	let header: JsonlHeader | undefined;
	try {
		header = JSON.parse(first) as JsonlHeader;
	} catch {
		fail("header is not JSON");
	}
	if (typeof header !== "object" || header === null || header.format !== spec.format) return fail(`not a ${spec.what}`);
	if (header.version !== spec.version && !(spec.alsoReads ?? []).includes(header.version)) fail(`unknown version ${String(header.version)}`);
	return header;
}

function parseLine(line: string, lineNo: number, fail: (why: string) => never): unknown {
	try {
		return JSON.parse(line);
	} catch {
		return fail(`line ${lineNo} is not JSON`);
	}
}

export function parseJsonl<Row>(text: string, spec: JsonlFormat<Row>): { header: JsonlHeader; rows: Row[] } {
	const fail = failer(spec.what);
	const lines = new LineReader(text);
	const header = readHeader(lines, spec, fail);
	const rows: Row[] = [];
	for (let line = lines.next(), lineNo = 2; line !== null; line = lines.next(), lineNo++) {
		rows.push(spec.quickDecode?.(line, header.version) ?? spec.decode(parseLine(line, lineNo, fail), lineNo, fail, header.version));
	}
	if (lines.unterminated) fail(`line ${rows.length + 2} is cut short`);
	if (rows.length !== header.count) fail(`expected ${header.count} entries, found ${rows.length}`);
	return { header, rows };
}

/**
 * Like parseJsonl, over the file's text or its UTF-8 bytes, handing each row to `each` as it is decoded and
 * awaiting `pause` between slices of work (see TimeSlicer), so a 100,000-row file never blocks a host with a
 * UI for long. Returns the header.
 */
export async function eachJsonlRow<Row>(content: FileContent, spec: JsonlFormat<Row>, pause: Pause | undefined, each: (row: Row) => void): Promise<JsonlHeader> {
	const fail = failer(spec.what);
	const lines = new LineReader(content);
	const header = readHeader(lines, spec, fail);
	const slicer = new TimeSlicer(pause);
	let count = 0;
	for (let line = lines.next(), lineNo = 2; line !== null; line = lines.next(), lineNo++) {
		each(spec.quickDecode?.(line, header.version) ?? spec.decode(parseLine(line, lineNo, fail), lineNo, fail, header.version));
		count++;
		if (slicer.due()) await slicer.yield();
	}
	if (lines.unterminated) fail(`line ${count + 2} is cut short`);
	if (count !== header.count) fail(`expected ${header.count} entries, found ${count}`);
	return header;
}
