/**
 * The benchmark's own reach into the S3 bucket, independent of every contestant: make the bucket, check a
 * contestant's copy (every key there, of the right size), and delete it afterwards so the in-memory gateway
 * holds one copy at a time. Signed with aws4fetch over fetch.
 */
import { AwsClient } from "aws4fetch";
import type { SetFile } from "./backup-set";

const strict = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const keyPath = (key: string): string => key.split("/").map(strict).join("/");

const unescapeXml = (text: string): string =>
	text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
		e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e] ?? "",
	);

function tag(xml: string, name: string): string | undefined {
	const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
	return match ? unescapeXml(match[1] ?? "") : undefined;
}

export interface BenchBucket {
	readonly name: string;
	create(): Promise<void>;
	/** Every object under `prefix` with its size (ListObjectsV2, paged). */
	sizes(prefix: string): Promise<Map<string, number>>;
	/** What is wrong with the copy under `<prefix>/Photos/`: files missing or of another size (at most `limit` lines, then a count). */
	checkCopy(files: readonly SetFile[], prefix: string, limit?: number): Promise<string[]>;
	/** Deletes every object under `prefix`, some at once. */
	deletePrefix(prefix: string): Promise<number>;
}

export function benchBucket(endpoint: string, accessKey: string, secretKey: string, name: string): BenchBucket {
	const aws = new AwsClient({ accessKeyId: accessKey, secretAccessKey: secretKey, service: "s3", region: "us-east-1", retries: 2 });
	const call = (method: string, path: string): Promise<Response> =>
		aws.fetch(`${endpoint}/${path}`, { method, headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } });
	const ok = async (response: Response, what: string): Promise<string> => {
		const text = await response.text();
		if (!response.ok) throw new Error(`${what}: ${response.status} ${text.slice(0, 300)}`);
		return text;
	};
	const sizes = async (prefix: string): Promise<Map<string, number>> => {
		const out = new Map<string, number>();
		let token: string | undefined;
		do {
			const more = token === undefined ? "" : `&continuation-token=${strict(token)}`;
			const xml = await ok(await call("GET", `${strict(name)}?list-type=2&max-keys=1000&prefix=${strict(prefix)}${more}`), `listing ${name}/${prefix}`);
			for (const entry of xml.match(/<Contents>[\s\S]*?<\/Contents>/g) ?? []) {
				const key = tag(entry, "Key");
				if (key !== undefined) out.set(key, Number(tag(entry, "Size") ?? NaN));
			}
			token = tag(xml, "IsTruncated") === "true" ? tag(xml, "NextContinuationToken") : undefined;
		} while (token !== undefined);
		return out;
	};
	return {
		name,
		async create() {
			await ok(await call("PUT", strict(name)), `creating bucket ${name}`);
		},
		sizes,
		async checkCopy(files, prefix, limit = 5) {
			const held = await sizes(`${prefix}/Photos/`);
			const problems: string[] = [];
			for (const file of files) {
				const size = held.get(`${prefix}/Photos/${file.relative}`);
				if (size === undefined) problems.push(`${file.relative}: missing`);
				else if (size !== file.bytes) problems.push(`${file.relative}: ${size} bytes instead of ${file.bytes}`);
			}
			return problems.length > limit ? [...problems.slice(0, limit), `… ${problems.length - limit} more`] : problems;
		},
		async deletePrefix(prefix) {
			const keys = [...(await sizes(`${prefix}/`)).keys()];
			let next = 0;
			const worker = async (): Promise<void> => {
				for (let key = keys[next++]; key !== undefined; key = keys[next++]) {
					await ok(await call("DELETE", `${strict(name)}/${keyPath(key)}`), `deleting ${key}`);
				}
			};
			await Promise.all(Array.from({ length: 8 }, worker));
			return keys.length;
		},
	};
}
