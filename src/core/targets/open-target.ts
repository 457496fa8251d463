/**
 * Opens a configured target the same way in every shell: checks the configuration, builds the WebDAV,
 * folder or S3 target with what the host provides (transport, local file system, secrets), adds retries,
 * and encryption outside them.
 */
import type { OpenTarget } from "../backup/backup-types";
import type { TargetConfig } from "../model/target-config";
import { TargetError } from "../model/target-error";
import type { LocalFs } from "../ports/local-fs";
import type { Target } from "../ports/target";
import { openEncryptedTarget } from "./encrypting-target";
import { createFolderTarget } from "./folder-target";
import { retrying, type RetryPolicy } from "./retrying-target";
import { openS3Target, type S3Host } from "./s3/open-s3-target";
import type { EncodeBody } from "./webdav-http";
import { createWebdavTarget, type WebdavModule } from "./webdav-target";

/** S3 targets and the passphrase of encrypted ones come through the S3Host part (http, secret, data). */
export interface TargetHost extends S3Host {
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

/**
 * encrypting(retrying(bare)), not the other way round: the encrypting target fixes one nonce per put, so
 * each retried request (or a ranged resume) re-sends the same ciphertext bytes of that one put, while a
 * retry around it would start a whole new put with a fresh nonce. The passphrase is asked for first, so
 * a missing one stops the target before any request.
 */
export function makeOpenTarget(host: TargetHost): OpenTarget {
	return async (config) => {
		const passphrase = config.encrypt === true ? await encryptionPassphrase(host, config) : undefined;
		const target = retrying(await openBare(host, config), host.retry);
		return passphrase === undefined ? target : openEncryptedTarget(target, passphrase);
	};
}

async function encryptionPassphrase(host: TargetHost, config: TargetConfig): Promise<string> {
	const passphrase = await host.secret?.(config, "passphrase");
	if (!passphrase) {
		throw new TargetError("auth", `Target "${config.name || config.id}" is encrypted but has no passphrase: set the passphrase its backups were made with.`);
	}
	return passphrase;
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
		case "s3":
			return openS3Target(host, config);
		default:
			throw invalid(`Target "${name}" is of an unknown kind "${kind}" (expected webdav, folder or s3).`);
	}
}

function invalid(message: string): TargetError {
	return new TargetError("refused", message);
}
