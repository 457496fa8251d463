/**
 * Where the CLI gets a WebDAV target's password on each run: the file or environment variable recorded by
 * `target add`, else PHOTO_ARCHIVIST_PASSWORD_<ID> (for targets set up in Obsidian, whose secret storage
 * the command line cannot read). The password is only ever held in memory.
 */
import { readFile } from "node:fs/promises";
import type { TargetConfig } from "../core/model/target-config";
import { TargetError } from "../core/model/target-error";
import { defaultPasswordEnv } from "./target-config-args";

/** Undefined when the target needs none (no user name). Throws TargetError "auth", which stops only that target. */
export async function targetPassword(target: TargetConfig, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
	if (!target.username) return undefined;
	if (target.passwordFile) return fromFile(target, target.passwordFile);
	const variable = target.passwordEnv ?? defaultPasswordEnv(target.id);
	const value = env[variable];
	if (value) return value;
	const where = target.passwordSecret && !target.passwordEnv
		? ` (its password is kept in Obsidian's secret storage, which the command line cannot read)`
		: "";
	throw new TargetError("auth", `no password for target "${target.name}"${where}: set the environment variable ${variable}`);
}

async function fromFile(target: TargetConfig, file: string): Promise<string> {
	let text: string;
	try {
		text = await readFile(file, "utf8");
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
		throw new TargetError("auth", `cannot read the password file ${file} of target "${target.name}" (${code})`);
	}
	// `echo secret > file` adds a newline that is not part of the password.
	const password = text.replace(/\r?\n$/, "");
	if (password === "") throw new TargetError("auth", `the password file ${file} of target "${target.name}" is empty`);
	return password;
}
