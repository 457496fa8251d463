/** The S3 and encryption options of `target add`: what they record in data.json, with a specific message for every mistake. */
import { bucketProblem, s3Prefix } from "../core/backup/backup-settings";
import type { TargetConfig } from "../core/model/target-config";
import { defaultSecretEnv, envSource, required, secretFile } from "./target-secret-args";
import { UsageError } from "./usage-error";

export interface S3AddOptions {
	url?: string;
	path?: string;
	username?: string;
	"password-env"?: string;
	"password-file"?: string;
	endpoint?: string;
	bucket?: string;
	region?: string;
	prefix?: string;
	"path-style"?: boolean;
	"access-key-env"?: string;
	"secret-key-env"?: string;
	encrypt?: boolean;
	"passphrase-env"?: string;
	"passphrase-file"?: string;
}

export const S3_ADD_OPTIONS = {
	endpoint: { type: "string" },
	bucket: { type: "string" },
	region: { type: "string" },
	prefix: { type: "string" },
	"path-style": { type: "boolean" },
	"access-key-env": { type: "string" },
	"secret-key-env": { type: "string" },
} as const;

export const ENCRYPTION_ADD_OPTIONS = {
	encrypt: { type: "boolean" },
	"passphrase-env": { type: "string" },
	"passphrase-file": { type: "string" },
} as const;

const KEYS_IN_ENDPOINT = "--endpoint must not hold keys (it is saved in data.json): use --access-key-env and --secret-key-env";

const S3_ONLY = Object.keys(S3_ADD_OPTIONS) as (keyof typeof S3_ADD_OPTIONS)[];

/** Another kind's target given an S3 option: said, rather than silently ignored. */
export function refuseS3Options(o: S3AddOptions, kind: string): void {
	const given = S3_ONLY.find((option) => o[option] !== undefined);
	if (given !== undefined) throw new UsageError(`--${given} is for s3 targets, not ${kind}`);
}

export function s3Fields(o: S3AddOptions, id: string, warnings: string[]): Partial<TargetConfig> {
	for (const option of ["url", "path", "username", "password-env", "password-file"] as const) {
		if (o[option] !== undefined) throw new UsageError(`an s3 target takes no --${option}: give --endpoint and --bucket, and its keys with --access-key-env and --secret-key-env`);
	}
	const text = required(o.endpoint, "--endpoint URL for an s3 target");
	// Said before parsing, and without echoing the text: a secret key may hold "/", which a URL parser trips on.
	if (/^[a-z][a-z0-9+.-]*:\/\/[^?#]*@/i.test(text)) throw new UsageError(KEYS_IN_ENDPOINT);
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new UsageError(`--endpoint is not a URL: "${text}" (for example https://s3.eu-central-1.amazonaws.com)`);
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--endpoint must start with http:// or https://, not ${url.protocol}//`);
	if (url.username !== "" || url.password !== "") throw new UsageError(KEYS_IN_ENDPOINT);
	if (url.search !== "" || url.hash !== "") throw new UsageError(`--endpoint must not hold "?" or "#": ${text}`);
	const bucket = required(o.bucket, "--bucket NAME for an s3 target");
	const pathStyle = o["path-style"] === true;
	const problem = bucketProblem(bucket, pathStyle);
	if (problem !== null) throw new UsageError(`--bucket: ${problem}${pathStyle ? "" : " (--path-style)"}`);
	const fields: Partial<TargetConfig> = { endpoint: url.href.replace(/\/+$/, ""), bucket };
	const region = o.region?.trim();
	if (region) fields.region = region;
	const prefix = s3Prefix(o.prefix);
	if (prefix !== "") fields.prefix = prefix;
	if (pathStyle) fields.pathStyle = true;
	fields.accessKeyEnv = envSource("--access-key-env", o["access-key-env"] ?? defaultSecretEnv("accessKeyId", id), warnings);
	fields.secretKeyEnv = envSource("--secret-key-env", o["secret-key-env"] ?? defaultSecretEnv("secretKey", id), warnings);
	if (url.protocol === "http:" && !isLoopback(url.hostname)) {
		warnings.push(`${url.host} is reached over plain http: the keys are not sent, but the photos travel unencrypted unless the target is encrypted; prefer https`);
	}
	return fields;
}

/** --encrypt and where its passphrase is read from on each run (default PHOTO_ARCHIVIST_PASSPHRASE_<ID>). */
export async function encryptionFields(o: S3AddOptions, id: string, warnings: string[]): Promise<Partial<TargetConfig>> {
	const env = o["passphrase-env"];
	const file = o["passphrase-file"];
	if (o.encrypt !== true) {
		if (env !== undefined || file !== undefined) throw new UsageError("a passphrase needs --encrypt too");
		return {};
	}
	if (env !== undefined && file !== undefined) throw new UsageError("give either --passphrase-env or --passphrase-file, not both");
	if (file !== undefined) return { encrypt: true, passphraseFile: await secretFile(file, "passphrase", warnings) };
	return { encrypt: true, passphraseEnv: envSource("--passphrase-env", env ?? defaultSecretEnv("passphrase", id), warnings) };
}

export function isLoopback(host: string): boolean {
	return host === "localhost" || host === "[::1]" || /^127\./.test(host);
}
