// The S3 target on a real Ceph RADOS Gateway: the Target conformance suite, then what is S3's own — integrity
// on the wire, create-only writes, listing page by page, and the plain-words failures (keys, bucket, clock).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeHttpTransport, type NodeHttpTransport } from "../../src/adapters/node/node-http-transport";
import { TargetError } from "../../src/core/model/target-error";
import type { HttpTransport } from "../../src/core/ports/http-transport";
import { retrying } from "../../src/core/targets/retrying-target";
import { s3Client } from "../../src/core/targets/s3/s3-client";
import { ConditionalWrites } from "../../src/core/targets/s3/s3-conditional";
import { listFolder } from "../../src/core/targets/s3/s3-list";
import type { S3TargetOptions } from "../../src/core/targets/s3/s3-options";
import { createS3Target } from "../../src/core/targets/s3/s3-target";
import { requireCeph, startCephS3, type CephS3 } from "../servers/ceph";
import { s3Admin, type S3Admin } from "../servers/s3-admin";
import { bytesBody, generatedBody, sha256Hex, streamSha256 } from "../servers/upload-bodies";
import { describeTargetContract, type TargetFixture } from "./target-contract";

const MIB = 1024 * 1024;
const BUCKET = "contract";
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe.skipIf(!requireCeph())("S3 target on Ceph", () => {
	let ceph: CephS3;
	let admin: S3Admin;
	let transport: NodeHttpTransport;
	let folders = 0;

	beforeAll(async () => {
		ceph = await startCephS3();
		admin = s3Admin(ceph);
		await admin.createBucket(BUCKET);
		transport = createNodeHttpTransport();
	});
	afterAll(async () => {
		transport?.close();
		await ceph?.stop();
	});

	/** Options for a target under a prefix of its own; small parts, so the suite's larger bodies go up in parts. */
	const options = (prefix: string, more: Partial<S3TargetOptions> = {}): S3TargetOptions => ({
		endpoint: ceph.endpoint,
		bucket: BUCKET,
		prefix,
		pathStyle: true,
		accessKeyId: ceph.accessKey,
		secretAccessKey: ceph.secretKey,
		transport,
		multipartFromBytes: 5 * MIB,
		partBytes: 5 * MIB,
		partConcurrency: 2,
		...more,
	});
	const freshPrefix = (name: string): string => `${name}-${++folders}/`;

	describeTargetContract("S3Target on Ceph RGW", async (): Promise<TargetFixture> => {
		const prefix = freshPrefix("contract");
		return {
			target: createS3Target(options(prefix)),
			readBack: (path) => admin.get(BUCKET, prefix + path),
			// Objects directly in the folder, sub-folders, and any upload left unfinished there (which the target must not leave).
			listBack: async (folder) => {
				const under = `${prefix}${folder === "" ? "" : `${folder}/`}`;
				const names = new Set((await admin.keys(BUCKET, under)).map((key) => key.slice(under.length).split("/")[0] ?? ""));
				for (const key of await admin.uploads(BUCKET)) if (key.startsWith(under)) names.add(`${key.slice(under.length)} (unfinished upload)`);
				return [...names];
			},
			cleanup: () => Promise.resolve(),
		};
	});

	/** The transport with every request's body (or only the first `times` of them) changed by one byte after it was signed. */
	const corrupting = (inner: HttpTransport, match: (method: string, url: string) => boolean, times = 1): HttpTransport & { corrupted: number } => {
		const wrapper = {
			corrupted: 0,
			request: (request: Parameters<HttpTransport["request"]>[0]) => {
				if (request.body && request.body.byteLength > 0 && wrapper.corrupted < times && match(request.method, request.url)) {
					wrapper.corrupted++;
					const body = request.body.slice();
					body[body.length >> 1] = (body[body.length >> 1] ?? 0) ^ 0x55;
					return inner.request({ ...request, body });
				}
				return inner.request(request);
			},
		};
		return wrapper;
	};

	it("a body changed on the way is refused by the gateway (its SHA-256 is signed), nothing is stored, and a retry sends it whole", async () => {
		const prefix = freshPrefix("integrity");
		const wire = corrupting(transport, (method) => method === "PUT");
		const target = createS3Target(options(prefix, { transport: wire }));
		const data = generatedBody(300_000, { seed: 11 });
		const error = await target.put("photo.jpg", data).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TargetError);
		expect((error as TargetError).code).toBe("transient");
		expect((error as TargetError).message).toMatch(/XAmzContentSHA256Mismatch/);
		expect(await admin.get(BUCKET, `${prefix}photo.jpg`)).toBeNull();
		await retrying(target, { baseDelayMs: 1 }).put("photo.jpg", data);
		expect(sha256Hex((await admin.get(BUCKET, `${prefix}photo.jpg`)) ?? new Uint8Array())).toBe(await streamSha256(data));
	});

	it("a part changed on the way is refused too, and only that part is sent again", async () => {
		const prefix = freshPrefix("integrity-part");
		const wire = corrupting(transport, (method, url) => method === "PUT" && url.includes("partNumber=2&"));
		const data = generatedBody(12 * MIB, { seed: 12 });
		const sent: string[] = [];
		const counting: HttpTransport = { request: (r) => (sent.push(`${r.method} ${new URL(r.url).search}`), wire.request(r)) };
		// One part at a time, so which parts were sent is not a matter of timing.
		const counted = retrying(createS3Target(options(prefix, { transport: counting, partConcurrency: 1 })), { baseDelayMs: 1 });
		await counted.put("big.bin", data);
		expect(wire.corrupted).toBe(1);
		const parts = sent.filter((s) => s.startsWith("PUT ?partNumber="));
		// Three parts, and part 2 once more after the gateway refused its changed body.
		expect(parts.map((s) => /partNumber=(\d+)/.exec(s)?.[1]).sort()).toEqual(["1", "2", "2", "3"]);
		expect(await admin.sha256(BUCKET, `${prefix}big.bin`, data.size)).toBe(await streamSha256(data));
		expect((await admin.uploads(BUCKET)).filter((key) => key.startsWith(prefix))).toEqual([]);
	});

	it("Ceph honours If-None-Match on PUT: an object that appears between the look and the write is not replaced", async () => {
		const prefix = freshPrefix("inm");
		const client = s3Client(options(prefix));
		const conditional = new ConditionalWrites();
		await createS3Target(options(prefix)).put("taken.jpg", bytesBody(text("first")));
		const put = conditional.send(client.http, { method: "PUT", url: client.addresses.objectUrl(`${prefix}taken.jpg`), body: text("second"), action: "uploading taken.jpg" });
		await expect(put).rejects.toMatchObject({ code: "exists" });
		expect(conditional.honoured).toBe(true);
		// A HEAD that sees nothing (as in a race with another writer) still cannot lead to a replacement.
		const blind: HttpTransport = {
			request: async (r) => (r.method === "HEAD" ? { status: 404, headers: {}, body: new Uint8Array() } : transport.request(r)),
		};
		await expect(createS3Target(options(prefix, { transport: blind })).put("taken.jpg", bytesBody(text("third")))).rejects.toMatchObject({ code: "exists" });
		expect(await admin.get(BUCKET, `${prefix}taken.jpg`)).toEqual(text("first"));
	});

	it("lists a folder page by page: every file and sub-folder once, nothing from deeper down", async () => {
		const prefix = freshPrefix("pages");
		const target = createS3Target(options(prefix));
		const files = ["d/a.jpg", "d/b c.jpg", "d/c#.jpg", "d/d.jpg", "d/e.jpg"];
		for (const path of [...files, "d/x/1.jpg", "d/y/2.jpg", "d/z/deeper/3.jpg", "other.jpg"]) await target.put(path, bytesBody(text(path)));
		const client = s3Client(options(prefix));
		const listing = await listFolder(client.http, client.addresses, "d", undefined, 2);
		expect(listing.files.map((f) => f.path).sort()).toEqual(files.sort());
		expect(listing.folders.sort()).toEqual(["x", "y", "z"]);
		expect(listing.files.every((f) => f.size > 0 && f.etag !== undefined && f.modified !== undefined)).toBe(true);
		expect(await target.list("")).toEqual({ files: [{ path: "other.jpg", size: 9, etag: expect.any(String) as string, modified: expect.any(String) as string }], folders: ["d"] });
	});

	const failure = async (promise: Promise<unknown>): Promise<TargetError> => {
		const error = await promise.then(
			() => new Error("expected a failure"),
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(TargetError);
		return error as TargetError;
	};

	it("a wrong secret key, an unknown access key, a missing bucket and a clock far off each stop the target, in plain words", async () => {
		const prefix = freshPrefix("errors");
		const wrongSecret = await failure(createS3Target(options(prefix, { secretAccessKey: "not-the-secret" })).read("x.jpg"));
		expect(wrongSecret).toMatchObject({ code: "auth", stopsTarget: true });
		expect(wrongSecret.message).toBe(
			"The access key or secret key is wrong: the server could not verify the request's signature with them (SignatureDoesNotMatch). Check the secret key.",
		);
		const unknownKey = await failure(createS3Target(options(prefix, { accessKeyId: "AKNOSUCHKEY" })).list(""));
		expect(unknownKey.message).toBe("The access key or secret key is wrong: the server does not know the access key id (InvalidAccessKeyId).");
		expect(unknownKey.stopsTarget).toBe(true);
		const host = new URL(ceph.endpoint).host;
		const noBucket = await failure(createS3Target(options(prefix, { bucket: "no-such-bucket" })).put("x.jpg", bytesBody(text("x"))));
		expect(noBucket).toMatchObject({ code: "auth", stopsTarget: true });
		expect(noBucket.message).toBe(`The bucket no-such-bucket at ${host} does not exist (NoSuchBucket): check the bucket's name and the endpoint, or create the bucket.`);
		const skewed = await failure(createS3Target(options(prefix, { now: () => new Date(Date.now() + 63 * 60_000) })).list(""));
		expect(skewed).toMatchObject({ code: "auth", stopsTarget: true });
		expect(skewed.message).toMatch(/^This device's clock is off by 6[34] minutes \(ahead of the server's\)/);
		// HEAD answers carry no error document: the status is all there is to go by.
		const headOnly = await failure(createS3Target(options(prefix, { secretAccessKey: "not-the-secret" })).stat("x.jpg"));
		expect(headOnly.code).toBe("auth");
		expect(headOnly.message).toMatch(/access key or secret key is wrong/);
	});

	it("an unreachable gateway is a transient failure that names what was being done", async () => {
		const closed = `http://127.0.0.1:${new URL(ceph.endpoint).port === "1" ? 2 : 1}`;
		const error = await failure(createS3Target(options("x/", { endpoint: closed })).stat("photo.jpg"));
		expect(error.code).toBe("transient");
		expect(error.message).toMatch(/refused the connection while looking up photo\.jpg/);
	});
});
