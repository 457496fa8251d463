// The S3 target's protocol pieces without a server: signing (AWS's published examples), addresses, XML answers, error words, part sizes.
import { describe, expect, it } from "vitest";
import { TargetError } from "../../../../src/core/model/target-error";
import type { HttpResponse } from "../../../../src/core/ports/http-transport";
import { S3Addresses, normalizePrefix } from "../../../../src/core/targets/s3/s3-addressing";
import { completeUploadXml, parseErrorDocument, parseFinished, parseObjectPage, parsePartPage } from "../../../../src/core/targets/s3/s3-answers";
import { s3Failure } from "../../../../src/core/targets/s3/s3-errors";
import { partSizeFor } from "../../../../src/core/targets/s3/s3-multipart";
import { S3Signer, sha256Hex } from "../../../../src/core/targets/s3/s3-signing";
import { parseXml } from "../../../../src/core/targets/s3/s3-xml";

const MIB = 1024 * 1024;
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe("S3 signing", () => {
	// The examples of "Signature Calculations for the Authorization Header" in the Amazon S3 API reference.
	const signer = new S3Signer({
		accessKeyId: "AKIAIOSFODNN7EXAMPLE",
		secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		region: "us-east-1",
		now: () => new Date("2013-05-24T00:00:00Z"),
	});

	it("signs a PUT with its payload's SHA-256 as AWS's example does", async () => {
		const body = text("Welcome to Amazon S3.");
		const sha = await sha256Hex(body);
		expect(sha).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
		const headers = await signer.sign("PUT", "https://examplebucket.s3.amazonaws.com/test%24file.text", { date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" }, sha);
		expect(headers.authorization).toBe(
			"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd".replace(
				/,/g,
				", ",
			),
		);
		expect(headers["x-amz-content-sha256"]).toBe(sha);
		expect(headers["x-amz-date"]).toBe("20130524T000000Z");
	});

	it("signs a listing with its query as AWS's example does", async () => {
		const headers = await signer.sign("GET", "https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J", {}, await sha256Hex(new Uint8Array()));
		expect(headers.authorization).toMatch(/Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7$/);
	});
});

describe("S3 addresses", () => {
	const base = { endpoint: "https://s3.example.com", bucket: "photos", pathStyle: true };

	it("puts keys under the prefix and encodes them the strict way SigV4 signs", () => {
		const urls = new S3Addresses({ ...base, prefix: "/family//backup " });
		expect(urls.prefix).toBe("family/backup /");
		const key = urls.key("2024/été #1 (a)+b!.jpg");
		expect(key).toBe("family/backup /2024/été #1 (a)+b!.jpg");
		expect(urls.objectUrl(key, { partNumber: "2", uploadId: "a b/c" })).toBe(
			"https://s3.example.com/photos/family/backup%20/2024/%C3%A9t%C3%A9%20%231%20%28a%29%2Bb%21.jpg?partNumber=2&uploadId=a%20b%2Fc",
		);
		expect(urls.pathOf(key)).toBe("2024/été #1 (a)+b!.jpg");
		expect(urls.pathOf("elsewhere/x.jpg")).toBeNull();
		expect(urls.folderPrefix("")).toBe("family/backup /");
		expect(urls.folderPrefix("2024")).toBe("family/backup /2024/");
		expect(urls.copySource("a b.jpg")).toBe("/photos/a%20b.jpg");
		expect(urls.describe()).toBe("the bucket photos at s3.example.com");
	});

	it("addresses virtual-hosted buckets by host name, keeping an endpoint's own path", () => {
		const urls = new S3Addresses({ ...base, endpoint: "https://gw.example.com:8443/s3/", pathStyle: false });
		expect(urls.objectUrl("a.jpg")).toBe("https://photos.gw.example.com:8443/s3/a.jpg");
		expect(urls.bucketUrl({ "list-type": "2" })).toBe("https://photos.gw.example.com:8443/s3/?list-type=2");
		expect(new S3Addresses({ ...base, endpoint: "http://127.0.0.1:7480" }).bucketUrl()).toBe("http://127.0.0.1:7480/photos/");
	});

	it("refuses what cannot work, in plain words", () => {
		expect(() => new S3Addresses({ ...base, endpoint: "s3.example.com" })).toThrow(/is not a URL/);
		expect(() => new S3Addresses({ ...base, endpoint: "ftp://s3.example.com" })).toThrow(/must start with https:\/\/ or http:\/\//);
		expect(() => new S3Addresses({ ...base, bucket: "photos/2024" })).toThrow(/without slashes/);
		expect(() => new S3Addresses({ ...base, bucket: "My_Photos", pathStyle: false })).toThrow(/turn on path-style addressing/);
		expect(() => normalizePrefix("a/../b")).toThrow(/may not hold ".."/);
	});
});

describe("S3 answers", () => {
	it("reads XML with namespaces, entities, CDATA and self-closing elements", () => {
		const root = parseXml(`<?xml version="1.0"?><!-- c --><s3:R xmlns:s3="x"><A>a &amp; b &#233;&#x1F4F7;</A><B/><C><![CDATA[<raw>]]></C></s3:R>`);
		expect(root.name).toBe("R");
		expect(root.children.map((c) => [c.name, c.text])).toEqual([["A", "a & b é📷"], ["B", ""], ["C", "<raw>"]]);
		expect(() => parseXml("<A><B></A>")).toThrow(/unexpected <\/A>/);
		expect(() => parseXml("<A>")).toThrow(/ends in the middle/);
	});

	it("reads a listing page: files, folders and the token of the next page", () => {
		const page = parseObjectPage(
			`<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><IsTruncated>true</IsTruncated><NextContinuationToken>t/1=</NextContinuationToken>` +
				`<Contents><Key>p/a &amp; b.jpg</Key><LastModified>2024-06-01T10:00:00.000Z</LastModified><ETag>&quot;abc&quot;</ETag><Size>12</Size></Contents>` +
				`<CommonPrefixes><Prefix>p/2024/</Prefix></CommonPrefixes></ListBucketResult>`,
		);
		expect(page).toEqual({
			objects: [{ key: "p/a & b.jpg", size: 12, etag: '"abc"', modified: "2024-06-01T10:00:00.000Z" }],
			prefixes: ["p/2024/"],
			continuationToken: "t/1=",
		});
		expect(parseObjectPage("<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>").continuationToken).toBeUndefined();
		expect(() => parseObjectPage("<html><body>Welcome to nginx</body></html>")).toThrow(/is this an S3 endpoint/);
	});

	it("reads the steps of multipart uploads, and an error sent with a 200", () => {
		expect(parsePartPage("<ListPartsResult><Part><PartNumber>2</PartNumber><ETag>\"e2\"</ETag><Size>5</Size></Part><IsTruncated>true</IsTruncated><NextPartNumberMarker>2</NextPartNumberMarker></ListPartsResult>")).toEqual({
			parts: [{ number: 2, etag: '"e2"', size: 5 }],
			nextMarker: "2",
		});
		expect(parseFinished("<CompleteMultipartUploadResult><ETag>\"x-3\"</ETag></CompleteMultipartUploadResult>", "CompleteMultipartUploadResult")).toEqual({ etag: '"x-3"' });
		expect(parseFinished("<Error><Code>InternalError</Code><Message>try again</Message></Error>", "CompleteMultipartUploadResult")).toEqual({
			error: { code: "InternalError", message: "try again" },
		});
		expect(completeUploadXml([{ number: 2, etag: '"b"' }, { number: 1, etag: '"a"' }])).toContain('<Part><PartNumber>1</PartNumber><ETag>&quot;a&quot;</ETag></Part><Part><PartNumber>2</PartNumber>');
		expect(parseErrorDocument("<html>502 Bad Gateway</html>")).toBeNull();
	});
});

describe("S3 failures in plain words", () => {
	const context = { action: "uploading a.jpg", bucket: "the bucket photos at s3.example.com", signedAt: new Date("2024-06-01T12:00:00Z") };
	const answer = (status: number, code?: string, headers: Record<string, string> = {}): HttpResponse => ({
		status,
		headers,
		body: code === undefined ? new Uint8Array() : text(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>m</Message><Region>eu-west-1</Region></Error>`),
	});
	const failure = (response: HttpResponse): TargetError => s3Failure(response, context);

	it.each([
		[403, "InvalidAccessKeyId", "auth", /access key or secret key is wrong: the server does not know the access key id/],
		[403, "SignatureDoesNotMatch", "auth", /access key or secret key is wrong: .*Check the secret key/],
		[403, "AccessDenied", "auth", /Access denied while uploading a\.jpg \(AccessDenied\): this access key has no permission/],
		[404, "NoSuchBucket", "auth", /^The bucket photos at s3\.example\.com does not exist \(NoSuchBucket\)/],
		[400, "AuthorizationHeaderMalformed", "auth", /another region or address .*region to "eu-west-1"/],
		[403, "QuotaExceeded", "no-space", /over its storage quota/],
		[507, undefined, "no-space", /no space left/],
		[404, "NoSuchKey", "not-found", /Not found while uploading a\.jpg/],
		[412, "PreconditionFailed", "exists", /already there/],
		[400, "XAmzContentSHA256Mismatch", "transient", /other bytes than were sent .* sent again/],
		[400, "BadDigest", "transient", /other bytes than were sent/],
		[503, "SlowDown", "transient", /busy or failing \(503 SlowDown\)/],
		[500, undefined, "transient", /answered 500/],
		[400, "EntityTooLarge", "refused", /refuses an object this large/],
		[403, undefined, "auth", /refused access while uploading a\.jpg \(403\)/],
		[301, undefined, "auth", /sent the request elsewhere/],
		[400, "InvalidArgument", "refused", /refused the request while uploading a\.jpg \(400 InvalidArgument: m\)/],
	] as const)("%i %s → %s", (status, code, expected, message) => {
		const error = failure(answer(status, code));
		expect(error.code).toBe(expected);
		expect(error.message).toMatch(message);
		expect(error.details.status).toBe(status);
	});

	it("says how far off the device's clock is, from the server's Date, and stops the target", () => {
		const ahead = failure(answer(403, "RequestTimeTooSkewed", { date: "Sat, 01 Jun 2024 10:57:00 GMT" }));
		expect(ahead.stopsTarget).toBe(true);
		expect(ahead.message).toMatch(/^This device's clock is off by 63 minutes \(ahead of the server's\)/);
		expect(failure(answer(403, "RequestTimeTooSkewed", { date: "Sat, 01 Jun 2024 12:20:00 GMT" })).message).toMatch(/off by 20 minutes \(behind the server's\)/);
		expect(failure(answer(403, "RequestTimeTooSkewed")).message).toMatch(/^This device's clock is off: /);
	});

	it("names the right region when the server does, in a header of a bare 301 too", () => {
		expect(failure(answer(301, undefined, { "x-amz-bucket-region": "eu-central-1" })).message).toMatch(/PermanentRedirect\): set the target's region to "eu-central-1"/);
	});

	it("honours Retry-After", () => {
		expect(failure(answer(503, "SlowDown", { "retry-after": "7" })).details.retryAfterMs).toBe(7000);
	});
});

describe("S3 part sizes", () => {
	it("keeps the part size asked for, within S3's limits of 5 MiB and 10,000 parts", () => {
		expect(partSizeFor(100 * MIB, 16 * MIB)).toBe(16 * MIB);
		expect(partSizeFor(100 * MIB, MIB)).toBe(5 * MIB);
		expect(partSizeFor(500_000 * MIB, 16 * MIB)).toBe(50 * MIB);
		expect(Math.ceil((500_000 * MIB) / partSizeFor(500_000 * MIB, 16 * MIB))).toBeLessThanOrEqual(10_000);
	});
});
