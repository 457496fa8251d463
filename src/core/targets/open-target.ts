/**
 * Opens a configured target the same way in every shell: checks the configuration, builds the WebDAV or
 * folder target with what the host provides (transport body, local file system, password), adds retries.
 */
import type { OpenTarget } from "../backup/backup-types";
import type { TargetConfig } from "../model/target-config";
import { TargetError } from "../model/target-error";
import type { LocalFs } from "../ports/local-fs";
import type { Target } from "../ports/target";
import { createFolderTarget } from "./folder-target";
import { retrying, type RetryPolicy } from "./retrying-target";
import type { EncodeBody } from "./webdav-http";
import { createWebdavTarget, type WebdavModule } from "./webdav-target";

export interface TargetHost {
	/** How this host's transport wants an upload body (a Node stream, an exact ArrayBuffer). */
	encodeBody: EncodeBody;
	/** The local file system, loaded when first needed; null (or resolving to null) where there is none (mobile). */
	localFs: (() => Promise<LocalFs | null>) | null;
	/** The password for a WebDAV target, from the host's secret store, environment or file. */
	password: (config: TargetConfig) => Promise<string | undefined>;
	retry?: RetryPolicy;
	/** Per request, of no progress (default 60 s). */
	timeoutMs?: number;
	/** Tests only: another build of the webdav package. */
	webdav?: WebdavModule;
}

export function makeOpenTarget(host: TargetHost): OpenTarget {
	return async (config) => retrying(await openBare(host, config), host.retry);
}

async function openBare(host: TargetHost, config: TargetConfig): Promise<Target> {
	const kind: string = config.kind;
	const name = config.name || config.id;
	switch (kind) {
		case "webdav": {
			const url = config.url?.trim();
			if (!url) throw invalid(`Target "${name}" has no server URL: set one (https://host/folder).`);
			if (!/^https?:\/\//i.test(url)) throw invalid(`Target "${name}": the server URL "${url}" must start with https:// or http://.`);
			const password = config.username ? await host.password(config) : undefined;
			return createWebdavTarget({
				url,
				username: config.username || undefined,
				password,
				encodeBody: host.encodeBody,
				timeoutMs: host.timeoutMs,
				webdav: host.webdav,
			});
		}
		case "folder": {
			const fs = host.localFs ? await host.localFs() : null;
			if (!fs) throw invalid(`Target "${name}" is a folder target: those work on desktop and from the command line, not on this device.`);
			const path = config.path?.trim();
			if (!path) throw invalid(`Target "${name}" has no folder: set the absolute path of the folder to back up into.`);
			if (!fs.isAbsolute(path)) throw invalid(`Target "${name}": the folder "${path}" must be an absolute path (such as /Volumes/Backup or D:\\Backup).`);
			return createFolderTarget({ root: path, fs });
		}
		default:
			throw invalid(`Target "${name}" is of an unknown kind "${kind}" (expected webdav or folder).`);
	}
}

function invalid(message: string): TargetError {
	return new TargetError("refused", message);
}
