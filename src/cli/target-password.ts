/**
 * Where the CLI gets a target's secrets on each run — a WebDAV password, S3 keys, an encryption passphrase:
 * the file or environment variable recorded by `target add`, else PHOTO_ARCHIVIST_<SECRET>_<ID> (for
 * targets set up in Obsidian, whose secret storage the command line cannot read). Secrets are only ever
 * held in memory.
 */
import { readFile } from "node:fs/promises";
import type { TargetConfig } from "../core/model/target-config";
import { TargetError } from "../core/model/target-error";
import { defaultSecretEnv, SECRET_WORDS, type CliSecret } from "./target-secret-args";

/** Undefined when the target needs none (no user name). Throws TargetError "auth", which stops only that target. */
export async function targetPassword(target: TargetConfig, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
	if (!target.username) return undefined;
	return targetSecret(target, "password", env);
}

interface Source {
	env?: string;
	file?: string;
	/** The name of the secret in Obsidian's secret storage, when the target was set up there. */
	keychain?: string;
}

function sourceOf(target: TargetConfig, which: CliSecret): Source {
	switch (which) {
		case "password":
			return { env: target.passwordEnv, file: target.passwordFile, keychain: target.passwordSecret };
		case "accessKeyId":
			return { env: target.accessKeyEnv };
		case "secretKey":
			return { env: target.secretKeyEnv, keychain: target.secretKeySecret };
		case "passphrase":
			return { env: target.passphraseEnv, file: target.passphraseFile, keychain: target.passphraseSecret };
	}
}

/** One secret of `target`, read now. Throws TargetError "auth" saying where it was looked for. */
export async function targetSecret(target: TargetConfig, which: CliSecret, env: NodeJS.ProcessEnv = process.env): Promise<string> {
	const source = sourceOf(target, which);
	const what = SECRET_WORDS[which];
	if (source.file) return fromFile(target, source.file, what);
	const variable = source.env ?? defaultSecretEnv(which, target.id);
	const value = env[variable];
	if (value) return value;
	const where = source.keychain && !source.env
		? ` (its ${what} is kept in Obsidian's secret storage, which the command line cannot read)`
		: "";
	throw new TargetError("auth", `no ${what} for target "${target.name}"${where}: set the environment variable ${variable}`);
}

/** How a target gets one secret, in words, for `target list` (never the secret itself). */
export function secretSource(target: TargetConfig, which: CliSecret): string {
	const source = sourceOf(target, which);
	if (source.file) return `file ${source.file}`;
	if (source.env) return `environment variable ${source.env}`;
	const fallback = `environment variable ${defaultSecretEnv(which, target.id)}`;
	return source.keychain ? `Obsidian's secret storage; from the command line: ${fallback}` : fallback;
}

/** Where a stopped target's secrets came from, for the backup report ("user alice, password from …"); null when it has none. */
export function credentialsText(target: TargetConfig): string | null {
	const parts: string[] = [];
	if (target.kind === "webdav" && target.username) parts.push(`user ${target.username}, password from ${secretSource(target, "password")}`);
	if (target.kind === "s3") parts.push(`secret key from ${secretSource(target, "secretKey")}`);
	if (target.encrypt === true) parts.push(`passphrase from ${secretSource(target, "passphrase")}`);
	return parts.length === 0 ? null : parts.join(", ");
}

async function fromFile(target: TargetConfig, file: string, what: string): Promise<string> {
	let text: string;
	try {
		text = await readFile(file, "utf8");
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
		throw new TargetError("auth", `cannot read the ${what} file ${file} of target "${target.name}" (${code})`);
	}
	// `echo secret > file` adds a newline that is not part of the secret.
	const secret = text.replace(/\r?\n$/, "");
	if (secret === "") throw new TargetError("auth", `the ${what} file ${file} of target "${target.name}" is empty`);
	return secret;
}
