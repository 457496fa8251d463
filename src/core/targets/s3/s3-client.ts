/** The parts of an S3 connection every operation shares: addresses, the signer and the HTTP sender. */
import { TargetError } from "../../model/target-error";
import { S3Addresses } from "./s3-addressing";
import { S3Http } from "./s3-http";
import type { S3TargetOptions } from "./s3-options";
import { S3Signer } from "./s3-signing";

export interface S3Client {
	addresses: S3Addresses;
	http: S3Http;
	now: () => Date;
}

const DEFAULT_TIMEOUT_MS = 60_000;

export function s3Client(options: S3TargetOptions): S3Client {
	const accessKeyId = options.accessKeyId.trim();
	const secretAccessKey = options.secretAccessKey.trim();
	if (accessKeyId === "") throw new TargetError("auth", "The S3 target has no access key id: set one.");
	if (secretAccessKey === "") throw new TargetError("auth", "The S3 target has no secret key: set one.");
	const addresses = new S3Addresses(options);
	const now = options.now ?? (() => new Date());
	const region = options.region?.trim() || "us-east-1";
	const signer = new S3Signer({ accessKeyId, secretAccessKey, region, now });
	const http = new S3Http(options.transport, signer, addresses.describe(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS, now);
	return { addresses, http, now };
}
