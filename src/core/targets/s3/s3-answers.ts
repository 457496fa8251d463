/** The S3 answers the target reads: listings, error documents, and the steps of a multipart upload. */
import { TargetError } from "../../model/target-error";
import { child, children, parseXml, textOf, type XmlElement } from "./s3-xml";

export interface S3ErrorDocument {
	code: string;
	message: string;
	/** Where the server says the bucket is, when it is elsewhere (AWS's AuthorizationHeaderMalformed, PermanentRedirect). */
	region?: string;
	endpoint?: string;
}

export interface ListedObject {
	key: string;
	size: number;
	etag?: string;
	modified?: string;
}

export interface ObjectPage {
	objects: ListedObject[];
	/** The "folders": prefixes ending in the delimiter. */
	prefixes: string[];
	/** Set when there is another page. */
	continuationToken?: string;
}

export interface ListedPart {
	number: number;
	etag: string;
	size: number;
}

export interface PartPage {
	parts: ListedPart[];
	nextMarker?: string;
}

function read(xml: string, what: string): XmlElement {
	try {
		return parseXml(xml);
	} catch (error) {
		throw new TargetError("transient", `The server's answer to ${what} could not be read (${error instanceof Error ? error.message : String(error)}).`);
	}
}

function expect(root: XmlElement, name: string, what: string): XmlElement {
	if (root.name !== name) throw new TargetError("refused", `The server answered ${what} with <${root.name}> instead of <${name}>: is this an S3 endpoint?`);
	return root;
}

/** The error document of a failed request, or null when the body is not one (empty, HTML from a proxy). */
export function parseErrorDocument(xml: string): S3ErrorDocument | null {
	if (!xml.includes("<Error")) return null;
	let root: XmlElement;
	try {
		root = parseXml(xml);
	} catch {
		return null;
	}
	if (root.name !== "Error") return null;
	const doc: S3ErrorDocument = { code: textOf(root, "Code") ?? "", message: textOf(root, "Message") ?? "" };
	const region = textOf(root, "Region");
	const endpoint = textOf(root, "Endpoint");
	if (region) doc.region = region;
	if (endpoint) doc.endpoint = endpoint;
	return doc;
}

function number(text: string | undefined): number {
	const value = Number(text);
	return Number.isFinite(value) ? value : 0;
}

export function parseObjectPage(xml: string): ObjectPage {
	const root = expect(read(xml, "a listing"), "ListBucketResult", "a listing");
	const page: ObjectPage = {
		objects: children(root, "Contents").map((entry) => {
			const object: ListedObject = { key: textOf(entry, "Key") ?? "", size: number(textOf(entry, "Size")) };
			const etag = textOf(entry, "ETag");
			const modified = textOf(entry, "LastModified");
			if (etag) object.etag = etag;
			if (modified) object.modified = modified;
			return object;
		}),
		prefixes: children(root, "CommonPrefixes").map((entry) => textOf(entry, "Prefix") ?? ""),
	};
	const token = textOf(root, "NextContinuationToken");
	if (textOf(root, "IsTruncated") === "true" && token) page.continuationToken = token;
	return page;
}

export function parseUploadId(xml: string): string {
	const root = expect(read(xml, "starting an upload"), "InitiateMultipartUploadResult", "starting an upload");
	const id = textOf(root, "UploadId");
	if (!id) throw new TargetError("refused", "The server started a multipart upload but gave no upload id.");
	return id;
}

export function parsePartPage(xml: string): PartPage {
	const root = expect(read(xml, "listing an upload's parts"), "ListPartsResult", "listing an upload's parts");
	const page: PartPage = {
		parts: children(root, "Part").map((part) => ({
			number: number(textOf(part, "PartNumber")),
			etag: textOf(part, "ETag") ?? "",
			size: number(textOf(part, "Size")),
		})),
	};
	const marker = textOf(root, "NextPartNumberMarker");
	if (textOf(root, "IsTruncated") === "true" && marker) page.nextMarker = marker;
	return page;
}

/**
 * The ETag of a finished CompleteMultipartUpload or CopyObject. Both may answer 200 and still have failed,
 * with an <Error> in the body (S3 sends the status before the work is done): that is returned as the error.
 */
export function parseFinished(xml: string, expected: "CompleteMultipartUploadResult" | "CopyObjectResult"): { etag?: string } | { error: S3ErrorDocument } {
	const error = parseErrorDocument(xml);
	if (error) return { error };
	const root = read(xml, "finishing an upload");
	if (root.name !== expected) throw new TargetError("transient", `The server answered with <${root.name}> instead of <${expected}>.`);
	const etag = child(root, "ETag")?.text;
	return etag ? { etag } : {};
}

/** The body of CompleteMultipartUpload: every part, in order, with the ETag the server gave it. */
export function completeUploadXml(parts: readonly { number: number; etag: string }[]): string {
	const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
	const items = [...parts]
		.sort((a, b) => a.number - b.number)
		.map((part) => `<Part><PartNumber>${part.number}</PartNumber><ETag>${escape(part.etag)}</ETag></Part>`);
	return `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${items.join("")}</CompleteMultipartUpload>`;
}
