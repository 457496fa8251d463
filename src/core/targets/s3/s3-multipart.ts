/**
 * A large file uploaded in parts (S3 multipart upload), several at once, each read from disk into a buffer
 * of its own (memory: parts at once × part size) and sent with its SHA-256. The upload is remembered after
 * every part, so an interrupted one resumes — this run or the next — sending only the parts the server does
 * not hold. The object appears whole, at once, when the upload completes: nothing half-written is ever visible.
 */
import { TargetError } from "../../model/target-error";
import type { UploadBody, UploadOptions } from "../../ports/target";
import { BodyChangedError, readBodyRange } from "../watched-body";
import { completeUploadXml, parseFinished, parsePartPage, parseUploadId, type ListedPart } from "./s3-answers";
import type { S3Client } from "./s3-client";
import type { ConditionalWrites } from "./s3-conditional";
import type { MultipartState, MultipartStateStore } from "./s3-options";
import { sha256Hex } from "./s3-signing";
import { sameEtag, StateSaver, type RememberedPart, type UploadState } from "./s3-upload-state";

const MIB = 1024 * 1024;
/** S3's limits: every part but the last at least 5 MiB, at most 10,000 parts. */
const MIN_PART_BYTES = 5 * MIB;
const MAX_PARTS = 10_000;

export interface MultipartSettings {
	store: MultipartStateStore;
	partBytes: number;
	concurrency: number;
	conditional: ConditionalWrites;
}

/** The part size for a file: the one asked for, unless S3's limits want larger. */
export function partSizeFor(size: number, wanted: number): number {
	return Math.max(MIN_PART_BYTES, wanted, Math.ceil(size / MAX_PARTS / MIB) * MIB);
}

function partRange(state: MultipartState, number: number): { start: number; length: number } {
	const start = (number - 1) * state.partBytes;
	return { start, length: Math.min(state.partBytes, state.size - start) };
}

function partCount(state: Pick<MultipartState, "size" | "partBytes">): number {
	return Math.max(1, Math.ceil(state.size / state.partBytes));
}

async function readPart(body: UploadBody, start: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
	const bytes = await readBodyRange(body, start, length);
	if (bytes.byteLength !== length) throw new BodyChangedError(body.size, start + bytes.byteLength);
	if (signal?.aborted) throw new TargetError("cancelled", "Cancelled.");
	return bytes;
}

/** Aborts an upload on the server; one the server no longer knows is fine. */
export async function abortUpload(client: S3Client, state: Pick<MultipartState, "key" | "uploadId">, signal?: AbortSignal): Promise<void> {
	try {
		await client.http.send({ method: "DELETE", url: client.addresses.objectUrl(state.key, { uploadId: state.uploadId }), signal, action: `cancelling an unfinished upload of ${state.key}` });
	} catch (error) {
		if (!(error instanceof TargetError) || error.code !== "not-found") throw error;
	}
}

/** The parts the server holds for an upload; null when it no longer knows the upload. */
async function heldParts(client: S3Client, state: MultipartState, signal?: AbortSignal): Promise<ListedPart[] | null> {
	const parts: ListedPart[] = [];
	let marker: string | undefined;
	try {
		do {
			const query: Record<string, string> = { uploadId: state.uploadId };
			if (marker !== undefined) query["part-number-marker"] = marker;
			const response = await client.http.send({ method: "GET", url: client.addresses.objectUrl(state.key, query), signal, action: `resuming the upload of ${state.key}` });
			const page = parsePartPage(new TextDecoder().decode(response.body));
			parts.push(...page.parts);
			marker = page.nextMarker;
		} while (marker !== undefined);
	} catch (error) {
		if (error instanceof TargetError && error.code === "not-found") return null;
		throw error;
	}
	return parts;
}

/**
 * The remembered parts the server still holds, whole, and whose bytes are still those of the file (read
 * again and hashed: a file edited since keeps its size but not its content). Anything unproven is sent again.
 */
async function provenParts(state: UploadState, held: ListedPart[], body: UploadBody, signal?: AbortSignal): Promise<RememberedPart[]> {
	const proven: RememberedPart[] = [];
	for (const part of state.parts) {
		const { start, length } = partRange(state, part.number);
		const onServer = held.find((h) => h.number === part.number);
		if (!onServer || onServer.size !== length || !sameEtag(onServer.etag, part.etag) || part.sha256 === undefined) continue;
		if ((await sha256Hex(await readPart(body, start, length, signal))) === part.sha256) proven.push(part);
	}
	return proven;
}

async function resumeOrStart(client: S3Client, settings: MultipartSettings, key: string, body: UploadBody, signal?: AbortSignal): Promise<UploadState> {
	const partBytes = partSizeFor(body.size, settings.partBytes);
	const stored: UploadState | null = await settings.store.get(key);
	if (stored !== null) {
		if (stored.size === body.size && stored.partBytes === partBytes) {
			const held = await heldParts(client, stored, signal);
			if (held !== null) return { ...stored, parts: await provenParts(stored, held, body, signal) };
		} else {
			// Cut differently (the file or the part size changed): its parts cannot serve this upload.
			await abortUpload(client, stored, signal);
		}
		await settings.store.delete(key);
	}
	const response = await client.http.send({ method: "POST", url: client.addresses.objectUrl(key, { uploads: "" }), signal, action: `starting the upload of ${key}` });
	return { key, uploadId: parseUploadId(new TextDecoder().decode(response.body)), size: body.size, partBytes, parts: [], startedAt: client.now().toISOString() };
}

/**
 * Runs `work` on every item, `concurrency` at once. After a failure no new item starts, but those under way
 * finish (a part that lands is one a resume need not send); the first failure is then thrown. Only the
 * caller's signal stops them mid-way.
 */
async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async (): Promise<void> => {
		while (failure === undefined && next < items.length) {
			const item = items[next++] as T;
			try {
				await work(item);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	if (failure !== undefined) throw failure.error;
}

async function complete(client: S3Client, settings: MultipartSettings, state: UploadState, path: string, signal?: AbortSignal): Promise<string | undefined> {
	const action = `finishing the upload of ${path}`;
	const request = {
		method: "POST",
		url: client.addresses.objectUrl(state.key, { uploadId: state.uploadId }),
		headers: { "content-type": "application/xml" },
		body: new TextEncoder().encode(completeUploadXml(state.parts)),
		signal,
		action,
	};
	try {
		// Ceph (16) ignores If-None-Match on this request: a last look narrows the gap since the first one to a moment.
		const look = await client.http.send({ method: "HEAD", url: client.addresses.objectUrl(state.key), accept: [404], signal, action });
		if (look.status !== 404) throw new TargetError("exists", `Something was stored at ${path} in the bucket while it uploaded; it was left as it is.`, { status: 412 });
		const response = await settings.conditional.send(client.http, request);
		const finished = parseFinished(new TextDecoder().decode(response.body), "CompleteMultipartUploadResult");
		if ("error" in finished) throw client.http.documentFailure(finished.error, response, action);
		await settings.store.delete(state.key);
		return finished.etag;
	} catch (error) {
		if (!(error instanceof TargetError)) throw error;
		if (error.code === "exists") {
			// Someone else's object took the name meanwhile: ours can never complete there.
			await abortUpload(client, state, signal);
			await settings.store.delete(state.key);
		} else if (error.code === "not-found") {
			await settings.store.delete(state.key);
			throw new TargetError("transient", `The upload of ${path} was gone from the server when it was finished (${error.message}); it starts again.`, { cause: error });
		}
		throw error;
	}
}

/** Uploads `body` to `key` in parts, resuming a remembered upload of the same size and cut; returns the ETag. */
export async function uploadInParts(client: S3Client, settings: MultipartSettings, key: string, path: string, body: UploadBody, options: UploadOptions): Promise<string | undefined> {
	const { signal } = options;
	const state = await resumeOrStart(client, settings, key, body, signal);
	const saver = new StateSaver(settings.store);
	// Remembered before any part goes, so even an upload stopped in its first part is found again (and aborted if stale).
	await saver.save(state);
	const total = partCount(state);
	const held = new Set(state.parts.map((part) => part.number));
	const missing: number[] = [];
	for (let number = 1; number <= total; number++) {
		if (held.has(number)) options.onBytes?.(partRange(state, number).length);
		else missing.push(number);
	}
	await inParallel(missing, settings.concurrency, async (number) => {
		const { start, length } = partRange(state, number);
		const bytes = await readPart(body, start, length, signal);
		const sha256 = await sha256Hex(bytes);
		const response = await client.http.send({
			method: "PUT",
			url: client.addresses.objectUrl(key, { partNumber: String(number), uploadId: state.uploadId }),
			body: bytes,
			bodySha256: sha256,
			signal,
			action: `uploading part ${number} of ${total} of ${path}`,
		});
		const etag = response.headers["etag"];
		if (!etag) throw new TargetError("refused", `The server stored part ${number} of ${path} but gave no ETag for it: it is not S3-compatible enough to upload in parts.`);
		state.parts.push({ number, etag, sha256 });
		await saver.save(state);
		options.onBytes?.(length);
	});
	return complete(client, settings, state, path, signal);
}
