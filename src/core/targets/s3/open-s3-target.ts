/** Opens a configured S3 target: checks its settings in plain words, gets its keys from the host, remembers its multipart uploads. */
import { bucketProblem, s3Prefix } from "../../backup/backup-settings";
import type { TargetConfig } from "../../model/target-config";
import { TargetError } from "../../model/target-error";
import type { DataStore } from "../../ports/data-store";
import type { HttpTransport } from "../../ports/http-transport";
import type { Target } from "../../ports/target";
import { multipartStateFile } from "./multipart-state-file";
import { createS3Target } from "./s3-target";

/** What a host keeps out of data.json: the S3 keys (the CLI reads even the key id from the environment) and the encryption passphrase. */
export type TargetSecretName = "accessKeyId" | "secretKey" | "passphrase";

/**
 * Reads one secret of `config` from the host's store (keychain, environment, file) each time a target
 * opens. Undefined when the target names none; throws TargetError "auth" in the host's own words when
 * the one it names cannot be had (not in this device's keychain, an unset variable).
 */
export type SecretSource = (config: TargetConfig, which: TargetSecretName) => Promise<string | undefined>;

export interface S3Host {
	/** Absent: this host cannot reach S3 targets. */
	http?: HttpTransport;
	secret?: SecretSource;
	/** The data folder, where unfinished multipart uploads are remembered; absent: only for the run (in memory). */
	data?: DataStore;
	timeoutMs?: number;
	/** Parts of one file sent at once (the S3 target's default when absent; 1 on a phone). */
	partConcurrency?: number;
}

export async function openS3Target(host: S3Host, config: TargetConfig): Promise<Target> {
	const name = config.name || config.id;
	const endpoint = s3Endpoint(name, config.endpoint);
	const bucket = config.bucket?.trim();
	if (!bucket) throw invalid(`Target "${name}" has no bucket: set the name of the bucket the photos go to.`);
	const pathStyle = config.pathStyle === true;
	const problem = bucketProblem(bucket, pathStyle);
	if (problem !== null) throw invalid(`Target "${name}": ${problem}.`);
	if (!host.http) throw invalid(`Target "${name}" is an S3 target: those cannot be reached from here.`);
	const accessKeyId = config.accessKeyId?.trim() || (await host.secret?.(config, "accessKeyId"));
	if (!accessKeyId) throw new TargetError("auth", `Target "${name}" has no access key id: set the one the storage provider gave you.`);
	const secretAccessKey = await host.secret?.(config, "secretKey");
	if (!secretAccessKey) throw new TargetError("auth", `Target "${name}" has no secret key: set the one the storage provider gave with the access key id.`);
	return createS3Target({
		endpoint,
		region: config.region?.trim() || undefined,
		bucket,
		prefix: s3Prefix(config.prefix),
		pathStyle,
		accessKeyId,
		secretAccessKey,
		transport: host.http,
		timeoutMs: host.timeoutMs,
		partConcurrency: host.partConcurrency,
		uploads: host.data ? multipartStateFile(host.data, config.id) : undefined,
	});
}

/** The endpoint without a trailing "/", after the checks a user can act on. */
function s3Endpoint(name: string, given: string | undefined): string {
	const text = given?.trim();
	if (!text) throw invalid(`Target "${name}" has no endpoint: set the address of the storage service (https://s3.example.com).`);
	if (!/^https?:\/\//i.test(text)) throw invalid(`Target "${name}": the endpoint "${text}" must start with https:// or http://.`);
	// Before parsing, and without echoing it: a secret key may hold "/", which the URL parser trips on.
	if (/^https?:\/\/[^?#]*@/i.test(text)) throw invalid(keysInEndpoint(name));
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw invalid(`Target "${name}": "${text}" is not a valid endpoint URL.`);
	}
	if (url.username !== "" || url.password !== "") throw invalid(keysInEndpoint(name));
	if (url.search !== "" || url.hash !== "") throw invalid(`Target "${name}": the endpoint "${text}" must not hold "?" or "#".`);
	return url.href.replace(/\/+$/, "");
}

function keysInEndpoint(name: string): string {
	return `Target "${name}": keys go in the target's key settings, not in the endpoint URL.`;
}

function invalid(message: string): TargetError {
	return new TargetError("refused", message);
}
