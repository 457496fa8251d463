/**
 * Line-delimited JSON files with a versioned header, the way the index file is kept: line 1 is
 * `{ format, version, count, … }`, then one row per line; a file whose row count disagrees with its
 * header was cut short and is rejected as corrupt, so a caller never works from half a file.
 */
import { PhotoArchivistError } from "../model/errors";

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
	version: number;
	/** What the file is, for messages: "backup manifest". */
	what: string;
	/** Turns one parsed line into a row; throws (use `fail`) when the line is not one. */
	decode: (value: unknown, lineNo: number, fail: (why: string) => never) => Row;
}

export function parseJsonl<Row>(text: string, spec: JsonlFormat<Row>): { header: JsonlHeader; rows: Row[] } {
	const fail = (why: string): never => {
		throw new PhotoArchivistError("corrupt", `${spec.what} is damaged (${why})`);
	};
	const firstBreak = text.indexOf("\n");
	if (firstBreak < 0) fail("no header");
	let header: JsonlHeader | undefined;
	try {
		header = JSON.parse(text.slice(0, firstBreak)) as JsonlHeader;
	} catch {
		fail("header is not JSON");
	}
	if (typeof header !== "object" || header === null || header.format !== spec.format) return fail(`not a ${spec.what}`);
	if (header.version !== spec.version) fail(`unknown version ${String(header.version)}`);
	const rows: Row[] = [];
	let start = firstBreak + 1;
	let lineNo = 2;
	while (start < text.length) {
		const end = text.indexOf("\n", start);
		if (end < 0) fail(`line ${lineNo} is cut short`);
		let value: unknown;
		try {
			value = JSON.parse(text.slice(start, end));
		} catch {
			fail(`line ${lineNo} is not JSON`);
		}
		rows.push(spec.decode(value, lineNo, fail));
		start = end + 1;
		lineNo++;
	}
	if (rows.length !== header.count) fail(`expected ${header.count} entries, found ${rows.length}`);
	return { header, rows };
}
