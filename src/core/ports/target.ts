/**
 * A backup target as the backup engine sees it: a remote folder tree (WebDAV server, local folder, later
 * S3) addressed by "/"-separated paths relative to the target's root. Implementations translate their
 * failures into TargetError codes; retry policy lives in a decorator (targets/retrying-target.ts), not here.
 */

export interface RemoteFile {
	/** Relative to the target's root, "/"-separated, no leading "/". */
	path: string;
	size: number;
	/** The server's entity tag, when it gives one (quotes kept as sent). */
	etag?: string;
	/** ISO time of the last modification, when the server gives one. */
	modified?: string;
}

export interface RemoteListing {
	files: RemoteFile[];
	/** Names of the sub-folders (not paths), for walking folder by folder. */
	folders: string[];
}

/**
 * The bytes of one upload. `open` may be called more than once (a retry starts again, or at `start` when
 * the target can resume); each call returns a fresh stream of the bytes from `start` to the end.
 */
export interface UploadBody {
	readonly size: number;
	open(start?: number): AsyncIterable<Uint8Array>;
}

export interface UploadOptions {
	signal?: AbortSignal;
	/** Called with the number of body bytes sent since the last call. */
	onBytes?: (sent: number) => void;
}

export interface TargetCapabilities {
	/** The target can report free space. */
	quota: boolean;
	/** An interrupted upload can continue where it stopped (ranged PUT) instead of starting again. */
	resumableUpload: boolean;
}

export interface Quota {
	/** Bytes free, when the server reports it. */
	available?: number;
	used?: number;
}

export interface Target {
	readonly capabilities: TargetCapabilities;
	/** Null when nothing is at `path`. */
	stat(path: string, signal?: AbortSignal): Promise<RemoteFile | null>;
	/** The files and folders directly in `folder` ("" is the root). A missing folder lists as empty. */
	list(folder: string, signal?: AbortSignal): Promise<RemoteListing>;
	/**
	 * Stores `body` at `path`, creating parent folders. Contract: nothing half-written is ever visible
	 * under `path` — the bytes go to a temporary name beside it and are moved into place, and the size is
	 * confirmed afterwards. Never replaces an existing file: if something is at `path` it throws
	 * TargetError "exists" and leaves both the existing file and no temporary behind. Returns the stored file.
	 */
	put(path: string, body: UploadBody, options?: UploadOptions): Promise<RemoteFile>;
	/** Moves a file; throws TargetError "exists" if `to` is taken (never overwrites). */
	move(from: string, to: string, signal?: AbortSignal): Promise<void>;
	/** The file's bytes, or `range` of them (end exclusive). Throws TargetError "not-found". */
	read(path: string, range?: { start: number; end: number }, signal?: AbortSignal): Promise<Uint8Array>;
	/** Removes a file; a missing file is not an error. Used for probes and temporaries, never for backups. */
	remove(path: string, signal?: AbortSignal): Promise<void>;
	/** Free space where the target reports it, else null. */
	quota(signal?: AbortSignal): Promise<Quota | null>;
}
