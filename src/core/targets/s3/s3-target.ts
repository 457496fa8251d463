/**
 * A backup target in an S3-compatible bucket (Amazon S3, Backblaze B2, Wasabi, Cloudflare R2, MinIO, Garage,
 * Ceph): target paths are object keys under a prefix, folders are key prefixes. An object appears whole when
 * its PUT (or its multipart upload) completes, so no temporary name is needed; a name already taken is
 * found by HEAD first and, where the server honours If-None-Match, refused by the server too.
 */
import { TargetError } from "../../model/target-error";
import type { HttpResponse } from "../../ports/http-transport";
import type { Quota, RemoteFile, RemoteListing, Target, TargetCapabilities, UploadBody, UploadOptions } from "../../ports/target";
import { checkRemotePath } from "../remote-path";
import { BodyChangedError, readBodyRange } from "../watched-body";
import { parseFinished } from "./s3-answers";
import { s3Client, type S3Client } from "./s3-client";
import { s3Failure } from "./s3-errors";
import { ConditionalWrites } from "./s3-conditional";
import { listFolder } from "./s3-list";
import { abortUpload, uploadInParts, type MultipartSettings } from "./s3-multipart";
import type { S3TargetOptions } from "./s3-options";
import { abortStaleUploads } from "./s3-stale-uploads";
import { memoryUploadStore } from "./s3-upload-state";

const MIB = 1024 * 1024;
const DEFAULT_MULTIPART_FROM = 16 * MIB;
const DEFAULT_PART_BYTES = 16 * MIB;
const DEFAULT_PART_CONCURRENCY = 4;
/** Unfinished uploads of ours older than this are aborted (they hold storage, often billed) rather than resumed. */
const STALE_UPLOAD_MS = 7 * 24 * 3600 * 1000;
/** Failures a HEAD answers without saying why. */
const EXPLAINED_BY_GET = [400, 403];

export function createS3Target(options: S3TargetOptions): Target {
	return new S3Target(options);
}

class S3Target implements Target {
	readonly capabilities: TargetCapabilities = { quota: false, resumableUpload: true };
	private readonly client: S3Client;
	private readonly multipartFrom: number;
	private readonly multipart: MultipartSettings;
	/** The clean-up of stale uploads, done once per opening, before the first multipart upload. */
	private staleCleanup: Promise<void> | undefined;

	constructor(private readonly options: S3TargetOptions) {
		this.client = s3Client(options);
		this.multipartFrom = options.multipartFromBytes ?? DEFAULT_MULTIPART_FROM;
		this.multipart = {
			store: options.uploads ?? memoryUploadStore(),
			partBytes: options.partBytes ?? DEFAULT_PART_BYTES,
			concurrency: Math.max(1, Math.floor(options.partConcurrency ?? DEFAULT_PART_CONCURRENCY)),
			conditional: new ConditionalWrites(),
		};
	}

	stat(path: string, signal?: AbortSignal): Promise<RemoteFile | null> {
		checkRemotePath(path);
		return this.head(path, signal);
	}

	list(folder: string, signal?: AbortSignal): Promise<RemoteListing> {
		if (folder !== "") checkRemotePath(folder);
		return listFolder(this.client.http, this.client.addresses, folder, signal);
	}

	async put(path: string, body: UploadBody, options: UploadOptions = {}): Promise<RemoteFile> {
		checkRemotePath(path);
		const { signal } = options;
		const key = this.client.addresses.key(path);
		if ((await this.head(path, signal)) !== null) {
			await this.forgetUpload(key, signal);
			throw this.taken(path);
		}
		if (body.size < this.multipartFrom) return this.putWhole(path, body, options);
		await this.cleanUpStale(signal);
		const etag = await uploadInParts(this.client, this.multipart, key, path, body, options);
		const stored = await this.head(path, signal);
		if (stored?.size !== body.size) {
			throw new TargetError("refused", `The server holds ${stored?.size ?? "nothing"} bytes for ${path} after its upload, but ${body.size} were sent. It was left as it is: check it on the server.`);
		}
		return etag !== undefined && stored.etag === undefined ? { ...stored, etag } : stored;
	}

	/** A failed clean-up is tried again at the next opening; it never stands in the way of a backup. */
	private cleanUpStale(signal?: AbortSignal): Promise<void> {
		this.staleCleanup ??= abortStaleUploads(this.options, STALE_UPLOAD_MS, signal).then(
			() => undefined,
			(error: unknown) => {
				if (error instanceof TargetError && (error.stopsTarget || error.code === "cancelled")) {
					this.staleCleanup = undefined;
					throw error;
				}
			},
		);
		return this.staleCleanup;
	}

	async move(from: string, to: string, signal?: AbortSignal): Promise<void> {
		checkRemotePath(from);
		checkRemotePath(to);
		const { addresses, http } = this.client;
		const existing = await this.head(to, signal);
		if (existing !== null) {
			// A copy made by an earlier try of this move, whose removal of the source did not happen (or was not answered).
			const source = await this.head(from, signal);
			if (source === null || source.size !== existing.size || source.etag === undefined || source.etag !== existing.etag) throw this.taken(to);
		} else {
			// S3 has no rename: a copy on the server, then the source goes. Nothing is downloaded.
			const action = `moving ${from} to ${to}`;
			const response = await http.send({
				method: "PUT",
				url: addresses.objectUrl(addresses.key(to)),
				headers: { "x-amz-copy-source": addresses.copySource(addresses.key(from)), "x-amz-metadata-directive": "COPY" },
				signal,
				action,
				notFound: `${from} is not on the server.`,
			});
			const finished = parseFinished(new TextDecoder().decode(response.body), "CopyObjectResult");
			if ("error" in finished) throw http.documentFailure(finished.error, response, action);
		}
		await this.remove(from, signal);
	}

	async read(path: string, range?: { start: number; end: number }, signal?: AbortSignal): Promise<Uint8Array> {
		checkRemotePath(path);
		if (range && range.end <= range.start) return new Uint8Array(0);
		const response = await this.client.http.send({
			method: "GET",
			url: this.client.addresses.objectUrl(this.client.addresses.key(path)),
			headers: range ? { range: `bytes=${range.start}-${range.end - 1}` } : {},
			expectBytes: range ? range.end - range.start : undefined,
			accept: range ? [416] : [],
			signal,
			action: `reading ${path}`,
			notFound: `${path} is not on the server.`,
		});
		if (response.status === 416) return new Uint8Array(0);
		// A server that ignores Range answers 200 with the whole object.
		return range && response.status === 200 ? response.body.slice(range.start, range.end) : response.body;
	}

	async remove(path: string, signal?: AbortSignal): Promise<void> {
		checkRemotePath(path);
		try {
			await this.client.http.send({ method: "DELETE", url: this.client.addresses.objectUrl(this.client.addresses.key(path)), signal, action: `removing ${path}` });
		} catch (error) {
			if (!(error instanceof TargetError) || error.code !== "not-found") throw error;
		}
	}

	/** S3 has no free-space figure: a bucket grows until a quota or the bill stops it. */
	quota(): Promise<Quota | null> {
		return Promise.resolve(null);
	}

	private async putWhole(path: string, body: UploadBody, options: UploadOptions): Promise<RemoteFile> {
		const bytes = await readBodyRange(body, 0, body.size);
		if (bytes.byteLength !== body.size) throw new BodyChangedError(body.size, bytes.byteLength);
		if (options.signal?.aborted) throw new TargetError("cancelled", "Cancelled.");
		const response = await this.multipart.conditional.send(this.client.http, {
			method: "PUT",
			url: this.client.addresses.objectUrl(this.client.addresses.key(path)),
			body: bytes,
			signal: options.signal,
			action: `uploading ${path}`,
		});
		options.onBytes?.(body.size);
		return withEtag({ path, size: body.size }, response);
	}

	private async head(path: string, signal?: AbortSignal): Promise<RemoteFile | null> {
		const request = { method: "HEAD", url: this.client.addresses.objectUrl(this.client.addresses.key(path)), signal, action: `looking up ${path}` };
		const response = await this.client.http.send({ ...request, accept: [404, ...EXPLAINED_BY_GET] });
		if (EXPLAINED_BY_GET.includes(response.status)) {
			// An answer to HEAD has no body to say what is wrong (a wrong key? a clock off?): a GET of one byte gets the error document.
			await this.client.http.send({ ...request, method: "GET", headers: { range: "bytes=0-0" }, accept: [404, 416] });
			throw s3Failure(response, { action: request.action, bucket: this.client.addresses.describe(), signedAt: this.client.now() });
		}
		if (response.status === 404) return null;
		const file = withEtag({ path, size: Number(response.headers["content-length"] ?? 0) }, response);
		const modified = Date.parse(response.headers["last-modified"] ?? "");
		if (!Number.isNaN(modified)) file.modified = new Date(modified).toISOString();
		return file;
	}

	/** An unfinished upload of ours for a name now taken by something else can never complete: it goes. */
	private async forgetUpload(key: string, signal?: AbortSignal): Promise<void> {
		const stored = await this.multipart.store.get(key);
		if (stored === null) return;
		await abortUpload(this.client, stored, signal);
		await this.multipart.store.delete(key);
	}

	private taken(path: string): TargetError {
		return new TargetError("exists", `Something is already at ${path} in the bucket; it was left as it is.`, { status: 412 });
	}
}

function withEtag(file: RemoteFile, response: HttpResponse): RemoteFile {
	const etag = response.headers["etag"];
	if (etag) file.etag = etag;
	return file;
}
