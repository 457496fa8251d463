/**
 * One folder of an S3 target, listed as a folder tree would be: ListObjectsV2 with the folder's key prefix
 * and "/" as delimiter, page after page, so objects are the folder's files and common prefixes its sub-folders.
 */
import type { RemoteFile, RemoteListing } from "../../ports/target";
import { checkRemotePath, joinRemote } from "../remote-path";
import { parseObjectPage } from "./s3-answers";
import type { S3Addresses } from "./s3-addressing";
import type { S3Http } from "./s3-http";

/** Whether a key names a file a target path can reach ("a//b" and "a/" cannot). */
function isReachable(path: string): boolean {
	try {
		checkRemotePath(path);
		return true;
	} catch {
		return false;
	}
}

/** `pageSize` below S3's 1000 only for tests of the paging. */
export async function listFolder(http: S3Http, addresses: S3Addresses, folder: string, signal?: AbortSignal, pageSize?: number): Promise<RemoteListing> {
	const prefix = addresses.folderPrefix(folder);
	const listing: RemoteListing = { files: [], folders: [] };
	const folders = new Set<string>();
	let token: string | undefined;
	do {
		const query: Record<string, string> = { "list-type": "2", delimiter: "/", prefix };
		if (pageSize !== undefined) query["max-keys"] = String(pageSize);
		if (token !== undefined) query["continuation-token"] = token;
		const response = await http.send({ method: "GET", url: addresses.bucketUrl(query), signal, action: `listing ${folder === "" ? "the target's root" : folder}` });
		const page = parseObjectPage(new TextDecoder().decode(response.body));
		for (const object of page.objects) {
			const name = object.key.slice(prefix.length);
			if (!object.key.startsWith(prefix) || name === "" || name.includes("/")) continue;
			const path = joinRemote(folder, name);
			if (!isReachable(path)) continue;
			const file: RemoteFile = { path, size: object.size };
			if (object.etag !== undefined) file.etag = object.etag;
			if (object.modified !== undefined) file.modified = object.modified;
			listing.files.push(file);
		}
		for (const common of page.prefixes) {
			const name = common.slice(prefix.length, -1);
			if (!common.startsWith(prefix) || name === "" || name.includes("/") || folders.has(name)) continue;
			if (!isReachable(joinRemote(folder, name))) continue;
			folders.add(name);
			listing.folders.push(name);
		}
		token = page.continuationToken;
	} while (token !== undefined);
	return listing;
}
