/**
 * AWS Signature V4 for S3 requests, by aws4fetch's signer (Web Crypto: the same code in Node and in
 * Obsidian, desktop and mobile). Every request is signed with its payload's SHA-256 rather than
 * UNSIGNED-PAYLOAD: the server hashes what arrives and refuses a body changed on the way.
 */
import { AwsV4Signer } from "aws4fetch";

/** SHA-256 of the empty payload, for requests without a body. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	if (bytes.byteLength === 0) return EMPTY_SHA256;
	const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
	let hex = "";
	for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
	return hex;
}

export interface SigningKeys {
	accessKeyId: string;
	secretAccessKey: string;
	region: string;
	now: () => Date;
}

export class S3Signer {
	/** aws4fetch keeps the day's derived signing key here, so it is made once a day, not once a request. */
	private readonly cache = new Map<string, ArrayBuffer>();

	constructor(private readonly keys: SigningKeys) {}

	/** The headers to send: `headers` plus x-amz-date, x-amz-content-sha256 and Authorization (names in lower case). */
	async sign(method: string, url: string, headers: Record<string, string>, payloadSha256: string): Promise<Record<string, string>> {
		const signer = new AwsV4Signer({
			method,
			url,
			headers: { ...headers, "x-amz-content-sha256": payloadSha256 },
			accessKeyId: this.keys.accessKeyId,
			secretAccessKey: this.keys.secretAccessKey,
			service: "s3",
			region: this.keys.region,
			cache: this.cache,
			datetime: this.keys.now().toISOString().replace(/[:-]|\.\d{3}/g, ""),
		});
		const signed = await signer.sign();
		const out: Record<string, string> = {};
		signed.headers.forEach((value, name) => {
			out[name] = value;
		});
		return out;
	}
}
