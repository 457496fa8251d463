/** Opens backup targets inside Obsidian: bodies as exact ArrayBuffers for requestUrl, passwords from the keychain, folders on desktop. */
import type { SecretStorage } from "obsidian";
import type { OpenTarget } from "../../core/backup/backup-types";
import type { TargetConfig } from "../../core/model/target-config";
import { TargetError } from "../../core/model/target-error";
import type { LocalFs } from "../../core/ports/local-fs";
import { makeOpenTarget } from "../../core/targets/open-target";
import { exactArrayBuffer } from "./exact-body";

export interface ObsidianTargetDeps {
	secretStorage: Pick<SecretStorage, "getSecret">;
	/** Loads the file system of folder targets; null where there is none (mobile). */
	localFs: (() => Promise<LocalFs | null>) | null;
}

/** The password of a WebDAV target, read from Obsidian's secret storage each time the target opens (never kept). */
export function keychainPassword(secretStorage: Pick<SecretStorage, "getSecret">, config: TargetConfig): string | undefined {
	const name = config.passwordSecret;
	if (name === undefined) return undefined;
	const secret = secretStorage.getSecret(name);
	if (secret === null) {
		// Stops the target with a clear reason rather than letting the server answer a blank password with 401.
		throw new TargetError("auth", `The password “${name}” of “${config.name}” is not in Obsidian's keychain on this device: pick or create it again in the target's settings.`);
	}
	return secret;
}

export function obsidianOpenTarget(deps: ObsidianTargetDeps): OpenTarget {
	return makeOpenTarget({
		encodeBody: exactArrayBuffer,
		localFs: deps.localFs,
		password: async (config) => keychainPassword(deps.secretStorage, config),
	});
}
