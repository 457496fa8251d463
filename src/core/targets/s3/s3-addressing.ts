/**
 * Where an S3 target's objects are: target paths to object keys (under the key prefix) and keys to request
 * URLs, path-style (endpoint/bucket/key) or virtual-hosted (bucket.endpoint/key). Keys are encoded the
 * strict RFC 3986 way that Signature V4 signs, so the URL sent and the URL signed are the same text.
 */
import { TargetError } from "../../model/target-error";
import type { S3TargetOptions } from "./s3-options";

/** encodeURIComponent leaves !'()* alone; SigV4's canonical form encodes every byte outside A-Z a-z 0-9 - . _ ~. */
export function encodeStrict(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function encodeKey(key: string): string {
	return key.split("/").map(encodeStrict).join("/");
}

export type Query = Record<string, string>;

function queryString(query: Query | undefined): string {
	if (!query) return "";
	const pairs = Object.entries(query).map(([name, value]) => `${encodeStrict(name)}=${encodeStrict(value)}`);
	return pairs.length === 0 ? "" : `?${pairs.join("&")}`;
}

function invalid(message: string): TargetError {
	return new TargetError("refused", message);
}

/** "photos/2024/" from " /photos//2024 ": no leading or doubled slashes, one at the end; "" for the bucket's root. */
export function normalizePrefix(prefix: string | undefined): string {
	const segments = (prefix ?? "").split("/").filter((segment) => segment.trim() !== "");
	for (const segment of segments) {
		if (segment === "." || segment === "..") throw invalid(`The key prefix "${prefix ?? ""}" may not hold "${segment}" as a folder name.`);
	}
	return segments.length === 0 ? "" : `${segments.join("/")}/`;
}

export class S3Addresses {
	readonly bucket: string;
	/** "" or ending in "/". */
	readonly prefix: string;
	private readonly origin: string;
	/** The endpoint's own path (behind a reverse proxy), without a trailing "/". */
	private readonly basePath: string;
	private readonly pathStyle: boolean;
	private readonly endpointHost: string;

	constructor(options: Pick<S3TargetOptions, "endpoint" | "bucket" | "prefix" | "pathStyle">) {
		let endpoint: URL;
		try {
			endpoint = new URL(options.endpoint.trim());
		} catch {
			throw invalid(`The S3 endpoint "${options.endpoint}" is not a URL: it looks like https://s3.example.com.`);
		}
		if (endpoint.protocol !== "https:" && endpoint.protocol !== "http:") {
			throw invalid(`The S3 endpoint "${options.endpoint}" must start with https:// or http://.`);
		}
		if (endpoint.username || endpoint.password) throw invalid("The S3 endpoint must not hold a user name or key: give the keys in their own settings.");
		const bucket = options.bucket.trim();
		if (bucket === "" || bucket.includes("/")) throw invalid(`"${options.bucket}" is not a bucket name: give the bucket's name alone, without slashes.`);
		if (!options.pathStyle && !/^[a-z0-9][a-z0-9.-]*$/.test(bucket)) {
			throw invalid(`The bucket "${bucket}" cannot be addressed as a host name (virtual-hosted style): turn on path-style addressing.`);
		}
		this.bucket = bucket;
		this.prefix = normalizePrefix(options.prefix);
		this.pathStyle = options.pathStyle;
		this.endpointHost = endpoint.host;
		this.basePath = endpoint.pathname.replace(/\/+$/, "");
		this.origin = options.pathStyle ? endpoint.origin : `${endpoint.protocol}//${bucket}.${endpoint.host}`;
	}

	/** The object key of a target path. */
	key(path: string): string {
		return this.prefix + path;
	}

	/** The target path of an object key, or null when the key is not under the prefix. */
	pathOf(key: string): string | null {
		return key.startsWith(this.prefix) && key.length > this.prefix.length ? key.slice(this.prefix.length) : null;
	}

	/** The key prefix listing `folder` ("" is the target's root). */
	folderPrefix(folder: string): string {
		return folder === "" ? this.prefix : `${this.prefix}${folder}/`;
	}

	objectUrl(key: string, query?: Query): string {
		return `${this.bucketRoot()}/${encodeKey(key)}${queryString(query)}`;
	}

	bucketUrl(query?: Query): string {
		return `${this.bucketRoot()}/${queryString(query)}`;
	}

	/** The x-amz-copy-source of an object of this bucket. */
	copySource(key: string): string {
		return `/${encodeStrict(this.bucket)}/${encodeKey(key)}`;
	}

	/** For messages: "the bucket photos at s3.example.com". */
	describe(): string {
		return `the bucket ${this.bucket} at ${this.endpointHost}`;
	}

	private bucketRoot(): string {
		return this.pathStyle ? `${this.origin}${this.basePath}/${encodeStrict(this.bucket)}` : `${this.origin}${this.basePath}`;
	}
}
