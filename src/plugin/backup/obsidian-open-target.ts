/**
 * Opens backup targets inside Obsidian: bodies for requestUrl (large ones streamed on desktop), S3 requests
 * through requestUrl, passwords, S3 keys and passphrases from the keychain, folders on desktop.
 */
import { Platform, requestUrl, type SecretStorage } from "obsidian";
import { loadDesktopHttp } from "../../adapters/obsidian/desktop-http";
import { requestUrlTransport, type RequestUrl } from "../../adapters/obsidian/request-url-transport";
import type { StreamingTransport } from "../../adapters/obsidian/streamed-body";
import type { OpenTarget } from "../../core/backup/backup-types";
import type { TargetConfig } from "../../core/model/target-config";
import { TargetError } from "../../core/model/target-error";
import type { DataStore } from "../../core/ports/data-store";
import type { LocalFs } from "../../core/ports/local-fs";
import { makeOpenTarget } from "../../core/targets/open-target";
import type { TargetSecretName } from "../../core/targets/s3/open-s3-target";
import type { WebdavModule } from "../../core/targets/webdav-target";
import { obsidianBodyEncoder } from "./exact-body";

export interface ObsidianTargetDeps {
	secretStorage: Pick<SecretStorage, "getSecret">;
	/** Loads the file system of folder targets; null where there is none (mobile). */
	localFs: (() => Promise<LocalFs | null>) | null;
	/**
	 * Loads the transport that streams large upload bodies; null: every body goes to requestUrl whole.
	 * Left out: Node's HTTP in the desktop app (loaded when the first large file is sent), none elsewhere.
	 */
	streaming?: (() => Promise<StreamingTransport | null>) | null;
	/** Bodies at least this large stream (default 32 MB). */
	streamFromBytes?: number;
	/** Tests only: the webdav build to use (the plugin bundles its web build; Node resolves its Node build). */
	webdav?: WebdavModule;
	/** The plugin's data folder: S3 targets remember their unfinished multipart uploads there. */
	data?: DataStore;
	/** Tests only: another requestUrl for S3 requests. */
	requestUrl?: RequestUrl;
}

/** The password of a WebDAV target, read from Obsidian's secret storage each time the target opens (never kept). */
export function keychainPassword(secretStorage: Pick<SecretStorage, "getSecret">, config: TargetConfig): string | undefined {
	return fromKeychain(secretStorage, config, config.passwordSecret, "password");
}

/**
 * The S3 secret key or the encryption passphrase of a target, from the keychain each time it opens. The
 * access key id is no secret: the settings hold it, so the keychain has none to give.
 */
export function keychainSecret(secretStorage: Pick<SecretStorage, "getSecret">, config: TargetConfig, which: TargetSecretName): string | undefined {
	if (which === "secretKey") return fromKeychain(secretStorage, config, config.secretKeySecret, "secret key");
	if (which === "passphrase") return fromKeychain(secretStorage, config, config.passphraseSecret, "passphrase");
	return undefined;
}

function fromKeychain(secretStorage: Pick<SecretStorage, "getSecret">, config: TargetConfig, name: string | undefined, what: string): string | undefined {
	if (name === undefined) return undefined;
	const secret = secretStorage.getSecret(name);
	if (secret === null) {
		// Stops the target with a clear reason rather than letting the server answer a blank password with 401.
		throw new TargetError("auth", `The ${what} “${name}” of “${config.name}” is not in Obsidian's keychain on this device: pick or create it again in the target's settings.`);
	}
	return secret;
}

export function obsidianOpenTarget(deps: ObsidianTargetDeps): OpenTarget {
	const load = deps.streaming === undefined ? (Platform.isDesktopApp ? loadDesktopHttp : null) : deps.streaming;
	return makeOpenTarget({
		encodeBody: obsidianBodyEncoder(load === null ? null : { load, fromBytes: deps.streamFromBytes }),
		localFs: deps.localFs,
		password: async (config) => keychainPassword(deps.secretStorage, config),
		secret: async (config, which) => keychainSecret(deps.secretStorage, config, which),
		http: requestUrlTransport(deps.requestUrl ?? requestUrl),
		data: deps.data,
		// A phone holds each part whole in memory and its radio gains little from parallel parts.
		partConcurrency: Platform.isMobile ? 1 : undefined,
		webdav: deps.webdav,
	});
}
