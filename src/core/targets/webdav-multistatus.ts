/** PROPFIND bodies and the multistatus answers to them (RFC 4918 §9.1), read through the webdav package's parser. */
import type { DAVResult, DAVResultResponseProps } from "webdav";
import { TargetError } from "../model/target-error";
import type { Quota } from "../ports/target";

export type ParseXml = (xml: string) => Promise<DAVResult>;

/** One resource of a multistatus answer. `path` is the decoded URL path, without a trailing "/". */
export interface DavEntry {
	path: string;
	folder: boolean;
	size: number;
	etag?: string;
	modified?: string;
}

/** Quota properties are not part of allprop (RFC 4331 §3), so they are asked for by name. */
export const QUOTA_PROPFIND =
	'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:quota-available-bytes/><d:quota-used-bytes/></d:prop></d:propfind>';

/**
 * The answer to an allprop PROPFIND. Allprop rather than a named list: a server answers found and missing
 * properties in separate propstat blocks, and the package's parser keeps only the first block.
 */
export async function parseEntries(xml: string, parseXml: ParseXml, action: string): Promise<DavEntry[]> {
	const result = await parseMultistatus(xml, parseXml, action);
	const entries: DavEntry[] = [];
	for (const response of result.multistatus.response) {
		const props = okProps(response.propstat);
		if (!props || typeof response.href !== "string") continue;
		const folder = typeof props.resourcetype === "object" && props.resourcetype !== null && "collection" in props.resourcetype;
		const entry: DavEntry = { path: hrefPath(response.href), folder, size: folder ? 0 : Number(props.getcontentlength ?? 0) };
		if (props.getetag !== undefined && props.getetag !== "") entry.etag = String(props.getetag);
		const modified = props.getlastmodified === undefined ? Number.NaN : Date.parse(String(props.getlastmodified));
		if (!Number.isNaN(modified)) entry.modified = new Date(modified).toISOString();
		entries.push(entry);
	}
	return entries;
}

/** Null when the server does not report free space (no such property, or a negative "unknown"). */
export async function parseQuota(xml: string, parseXml: ParseXml): Promise<Quota | null> {
	const result = await parseMultistatus(xml, parseXml, "asking for free space");
	const props = okProps(result.multistatus.response[0]?.propstat);
	if (!props) return null;
	const available = byteCount(props["quota-available-bytes"]);
	const used = byteCount(props["quota-used-bytes"]);
	if (available === undefined) return null;
	return used === undefined ? { available } : { available, used };
}

async function parseMultistatus(xml: string, parseXml: ParseXml, action: string): Promise<DAVResult> {
	try {
		return await parseXml(xml);
	} catch (error) {
		throw new TargetError("refused", `The server's answer could not be read while ${action}: is this a WebDAV address?`, { cause: error });
	}
}

function okProps(propstat: { prop: DAVResultResponseProps; status: string } | undefined): DAVResultResponseProps | null {
	if (!propstat || typeof propstat.status !== "string" || !/\s2\d\d(\s|$)/.test(propstat.status)) return null;
	return typeof propstat.prop === "object" && propstat.prop !== null ? propstat.prop : null;
}

function byteCount(value: unknown): number | undefined {
	if (value === undefined || value === "") return undefined;
	const count = Number(value);
	return Number.isFinite(count) && count >= 0 ? count : undefined;
}

/** "https://host/a%20b/c/" → "/a b/c": hrefs may be absolute URLs or paths, encoded as each server likes. */
export function hrefPath(href: string): string {
	const path = href.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
	const decoded = path.split("/").map(decodeSegment).join("/");
	return decoded.length > 1 && decoded.endsWith("/") ? decoded.slice(0, -1) : decoded;
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
