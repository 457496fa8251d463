/** Where a target path is on a WebDAV server: its URL (each name percent-encoded) and the folder's name in messages. */
import { TargetError } from "../model/target-error";
import { hrefPath } from "./webdav-multistatus";

export class WebdavUrls {
	/** The server URL with its folder ending in "/", so that names resolve inside it. */
	readonly base: URL;

	constructor(url: string) {
		this.base = serverUrl(url);
	}

	file(path: string): URL {
		return new URL(path.split("/").map(encodeURIComponent).join("/"), this.base);
	}

	/** A folder's URL ends in "/" (RFC 4918 §5.2), as some servers and iOS's requestUrl insist. */
	folder(folder: string): URL {
		return folder === "" ? this.base : new URL(`${this.file(folder).pathname}/`, this.base);
	}

	/** "/dav/photos/2024": the decoded path of a folder on the server, as the user would recognise it. */
	describe(folder: string): string {
		return hrefPath(this.folder(folder).pathname);
	}

	missingFolder(folder: string): string {
		return `The folder ${this.describe(folder)} does not exist on the server${folder === "" ? ": create it, or correct the URL" : ""}.`;
	}
}

function serverUrl(url: string): URL {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new TargetError("refused", `"${url}" is not a valid server URL (expected https://host/folder).`);
	}
	if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
		throw new TargetError("refused", `"${url}" is not a WebDAV address: it must start with https:// or http://.`);
	}
	if (parsed.username || parsed.password) {
		throw new TargetError("refused", "Put the user name and password in their own fields, not in the server URL.");
	}
	parsed.search = "";
	parsed.hash = "";
	if (!parsed.pathname.endsWith("/")) parsed.pathname += "/";
	return parsed;
}
