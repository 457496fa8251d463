/** Where `target add` records that a secret is read from (an environment variable or a file), never the secret itself. */
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { UsageError } from "./usage-error";

/** The secrets a target may need, each read on every run. */
export type CliSecret = "password" | "accessKeyId" | "secretKey" | "passphrase";

const ENV_WORD: Readonly<Record<CliSecret, string>> = {
	password: "PASSWORD",
	accessKeyId: "ACCESS_KEY",
	secretKey: "SECRET_KEY",
	passphrase: "PASSPHRASE",
};

/** How each secret is named in messages. */
export const SECRET_WORDS: Readonly<Record<CliSecret, string>> = {
	password: "password",
	accessKeyId: "access key id",
	secretKey: "secret key",
	passphrase: "passphrase",
};

const ENV_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The variable read when `target add` named no other source, and for targets set up in Obsidian, whose
 * secret storage the command line cannot read: PHOTO_ARCHIVIST_PASSWORD_NAS, PHOTO_ARCHIVIST_SECRET_KEY_B2.
 */
export function defaultSecretEnv(which: CliSecret, id: string): string {
	return `PHOTO_ARCHIVIST_${ENV_WORD[which]}_${id.toUpperCase().replace(/-/g, "_")}`;
}

export function required(value: string | undefined, option: string): string {
	if (value === undefined || value.trim() === "") throw new UsageError(`target add needs ${option}`);
	return value.trim();
}

/** The variable to record, checked as a name; a warning when it is not set where `target add` runs. */
export function envSource(option: string, variable: string, warnings: string[]): string {
	if (!ENV_PATTERN.test(variable)) throw new UsageError(`${option} takes the name of an environment variable, not "${variable}"`);
	if (!process.env[variable]) warnings.push(`the environment variable ${variable} is not set here: set it wherever the backup runs (cron, systemd)`);
	return variable;
}

/** The file to record, by its absolute path, once it is known to be a readable file; a warning when others can read it. */
export async function secretFile(given: string, which: CliSecret, warnings: string[]): Promise<string> {
	const file = resolve(given);
	const what = SECRET_WORDS[which];
	try {
		await access(file, constants.R_OK);
	} catch {
		throw new UsageError(`cannot read the ${what} file ${file}`);
	}
	const info = await stat(file);
	if (!info.isFile()) throw new UsageError(`the ${what} file ${file} is not a file`);
	// Like ssh with its keys: say so when other users of the machine can read the secret.
	if ((info.mode & 0o077) !== 0) warnings.push(`the ${what} file ${file} can be read by other users: chmod 600 ${file}`);
	return file;
}

/** Secrets are never taken as options: they would show in the process list and the shell's history. */
export function refuseLiteralSecrets(args: readonly string[]): void {
	for (const option of ["--passphrase", "--secret-key", "--access-key"]) {
		if (args.some((arg) => arg === option || arg.startsWith(`${option}=`))) {
			throw new UsageError(`${option} is never taken on the command line (it would show in the process list and the shell's history): use ${option}-env VAR${option === "--passphrase" ? " or --passphrase-file FILE" : ""}`);
		}
	}
}
