/** What an S3 target is opened with: where the bucket is, how to sign, and what the host provides. */
import type { HttpTransport } from "../../ports/http-transport";

export interface S3TargetOptions {
	/** "https://s3.example.com" or "http://127.0.0.1:7480", no bucket in it. */
	endpoint: string;
	/** Signing region; default "us-east-1". */
	region?: string;
	bucket: string;
	/** Key prefix every path goes under ("photos/"); "" or absent for the bucket's root. */
	prefix?: string;
	/** Path-style (endpoint/bucket/key) rather than virtual-hosted (bucket.host/key) addressing. */
	pathStyle: boolean;
	accessKeyId: string;
	secretAccessKey: string;
	transport: HttpTransport;
	/** Per request, of no answer (default 60 s). */
	timeoutMs?: number;
	/** Files at least this large go up in parts (default 16 MiB); parts are this large too. */
	multipartFromBytes?: number;
	partBytes?: number;
	/** Parts sent at once for one file (default 4 on desktop and CLI; the shells pass 1 on mobile). */
	partConcurrency?: number;
	/**
	 * Where unfinished multipart uploads are remembered (upload id, part size, finished parts and their
	 * ETags), so an interrupted upload resumes on the next run, re-sending only what is missing. Absent: the
	 * upload is remembered in memory, so retries within one run still resume. Uploads found on the server
	 * but not remembered are never resumed: nothing proves their parts hold this file.
	 */
	uploads?: MultipartStateStore;
	/** Tests only: the clock, for signing. */
	now?: () => Date;
}

/** One multipart upload in progress, as remembered between runs. */
export interface MultipartState {
	/** The object key the upload will complete into. */
	key: string;
	uploadId: string;
	/** Size of the whole file and of each part (the last may be shorter): a resume needs the same cut. */
	size: number;
	partBytes: number;
	/** Parts the server confirmed, by part number (from 1). */
	/** `sha256` of the part's bytes, so a resume re-reads and re-hashes it before trusting it. */
	parts: { number: number; etag: string; sha256?: string }[];
	/** ISO time the upload was started, so stale ones of ours can be aborted. */
	startedAt: string;
}

/** A small persistent map from object key to its unfinished upload (the shells back it with the data folder). */
export interface MultipartStateStore {
	get(key: string): Promise<MultipartState | null>;
	set(state: MultipartState): Promise<void>;
	delete(key: string): Promise<void>;
	/** Every remembered upload, for cleaning up stale ones. */
	all(): Promise<MultipartState[]>;
}
