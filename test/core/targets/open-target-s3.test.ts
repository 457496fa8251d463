// Opening S3 targets: the configuration checked in plain words, keys from the host, and "Test connection" saying what S3 answered.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NodeDataStore } from "../../../src/adapters/node/node-data-store";
import { encodeNodeBody } from "../../../src/adapters/node/node-upload-body";
import type { TargetConfig } from "../../../src/core/model/target-config";
import { TargetError } from "../../../src/core/model/target-error";
import type { HttpRequest, HttpResponse, HttpTransport } from "../../../src/core/ports/http-transport";
import { makeOpenTarget, type TargetHost } from "../../../src/core/targets/open-target";
import type { TargetSecretName } from "../../../src/core/targets/s3/open-s3-target";
import { testConnection } from "../../../src/core/targets/test-connection";
import { tempDir } from "../../support/temp-dir";

const s3: TargetConfig = {
	id: "b2", name: "Cloud", kind: "s3", medium: "cloud", offsite: true, layout: "mirror", enabled: true,
	endpoint: "https://s3.example.com", bucket: "family-photos", accessKeyId: "AKIA", secretKeySecret: "cloud-secret",
};

/** A transport answering every request with `answer` (or hanging until cancelled when it is null), keeping what was sent. */
function transport(answer: ((request: HttpRequest) => HttpResponse) | null): HttpTransport & { sent: HttpRequest[] } {
	const sent: HttpRequest[] = [];
	return {
		sent,
		request(request) {
			sent.push(request);
			if (answer !== null) return Promise.resolve(answer(request));
			return new Promise((_resolve, reject) => {
				request.signal?.addEventListener("abort", () => reject(new TargetError("cancelled", "Cancelled.")), { once: true });
			});
		},
	};
}

const xml = (status: number, code: string, headers: Record<string, string> = {}) => (): HttpResponse => ({
	status,
	headers: { "content-type": "application/xml", ...headers },
	body: new TextEncoder().encode(`<?xml version="1.0"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`),
});

function host(http: HttpTransport | undefined, extra: Partial<TargetHost> = {}): TargetHost & { asked: TargetSecretName[] } {
	const asked: TargetSecretName[] = [];
	return {
		asked,
		encodeBody: encodeNodeBody,
		localFs: null,
		password: () => Promise.resolve(undefined),
		secret: (_config, which) => {
			asked.push(which);
			return Promise.resolve(which === "accessKeyId" ? "AKIA-FROM-HOST" : `${which}-value`);
		},
		http,
		retry: { attempts: 1 },
		...extra,
	};
}

async function openError(config: TargetConfig, h: TargetHost = host(transport(null))): Promise<TargetError> {
	const error = await makeOpenTarget(h)(config).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(TargetError);
	return error as TargetError;
}

describe("makeOpenTarget: an S3 target's configuration, in plain words", () => {
	it.each<[string, Partial<TargetConfig>, RegExp]>([
		["no endpoint", { endpoint: " " }, /^Target "Cloud" has no endpoint: set the address of the storage service/],
		["an endpoint that is not http(s)", { endpoint: "s3.example.com" }, /the endpoint "s3\.example\.com" must start with https:\/\/ or http:\/\//],
		["an endpoint that does not parse", { endpoint: "https://" }, /"https:\/\/" is not a valid endpoint URL/],
		["keys inside the endpoint", { endpoint: "https://AKIA:secret@s3.example.com" }, /keys go in the target's key settings, not in the endpoint URL/],
		["a secret key with a slash inside the endpoint", { endpoint: "https://AKIA:wJal/K7MD/bPx@s3.example.com" }, /^Target "Cloud": keys go in the target's key settings, not in the endpoint URL\.$/],
		["a query in the endpoint", { endpoint: "https://s3.example.com/?x=1" }, /must not hold "\?" or "#"/],
		["no bucket", { bucket: undefined }, /^Target "Cloud" has no bucket/],
		["a bucket with a folder in it", { bucket: "photos/2024" }, /"photos\/2024" is not a bucket name .*folders go in the key prefix/],
		["a bucket a host name cannot hold", { bucket: "Family_Photos" }, /cannot be part of a host name .*use path-style addressing/],
	])("%s", async (_name, change, message) => {
		const error = await openError({ ...s3, ...change });
		expect(error.code).toBe("refused");
		expect(error.message).toMatch(message);
	});

	it("takes a bucket with capitals with path-style addressing", async () => {
		const http = transport(() => ({ status: 200, headers: {}, body: new Uint8Array() }));
		const target = await makeOpenTarget(host(http))({ ...s3, bucket: "Family_Photos", pathStyle: true, endpoint: "http://127.0.0.1:7480/" });
		await target.stat("a.jpg");
		expect(http.sent[0]?.url).toBe("http://127.0.0.1:7480/Family_Photos/a.jpg");
	});

	it("says S3 cannot be reached where the host has no HTTP transport", async () => {
		expect((await openError(s3, host(undefined))).message).toBe('Target "Cloud" is an S3 target: those cannot be reached from here.');
	});

	it("takes the access key id from the settings, else from the host, and the secret key from the host", async () => {
		const h = host(transport(null));
		await makeOpenTarget(h)(s3);
		expect(h.asked).toEqual(["secretKey"]);
		const cli = host(transport(null));
		await makeOpenTarget(cli)({ ...s3, accessKeyId: undefined, accessKeyEnv: "KEY" });
		expect(cli.asked).toEqual(["accessKeyId", "secretKey"]);
	});

	it("stops the target, before any request, when a key cannot be had", async () => {
		const http = transport(null);
		const none = host(http, { secret: () => Promise.resolve(undefined) });
		expect(await openError({ ...s3, accessKeyId: undefined }, none)).toMatchObject({ code: "auth", message: 'Target "Cloud" has no access key id: set the one the storage provider gave you.' });
		expect(await openError(s3, none)).toMatchObject({ code: "auth", message: expect.stringMatching(/^Target "Cloud" has no secret key/) as unknown });
		const refusing = host(http, { secret: () => Promise.reject(new TargetError("auth", "The secret key “cloud-secret” of “Cloud” is not in Obsidian's keychain")) });
		expect((await openError(s3, refusing)).message).toMatch(/not in Obsidian's keychain/);
		expect(http.sent).toEqual([]);
	});

	it("remembers unfinished multipart uploads in the host's data folder, by target", async () => {
		const dir = await tempDir();
		let uploadIds = 0;
		const http = transport((request) => {
			if (request.method === "HEAD") return { status: 404, headers: {}, body: new Uint8Array() };
			if (request.method === "POST") {
				return { status: 200, headers: {}, body: new TextEncoder().encode(`<InitiateMultipartUploadResult><UploadId>up-${++uploadIds}</UploadId></InitiateMultipartUploadResult>`) };
			}
			// The first part lands, the second is refused: the upload stays unfinished, and remembered with its first part.
			if (request.url.includes("partNumber=1&")) return { status: 200, headers: { etag: '"part-1"' }, body: new Uint8Array() };
			return xml(403, "AccessDenied")();
		});
		const target = await makeOpenTarget(host(http, { data: new NodeDataStore(dir), partConcurrency: 1 }))(s3);
		const size = 20 * 1024 * 1024;
		const body = { size, async *open() { yield new Uint8Array(size); } };
		await expect(target.put("Photos/video.mov", body)).rejects.toMatchObject({ code: "auth" });
		expect(uploadIds).toBe(1);
		const saved = JSON.parse(await readFile(join(dir, "s3-uploads-b2.json"), "utf8")) as { uploads: { key: string; uploadId: string; parts: unknown[] }[] };
		expect(saved.uploads).toMatchObject([{ key: "Photos/video.mov", uploadId: "up-1", parts: [{ number: 1, etag: '"part-1"' }] }]);
	});
});

describe("Test connection on an S3 target says what the server answered, in plain words", () => {
	const date = "Sat, 01 Jun 2024 12:00:00 GMT";
	it.each<[string, (() => HttpResponse) | "tls" | null, RegExp]>([
		["a wrong access key id", xml(403, "InvalidAccessKeyId"), /access key or secret key is wrong: the server does not know the access key id/],
		["a wrong secret key", xml(403, "SignatureDoesNotMatch"), /access key or secret key is wrong.*SignatureDoesNotMatch/],
		["a device clock that is off", xml(403, "RequestTimeTooSkewed", { date }), /device's clock is off/],
		["no such bucket", xml(404, "NoSuchBucket"), /family-photos.*\(NoSuchBucket\): check the bucket's name/],
		["access denied", xml(403, "AccessDenied"), /Access denied while .*no permission/],
		["an untrusted certificate", "tls", /certificate is not trusted/],
		["no answer in time", null, /did not answer within 0\.1 seconds/],
	])("%s", async (_name, answer, message) => {
		const http: HttpTransport = answer === "tls"
			? { request: () => Promise.reject(new TargetError("tls", "The server's certificate is not trusted (SELF_SIGNED_CERT_IN_CHAIN).")) }
			: transport(answer);
		const target = await makeOpenTarget(host(http, { timeoutMs: 100 }))(s3);
		const report = await testConnection(target, "b2");
		expect(report.ok).toBe(false);
		const failed = report.checks.find((check) => !check.ok);
		expect(failed?.message).toMatch(message);
	});
});
