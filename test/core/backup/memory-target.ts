// An in-memory Target that keeps the port's contract (temporary name then move, never overwrite, size check),
// records every call, and can be told to fail chosen calls or to hold uploads until a test lets them go.
import { TargetError } from "../../../src/core/model/target-error";
import type { Quota, RemoteFile, RemoteListing, Target, UploadBody, UploadOptions } from "../../../src/core/ports/target";
import { concat } from "../../../tools/exif-jpeg";

export type TargetOp = "stat" | "list" | "put" | "move" | "read" | "remove" | "quota";

export interface TargetCall {
	op: TargetOp;
	path: string;
}

export interface Fault {
	op: TargetOp;
	/** Which paths; default every path. */
	path?: string | RegExp;
	error: () => Error;
	/** How many calls fail; default 1. */
	times?: number;
}

interface StoredFile {
	bytes: Uint8Array;
	modified: string;
	etag: string;
}

function parentOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "" : path.slice(0, slash);
}

function abortedError(): TargetError {
	return new TargetError("cancelled", "cancelled");
}

export class MemoryTarget implements Target {
	readonly capabilities = { quota: true, resumableUpload: false };
	readonly files = new Map<string, StoredFile>();
	readonly calls: TargetCall[] = [];
	/** Uploads running now, and the most there ever were at once. */
	inFlight = 0;
	maxInFlight = 0;
	/** Awaited by every put before it sends a byte (a test resolves it to let the upload go on). */
	hold?: (path: string) => Promise<void>;
	/** Called after each chunk a put receives, with the bytes received so far. */
	onChunk?: (path: string, received: number) => Promise<void> | void;
	/** Called when a put has stored its file under the final name. */
	onStored?: (path: string) => void;
	available?: number;
	private readonly faults: Fault[] = [];
	private sequence = 0;

	fail(fault: Fault): this {
		this.faults.push({ times: 1, ...fault });
		return this;
	}

	count(op: TargetOp): number {
		return this.calls.filter((c) => c.op === op).length;
	}

	/** Puts a file directly, as another program would (no call recorded). */
	place(path: string, bytes: Uint8Array | string): void {
		const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
		this.files.set(path, { bytes: data, modified: new Date(0).toISOString(), etag: `"${++this.sequence}"` });
	}

	bytes(path: string): Uint8Array | undefined {
		return this.files.get(path)?.bytes;
	}

	stat(path: string, signal?: AbortSignal): Promise<RemoteFile | null> {
		this.enter("stat", path, signal);
		return Promise.resolve(this.remoteFile(path));
	}

	list(folder: string, signal?: AbortSignal): Promise<RemoteListing> {
		this.enter("list", folder, signal);
		const files: RemoteFile[] = [];
		const folders = new Set<string>();
		const prefix = folder === "" ? "" : `${folder}/`;
		for (const path of this.files.keys()) {
			if (!path.startsWith(prefix)) continue;
			const rest = path.slice(prefix.length);
			const slash = rest.indexOf("/");
			if (slash < 0) files.push(this.remoteFile(path) as RemoteFile);
			else folders.add(rest.slice(0, slash));
		}
		return Promise.resolve({ files, folders: [...folders] });
	}

	async put(path: string, body: UploadBody, options: UploadOptions = {}): Promise<RemoteFile> {
		this.enter("put", path, options.signal);
		if (this.files.has(path)) throw new TargetError("exists", `${path} exists`);
		const temporary = `${parentOf(path) === "" ? "" : `${parentOf(path)}/`}.upload-${++this.sequence}.part`;
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		try {
			if (this.hold) await raceAbort(this.hold(path), options.signal);
			const chunks: Uint8Array[] = [];
			let received = 0;
			// Visible under its temporary name while it arrives, as on a server's disk.
			this.files.set(temporary, { bytes: new Uint8Array(0), modified: "", etag: "" });
			for await (const chunk of body.open(0)) {
				if (options.signal?.aborted) throw abortedError();
				chunks.push(chunk.slice());
				received += chunk.length;
				options.onBytes?.(chunk.length);
				await this.onChunk?.(path, received);
			}
			if (options.signal?.aborted) throw abortedError();
			if (received !== body.size) throw new TargetError("transient", `size check failed: ${received} bytes arrived of ${body.size}`);
			if (this.files.has(path)) throw new TargetError("exists", `${path} exists`);
			this.files.set(path, { bytes: concat(chunks), modified: new Date().toISOString(), etag: `"${++this.sequence}"` });
			this.onStored?.(path);
			return this.remoteFile(path) as RemoteFile;
		} finally {
			this.files.delete(temporary);
			this.inFlight--;
		}
	}

	move(from: string, to: string, signal?: AbortSignal): Promise<void> {
		this.enter("move", from, signal);
		const file = this.files.get(from);
		if (!file) return Promise.reject(new TargetError("not-found", `${from} not found`));
		if (this.files.has(to)) return Promise.reject(new TargetError("exists", `${to} exists`));
		this.files.delete(from);
		this.files.set(to, file);
		return Promise.resolve();
	}

	read(path: string, range?: { start: number; end: number }, signal?: AbortSignal): Promise<Uint8Array> {
		this.enter("read", path, signal);
		const file = this.files.get(path);
		if (!file) return Promise.reject(new TargetError("not-found", `${path} not found`));
		return Promise.resolve(range ? file.bytes.slice(range.start, range.end) : file.bytes.slice());
	}

	remove(path: string, signal?: AbortSignal): Promise<void> {
		this.enter("remove", path, signal);
		this.files.delete(path);
		return Promise.resolve();
	}

	quota(signal?: AbortSignal): Promise<Quota | null> {
		this.enter("quota", "", signal);
		return Promise.resolve(this.available === undefined ? null : { available: this.available });
	}

	private remoteFile(path: string): RemoteFile | null {
		const file = this.files.get(path);
		return file ? { path, size: file.bytes.length, etag: file.etag, modified: file.modified } : null;
	}

	/** Records the call, then throws a planned fault for it, or a cancellation. */
	private enter(op: TargetOp, path: string, signal?: AbortSignal): void {
		this.calls.push({ op, path });
		if (signal?.aborted) throw abortedError();
		const fault = this.faults.find((f) => f.op === op && (f.times ?? 1) > 0 && matches(f.path, path));
		if (!fault) return;
		fault.times = (fault.times ?? 1) - 1;
		throw fault.error();
	}
}

function matches(pattern: string | RegExp | undefined, path: string): boolean {
	if (pattern === undefined) return true;
	return typeof pattern === "string" ? pattern === path : pattern.test(path);
}


function raceAbort(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
	if (!signal) return promise;
	return new Promise((resolve, reject) => {
		const onAbort = (): void => reject(abortedError());
		if (signal.aborted) return onAbort();
		signal.addEventListener("abort", onAbort, { once: true });
		promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
	});
}
