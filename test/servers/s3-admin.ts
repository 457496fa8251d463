/**
 * Reaching a test S3 gateway without the code under test: buckets made, objects read back and listed,
 * unfinished uploads listed — signed by aws4fetch's own client over fetch, with keys encoded here.
 */
import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import type { CephS3 } from "./ceph";

const strict = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const keyPath = (key: string): string => key.split("/").map(strict).join("/");

function tags(xml: string, name: string): string[] {
	const decode = (text: string): string =>
		text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
			e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e] ?? "",
		);
	return [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, "g"))].map((m) => decode(m[1] ?? ""));
}

export interface S3Admin {
	createBucket(bucket: string): Promise<void>;
	/** The object's bytes, or null when there is none. */
	get(bucket: string, key: string): Promise<Uint8Array | null>;
	/** The SHA-256 of the object, read in ranges of 32 MiB (for objects too big to hold). */
	sha256(bucket: string, key: string, size: number): Promise<string>;
	/** Writes an object (replacing any), as another program would. */
	put(bucket: string, key: string, bytes: Uint8Array): Promise<void>;
	remove(bucket: string, key: string): Promise<void>;
	/** Every key under `prefix` (no delimiter), sorted. */
	keys(bucket: string, prefix?: string): Promise<string[]>;
	/** Keys of the multipart uploads not yet completed or aborted. */
	uploads(bucket: string): Promise<string[]>;
	/** The part numbers the server holds for one unfinished upload. */
	parts(bucket: string, key: string, uploadId: string): Promise<number[]>;
}

export function s3Admin(server: Pick<CephS3, "endpoint" | "accessKey" | "secretKey">): S3Admin {
	const aws = new AwsClient({ accessKeyId: server.accessKey, secretAccessKey: server.secretKey, service: "s3", region: "us-east-1", retries: 0 });
	const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: Uint8Array): Promise<Response> =>
		aws.fetch(`${server.endpoint}/${path}`, { method, headers: { ...headers, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" }, body: body as BodyInit | undefined });
	const ok = async (response: Response, what: string): Promise<string> => {
		const text = await response.text();
		if (!response.ok) throw new Error(`${what}: ${response.status} ${text}`);
		return text;
	};
	const listAll = async (bucket: string, query: string, name: string): Promise<string[]> => {
		const out: string[] = [];
		let token: string | undefined;
		do {
			const more = token === undefined ? "" : `&continuation-token=${strict(token)}`;
			const xml = await ok(await call("GET", `${strict(bucket)}?${query}${more}`), `listing ${bucket}`);
			out.push(...tags(xml, name));
			token = tags(xml, "IsTruncated")[0] === "true" ? tags(xml, "NextContinuationToken")[0] : undefined;
		} while (token !== undefined);
		return out.sort();
	};
	return {
		async createBucket(bucket) {
			await ok(await call("PUT", strict(bucket)), `creating ${bucket}`);
		},
		async get(bucket, key) {
			const response = await call("GET", `${strict(bucket)}/${keyPath(key)}`);
			if (response.status === 404) return null;
			if (!response.ok) throw new Error(`reading ${key}: ${response.status} ${await response.text()}`);
			return new Uint8Array(await response.arrayBuffer());
		},
		async put(bucket, key, bytes) {
			await ok(await call("PUT", `${strict(bucket)}/${keyPath(key)}`, {}, bytes), `writing ${key}`);
		},
		async remove(bucket, key) {
			await ok(await call("DELETE", `${strict(bucket)}/${keyPath(key)}`), `removing ${key}`);
		},
		async sha256(bucket, key, size) {
			const hash = createHash("sha256");
			const step = 32 * 1024 * 1024;
			for (let at = 0; at < size; at += step) {
				const response = await call("GET", `${strict(bucket)}/${keyPath(key)}`, { range: `bytes=${at}-${Math.min(size, at + step) - 1}` });
				if (response.status !== 206 && response.status !== 200) throw new Error(`reading ${key}: ${response.status}`);
				hash.update(new Uint8Array(await response.arrayBuffer()));
			}
			return hash.digest("hex");
		},
		keys: (bucket, prefix = "") => listAll(bucket, `list-type=2&prefix=${strict(prefix)}`, "Key"),
		async uploads(bucket) {
			const xml = await ok(await call("GET", `${strict(bucket)}?uploads`), `listing uploads in ${bucket}`);
			return tags(xml, "Key").sort();
		},
		async parts(bucket, key, uploadId) {
			const xml = await ok(await call("GET", `${strict(bucket)}/${keyPath(key)}?uploadId=${strict(uploadId)}`), `listing parts of ${key}`);
			return tags(xml, "PartNumber").map(Number).sort((a, b) => a - b);
		},
	};
}
