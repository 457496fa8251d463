/** Turns the options of `target add` into a TargetConfig, with a specific message for every mistake. */
import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { defaultMedium, defaultOffsite, MAX_CONCURRENCY } from "../core/backup/backup-settings";
import type { TargetConfig } from "../core/model/target-config";
import { ENCRYPTION_ADD_OPTIONS, encryptionFields, isLoopback, refuseS3Options, S3_ADD_OPTIONS, s3Fields, type S3AddOptions } from "./target-s3-args";
import { defaultSecretEnv, envSource, required, secretFile } from "./target-secret-args";
import { UsageError } from "./usage-error";

export interface TargetAddOptions extends S3AddOptions {
	id?: string;
	type?: string;
	url?: string;
	path?: string;
	name?: string;
	username?: string;
	"password-env"?: string;
	"password-file"?: string;
	layout?: string;
	medium?: string;
	offsite?: boolean;
	onsite?: boolean;
	concurrency?: string;
}

export const TARGET_ADD_OPTIONS = {
	id: { type: "string" },
	type: { type: "string" },
	url: { type: "string" },
	path: { type: "string" },
	name: { type: "string" },
	username: { type: "string" },
	"password-env": { type: "string" },
	"password-file": { type: "string" },
	layout: { type: "string" },
	medium: { type: "string" },
	offsite: { type: "boolean" },
	onsite: { type: "boolean" },
	concurrency: { type: "string" },
	...S3_ADD_OPTIONS,
	...ENCRYPTION_ADD_OPTIONS,
} as const;

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const CREDENTIALS_IN_URL = "--url must not hold a user name or password (it is saved in data.json): use --username and --password-env or --password-file";

/** The variable the CLI reads a target's password from when `target add` named no other source. */
export function defaultPasswordEnv(id: string): string {
	return defaultSecretEnv("password", id);
}

export interface BuiltTarget {
	target: TargetConfig;
	/** Things worth knowing that are not errors (an unset variable, a password file others can read). */
	warnings: string[];
}

export async function targetFromOptions(o: TargetAddOptions, vaultRoot: string): Promise<BuiltTarget> {
	const warnings: string[] = [];
	const id = required(o.id, "--id ID");
	if (!ID_PATTERN.test(id)) throw new UsageError(`invalid target id "${id}": use lower-case letters, digits and "-" (for example "nas" or "ssd-1")`);
	const kind = required(o.type, "--type webdav|folder|s3");
	if (kind !== "webdav" && kind !== "folder" && kind !== "s3") throw new UsageError(`--type must be webdav, folder or s3, not "${kind}"`);
	if (o.offsite === true && o.onsite === true) throw new UsageError("give either --offsite or --onsite, not both");
	const layout = o.layout ?? "mirror";
	if (layout !== "mirror" && layout !== "date") throw new UsageError(`--layout must be mirror or date, not "${layout}"`);
	const target: TargetConfig = {
		id,
		name: o.name?.trim() || id,
		kind,
		medium: o.medium?.trim() || defaultMedium(kind),
		offsite: o.offsite === true ? true : o.onsite === true ? false : defaultOffsite(kind),
		layout,
		enabled: true,
	};
	if (o.concurrency !== undefined) target.concurrency = concurrency(o.concurrency);
	if (kind === "s3") Object.assign(target, s3Fields(o, id, warnings));
	else refuseS3Options(o, kind);
	if (kind === "webdav") Object.assign(target, await webdavFields(o, id, warnings));
	else if (kind === "folder") target.path = await folderPath(o, vaultRoot, warnings);
	Object.assign(target, await encryptionFields(o, id, warnings));
	return { target, warnings };
}

function concurrency(text: string): number {
	const n = Number(text);
	if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) {
		throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not "${text}"`);
	}
	return n;
}

async function webdavFields(o: TargetAddOptions, id: string, warnings: string[]): Promise<Partial<TargetConfig>> {
	if (o.path !== undefined) throw new UsageError("a webdav target takes --url, not --path");
	const text = required(o.url, "--url URL for a webdav target");
	// Said before parsing, and without echoing the text: a password may hold "/", which a URL parser trips on.
	if (/^[a-z][a-z0-9+.-]*:\/\/[^?#]*@/i.test(text)) throw new UsageError(CREDENTIALS_IN_URL);
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new UsageError(`--url is not a URL: "${text}" (for example https://nas.local:5006/photos)`);
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--url must start with http:// or https://, not ${url.protocol}//`);
	if (url.username !== "" || url.password !== "") throw new UsageError(CREDENTIALS_IN_URL);
	const fields: Partial<TargetConfig> = { url: url.href.replace(/\/+$/, "") };
	if (o["password-env"] !== undefined && o["password-file"] !== undefined) {
		throw new UsageError("give either --password-env or --password-file, not both");
	}
	const username = o.username?.trim();
	if (!username) {
		if (o["password-env"] !== undefined || o["password-file"] !== undefined) throw new UsageError("a password needs --username too");
		return fields;
	}
	fields.username = username;
	if (o["password-file"] !== undefined) fields.passwordFile = await secretFile(o["password-file"], "password", warnings);
	else fields.passwordEnv = envSource("--password-env", o["password-env"] ?? defaultPasswordEnv(id), warnings);
	if (url.protocol === "http:" && !isLoopback(url.hostname)) {
		warnings.push(`${url.host} is reached over plain http: the password travels unencrypted; prefer https`);
	}
	return fields;
}

async function folderPath(o: TargetAddOptions, vaultRoot: string, warnings: string[]): Promise<string> {
	if (o.url !== undefined) throw new UsageError("a folder target takes --path, not --url");
	if (o.username !== undefined || o["password-env"] !== undefined || o["password-file"] !== undefined) {
		throw new UsageError("a folder target takes no user name or password");
	}
	const path = resolve(required(o.path, "--path DIR for a folder target"));
	const inside = relative(vaultRoot, path);
	if (inside === "" || (!inside.startsWith("..") && !isAbsolute(inside))) {
		// The copies would be indexed as photos of the vault, and backed up again, on the next run.
		throw new UsageError(`--path ${path} is inside the vault: choose a folder outside it (an external drive)`);
	}
	const info = await stat(path).catch(() => null);
	if (info === null) warnings.push(`${path} does not exist yet (a drive not plugged in?); the backup needs it there`);
	else if (!info.isDirectory()) throw new UsageError(`--path ${path} is not a folder`);
	return path;
}
