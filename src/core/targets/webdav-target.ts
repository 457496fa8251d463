/** A backup target on a WebDAV server (Synology, QNAP, Nextcloud, Apache mod_dav, nginx, rclone serve webdav). */
import * as webdav from "webdav";
import { TargetError } from "../model/target-error";
import type { Quota, RemoteFile, RemoteListing, Target, TargetCapabilities, UploadBody, UploadOptions } from "../ports/target";
import { baseName, checkRemotePath, isTemporaryName, joinRemote, parentOf, shownPath, temporaryPath } from "./remote-path";
import { DavHttp, type DavRequest, type EncodeBody } from "./webdav-http";
import { WebdavFolders } from "./webdav-folders";
import { type DavEntry, parseEntries, parseQuota, QUOTA_PROPFIND } from "./webdav-multistatus";
import { RangedUploads } from "./webdav-ranged-upload";
import { WebdavUrls } from "./webdav-urls";

/** The parts of the webdav package used here; a test may pass another build of it (its web build). */
export type WebdavModule = Pick<typeof webdav, "createClient" | "parseXML">;

export interface WebdavTargetOptions {
	/** Server URL including the target's folder: "https://nas.local:5006/photos". */
	url: string;
	username?: string;
	password?: string;
	encodeBody: EncodeBody;
	/** A request with no progress for this long fails as transient (default 60 s). */
	timeoutMs?: number;
	/** Uploads at least this large resume after an interruption where the server allows it (default 64 MB). */
	resumeThresholdBytes?: number;
	webdav?: WebdavModule;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RESUME_THRESHOLD = 64 * 1024 * 1024;

export function createWebdavTarget(options: WebdavTargetOptions): Target {
	return new WebdavTarget(options);
}

class WebdavTarget implements Target {
	private readonly urls: WebdavUrls;
	private readonly http: DavHttp;
	private readonly parseXml: (xml: string) => Promise<webdav.DAVResult>;
	private readonly ranged: RangedUploads;
	private readonly resumeThreshold: number;
	private readonly folders: WebdavFolders;
	private answered = false;

	constructor(options: WebdavTargetOptions) {
		this.urls = new WebdavUrls(options.url);
		const module = options.webdav ?? webdav;
		// Auto starts with Basic and switches to Digest when a 401 asks for it.
		const client = module.createClient(this.urls.base.href, {
			username: options.username,
			password: options.password,
			authType: webdav.AuthType.Auto,
		});
		this.http = new DavHttp(client, options.encodeBody, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
		this.parseXml = (xml) => module.parseXML(xml);
		this.resumeThreshold = options.resumeThresholdBytes ?? DEFAULT_RESUME_THRESHOLD;
		this.folders = new WebdavFolders({
			make: (path, signal) =>
				this.send({ method: "MKCOL", url: this.urls.folder(path).href, signal, failure: { action: `creating the folder ${path}`, notFound: this.urls.missingFolder(parentOf(path)) } }),
			isFolder: async (path, signal) => (await this.propfind(this.urls.folder(path), "0", `looking up ${path}`, signal))?.[0]?.folder === true,
		});
		this.ranged = new RangedUploads({
			putBody: (path, body, offset, ranged, upload) => this.putBody(path, body, offset, ranged, upload),
			statFile: (path, signal) => this.stat(path, signal),
			read: (path, range, signal) => this.read(path, range, signal),
			remove: (path, signal) => this.remove(path, signal),
		});
	}

	get capabilities(): TargetCapabilities {
		return { quota: true, resumableUpload: this.ranged.confirmed };
	}

	async stat(path: string, signal?: AbortSignal): Promise<RemoteFile | null> {
		checkRemotePath(path);
		const entries = await this.propfind(this.urls.file(path), "0", `looking up ${shownPath(path)}`, signal);
		const entry = entries?.[0];
		if (!entry) return null;
		return entry.folder ? { path, size: 0 } : remoteFile(path, entry);
	}

	async list(folder: string, signal?: AbortSignal): Promise<RemoteListing> {
		if (folder !== "") checkRemotePath(folder);
		const entries = await this.propfind(this.urls.folder(folder), "1", `listing ${this.urls.describe(folder)}`, signal);
		const listing: RemoteListing = { files: [], folders: [] };
		const self = this.urls.describe(folder);
		for (const [index, entry] of (entries ?? []).entries()) {
			if (entry.path === self || (index === 0 && entry.folder && !entries?.some((other) => other.path === self))) continue;
			const name = baseName(entry.path);
			if (name === "" || isTemporaryName(name)) continue;
			if (entry.folder) listing.folders.push(name);
			else listing.files.push(remoteFile(joinRemote(folder, name), entry));
		}
		return listing;
	}

	async put(path: string, body: UploadBody, options: UploadOptions = {}): Promise<RemoteFile> {
		checkRemotePath(path);
		const { signal } = options;
		const temp = temporaryPath(path);
		await this.folders.ensure(parentOf(path), signal);
		// The first request of a target carries no body: if it must switch to Digest, it does so here.
		if (!this.answered) await this.propfind(this.urls.folder(parentOf(path)), "0", `uploading ${path}`, signal);
		if (body.size >= this.resumeThreshold) {
			// Only the MOVE decides, but a taken name is worth one question before sending gigabytes.
			if ((await this.stat(path, signal)) !== null) throw this.taken(path);
		}
		if (body.size >= this.resumeThreshold && (await this.ranged.supported(parentOf(path), signal))) {
			await this.ranged.upload(temp, body, options);
		} else {
			await this.putBody(temp, body, 0, false, options);
		}
		await this.moveIntoPlace(temp, path, body.size, signal);
		const stored = await this.stat(path, signal);
		if (!stored) throw new TargetError("refused", `${path} is not on the server after its upload.`);
		if (stored.size !== body.size) {
			throw new TargetError(
				"refused",
				`The server holds ${stored.size} bytes for ${path} after its upload, but ${body.size} were sent. It was left as it is: check it on the server.`,
			);
		}
		return stored;
	}

	async move(from: string, to: string, signal?: AbortSignal): Promise<void> {
		checkRemotePath(from);
		checkRemotePath(to);
		await this.folders.ensure(parentOf(to), signal);
		await this.moveNoReplace(from, to, `moving ${from} to ${to}`, signal);
	}

	async read(path: string, range?: { start: number; end: number }, signal?: AbortSignal): Promise<Uint8Array> {
		checkRemotePath(path);
		if (range && range.end <= range.start) return new Uint8Array(0);
		const headers: Record<string, string> = range ? { Range: `bytes=${range.start}-${range.end - 1}` } : {};
		const request: DavRequest = { method: "GET", url: this.urls.file(path).href, headers, signal, failure: { action: `reading ${shownPath(path)}`, notFound: `${shownPath(path)} is not on the server.` } };
		try {
			return await this.http.send(request, async (response) => {
				this.answered = true;
				const bytes = new Uint8Array(await response.arrayBuffer());
				// A server that ignores Range answers 200 with the whole file.
				return range && response.status === 200 ? bytes.slice(range.start, range.end) : bytes;
			});
		} catch (error) {
			if (range && error instanceof TargetError && error.details.status === 416) return new Uint8Array(0);
			throw error;
		}
	}

	async remove(path: string, signal?: AbortSignal): Promise<void> {
		checkRemotePath(path);
		try {
			await this.send({ method: "DELETE", url: this.urls.file(path).href, signal, failure: { action: `removing ${shownPath(path)}` } });
		} catch (error) {
			if (error instanceof TargetError && error.code === "not-found") return;
			throw error;
		}
	}

	async quota(signal?: AbortSignal): Promise<Quota | null> {
		const request: DavRequest = {
			method: "PROPFIND",
			url: this.urls.folder("").href,
			headers: { Depth: "0" },
			xml: QUOTA_PROPFIND,
			signal,
			failure: { action: "asking for free space", notFound: this.urls.missingFolder("") },
		};
		const xml = await this.http.send(request, (response) => response.text());
		this.answered = true;
		return parseQuota(xml, this.parseXml);
	}

	private async putBody(path: string, body: UploadBody, offset: number, ranged: boolean, options: UploadOptions): Promise<void> {
		const headers: Record<string, string> = ranged ? { "Content-Range": `bytes ${offset}-${body.size - 1}/${body.size}` } : {};
		await this.send({
			method: "PUT",
			url: this.urls.file(path).href,
			headers,
			upload: { body, offset, onBytes: options.onBytes },
			signal: options.signal,
			failure: { action: `uploading ${shownPath(path)}`, notFound: this.urls.missingFolder(parentOf(path)) },
		});
	}

	private async moveNoReplace(from: string, to: string, action: string, signal?: AbortSignal): Promise<void> {
		await this.send({
			method: "MOVE",
			url: this.urls.file(from).href,
			// RFC 4918 §10.6: without Overwrite: F a MOVE replaces whatever is at the destination.
			headers: { Destination: this.urls.file(to).href, Overwrite: "F" },
			signal,
			failure: { action, notFound: `${shownPath(from)} is not on the server.` },
		});
	}

	/** A 412 means the name is taken: the temporary goes, the other file stays. */
	private async moveIntoPlace(temp: string, path: string, size: number, signal?: AbortSignal): Promise<void> {
		try {
			await this.moveNoReplace(temp, path, `uploading ${path}`, signal);
		} catch (error) {
			if (!(error instanceof TargetError)) throw error;
			if (error.code === "exists") {
				await this.remove(temp, signal);
				throw this.taken(path);
			}
			if (error.code === "transient" && (await this.movedAnyway(temp, path, size, signal))) return;
			throw error;
		}
	}

	private taken(path: string): TargetError {
		return new TargetError("exists", `Something is already at ${path} on the server; it was left as it is.`, { status: 412 });
	}

	/** After a MOVE whose answer was lost: did it happen? */
	private async movedAnyway(temp: string, path: string, size: number, signal?: AbortSignal): Promise<boolean> {
		try {
			return (await this.stat(temp, signal)) === null && (await this.stat(path, signal))?.size === size;
		} catch {
			return false;
		}
	}

	/** Null when nothing is there. */
	private async propfind(url: URL, depth: "0" | "1", action: string, signal?: AbortSignal): Promise<DavEntry[] | null> {
		const request: DavRequest = { method: "PROPFIND", url: url.href, headers: { Depth: depth }, signal, failure: { action } };
		try {
			const xml = await this.http.send(request, (response) => response.text());
			this.answered = true;
			return await parseEntries(xml, this.parseXml, action);
		} catch (error) {
			if (error instanceof TargetError && error.code === "not-found") return null;
			throw error;
		}
	}

	private async send(request: DavRequest): Promise<void> {
		await this.http.send(request, async (response) => {
			this.answered = true;
			await response.arrayBuffer();
		});
	}
}

function remoteFile(path: string, entry: DavEntry): RemoteFile {
	const file: RemoteFile = { path, size: entry.size };
	if (entry.etag !== undefined) file.etag = entry.etag;
	if (entry.modified !== undefined) file.modified = entry.modified;
	return file;
}
