/** A backup target in a local folder (an external SSD, a mounted share): desktop and CLI only. */
import { TargetError } from "../model/target-error";
import type { LocalFs } from "../ports/local-fs";
import type { Quota, RemoteFile, RemoteListing, Target, UploadBody, UploadOptions } from "../ports/target";
import { checkRemotePath, isTemporaryName, joinRemote, parentOf, temporaryPath } from "./remote-path";
import { watchedBody } from "./watched-body";

export interface FolderTargetOptions {
	/** Absolute path of the target's folder; it must exist (a drive that is not connected is not created). */
	root: string;
	fs: LocalFs;
}

export function createFolderTarget(options: FolderTargetOptions): Target {
	return new FolderTarget(options.root, options.fs);
}

class FolderTarget implements Target {
	readonly capabilities = { quota: true, resumableUpload: false };

	constructor(
		private readonly root: string,
		private readonly fs: LocalFs,
	) {}

	async stat(path: string): Promise<RemoteFile | null> {
		checkRemotePath(path);
		const found = await this.local(`looking up ${path}`, () => this.fs.stat(this.abs(path)));
		if (!found) return null;
		if (found.kind !== "file") return { path, size: 0 };
		return { path, size: found.size, modified: new Date(found.mtimeMs).toISOString() };
	}

	async list(folder: string): Promise<RemoteListing> {
		if (folder !== "") checkRemotePath(folder);
		const entries = (await this.local(`listing ${folder || "the folder"}`, () => this.fs.readdir(this.abs(folder)))) ?? [];
		const listing: RemoteListing = { files: [], folders: [] };
		for (const entry of entries) {
			if (isTemporaryName(entry.name)) continue;
			if (entry.kind === "folder") listing.folders.push(entry.name);
			else if (entry.kind === "file") {
				const file = await this.stat(joinRemote(folder, entry.name));
				if (file) listing.files.push(file);
			}
		}
		return listing;
	}

	async put(path: string, body: UploadBody, options: UploadOptions = {}): Promise<RemoteFile> {
		checkRemotePath(path);
		const { signal } = options;
		throwIfCancelled(signal);
		await this.requireRoot();
		const action = `writing ${path}`;
		await this.local(action, () => this.fs.mkdirs(this.abs(parentOf(path))));
		if ((await this.stat(path)) !== null) throw this.taken(path);
		const temp = this.abs(temporaryPath(path));
		const source = watchedBody(body, 0, (bytes) => options.onBytes?.(bytes));
		const writer = await this.local(action, () => this.fs.openWriter(temp));
		try {
			try {
				for await (const chunk of source.open()) {
					throwIfCancelled(signal);
					await writer.write(chunk);
				}
				await writer.sync();
			} finally {
				await writer.close();
			}
		} catch (error) {
			await this.fs.unlink(temp).catch(() => undefined);
			if (error instanceof TargetError || error === source.sourceError) throw error;
			throw localFailure(error, action, this.root);
		}
		await this.moveIntoPlace(temp, path);
		const stored = await this.stat(path);
		if (stored?.size !== body.size) {
			throw new TargetError("refused", `${path} holds ${stored?.size ?? 0} bytes after it was written, but ${body.size} were sent. It was left as it is: check it.`);
		}
		return stored;
	}

	async move(from: string, to: string): Promise<void> {
		checkRemotePath(from);
		checkRemotePath(to);
		const action = `moving ${from} to ${to}`;
		await this.local(action, () => this.fs.mkdirs(this.abs(parentOf(to))));
		try {
			await this.fs.renameNoReplace(this.abs(from), this.abs(to));
		} catch (error) {
			if (codeOf(error) === "EEXIST") throw this.taken(to);
			if (codeOf(error) === "ENOENT") throw new TargetError("not-found", `${from} is not in the folder.`, { cause: error });
			throw localFailure(error, action, this.root);
		}
	}

	async read(path: string, range?: { start: number; end: number }): Promise<Uint8Array> {
		checkRemotePath(path);
		const found = await this.stat(path);
		if (!found) throw new TargetError("not-found", `${path} is not in the folder.`);
		const start = range?.start ?? 0;
		const end = Math.min(range?.end ?? found.size, found.size);
		if (end <= start) return new Uint8Array(0);
		return this.local(`reading ${path}`, () => this.fs.read(this.abs(path), start, end));
	}

	async remove(path: string): Promise<void> {
		checkRemotePath(path);
		await this.local(`removing ${path}`, () => this.fs.unlink(this.abs(path)));
	}

	async quota(): Promise<Quota | null> {
		await this.requireRoot();
		const free = await this.local("asking for free space", () => this.fs.freeBytes(this.root));
		return free ? { available: free.available } : null;
	}

	/** The new name is checked before writing too, but only the no-replace rename decides. */
	private async moveIntoPlace(temp: string, path: string): Promise<void> {
		try {
			await this.fs.renameNoReplace(temp, this.abs(path));
		} catch (error) {
			await this.fs.unlink(temp).catch(() => undefined);
			if (codeOf(error) === "EEXIST") throw this.taken(path);
			throw localFailure(error, `writing ${path}`, this.root);
		}
	}

	private async requireRoot(): Promise<void> {
		const found = await this.local("opening the folder", () => this.fs.stat(this.root));
		if (found?.kind !== "folder") {
			throw new TargetError("not-found", `The folder ${this.root} does not exist: is the drive connected? Create the folder if it is new.`);
		}
	}

	private taken(path: string): TargetError {
		return new TargetError("exists", `Something is already at ${path} in the folder; it was left as it is.`);
	}

	private abs(path: string): string {
		return this.fs.resolve(this.root, path);
	}

	private async local<T>(action: string, work: () => Promise<T>): Promise<T> {
		try {
			return await work();
		} catch (error) {
			throw localFailure(error, action, this.root);
		}
	}
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new TargetError("cancelled", "Cancelled.");
}

function codeOf(error: unknown): string {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === "string" ? code : "";
}

/** A file system error in TargetError codes: a full or read-only drive stops the target; a flaky one is retried. */
export function localFailure(error: unknown, action: string, root: string): TargetError {
	if (error instanceof TargetError) return error;
	const code = codeOf(error);
	const reason = error instanceof Error ? error.message : String(error);
	const details = { cause: error };
	switch (code) {
		case "ENOSPC":
		case "EDQUOT":
			return new TargetError("no-space", `The drive holding ${root} is full.`, details);
		case "EACCES":
		case "EPERM":
		case "EROFS":
			return new TargetError("auth", `No permission to write to ${root} (${code}): check the folder's permissions, or whether the drive is read-only.`, details);
		case "ENOENT":
		case "ENOTDIR":
			return new TargetError("not-found", `Not found while ${action} (${reason}).`, details);
		case "EEXIST":
			return new TargetError("exists", `Something is already there (${action}).`, details);
		case "EIO":
		case "EBUSY":
		case "EAGAIN":
		case "ETIMEDOUT":
		case "ESTALE":
		case "ENXIO":
		case "ENODEV":
			return new TargetError("transient", `The drive failed while ${action} (${code}): is it still connected?`, details);
		default:
			return new TargetError("refused", `Could not finish ${action} (${reason}).`, details);
	}
}
