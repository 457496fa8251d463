/** The backup settings: defaults per platform, and the clean-up of what data.json holds (written by any version, or by hand). */
import { PhotoArchivistError } from "../model/errors";
import type { RemoteLayout, TargetConfig, TargetKind } from "../model/target-config";
import type { BackupSettings } from "./backup-types";

/** Where the engine runs; decides the defaults that differ between a computer and a phone. */
export type BackupPlatform = "desktop" | "ios" | "android" | "cli";

const MB = 1_000_000;
export const MAX_CONCURRENCY = 16;
const TARGET_ID = /^[a-z0-9-]+$/;

export function isMobile(platform: BackupPlatform): boolean {
	return platform === "ios" || platform === "android";
}

/**
 * Android's WebView holds a whole request body in memory, and its processes are killed sooner than
 * iOS's, so it gets the smaller limit; both are far below a desktop's (which streams from disk).
 */
export function defaultMobileMaxFileBytes(platform: BackupPlatform): number {
	return platform === "ios" ? 500 * MB : 50 * MB;
}

/**
 * On a computer, new photos are backed up after indexing and the whole library every hour (a run with
 * nothing new sends no request); on a phone both are off until the user turns them on (battery, data).
 */
export function defaultBackupSettings(platform: BackupPlatform = "desktop"): BackupSettings {
	const mobile = isMobile(platform);
	return {
		targets: [],
		afterIndex: !mobile,
		everyMinutes: mobile ? 0 : 60,
		mobileMaxFileBytes: defaultMobileMaxFileBytes(platform),
	};
}

export const DEFAULT_BACKUP_SETTINGS: Readonly<BackupSettings> = Object.freeze(defaultBackupSettings("desktop"));

/** Uploads at once for `config` on `platform`: its own setting, else 4 on a computer and 1 on a phone. */
export function concurrencyOf(config: TargetConfig, platform: BackupPlatform): number {
	return config.concurrency ?? (isMobile(platform) ? 1 : 4);
}

export function defaultMedium(kind: TargetKind): string {
	return kind === "webdav" ? "nas" : kind === "s3" ? "cloud" : "external-drive";
}

/** Object storage is someone else's building: offsite unless the user says otherwise (a MinIO at home). */
export function defaultOffsite(kind: TargetKind): boolean {
	return kind === "s3";
}

/** An S3 key prefix as stored: "photos", "/photos/", "photos//2024" → "photos/", "photos/2024/"; blank → "" (the bucket's root). */
export function s3Prefix(given: string | undefined): string {
	const parts = (given ?? "").trim().split("/").filter((part) => part !== "");
	return parts.length === 0 ? "" : `${parts.join("/")}/`;
}

/** Virtual-hosted addressing puts the bucket in the host name, where only DNS letters work. */
const DNS_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ANY_BUCKET = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

/** What is wrong with a bucket name, in plain words, or null. */
export function bucketProblem(bucket: string, pathStyle: boolean): string | null {
	if (!ANY_BUCKET.test(bucket)) return `"${bucket}" is not a bucket name (letters, digits, ".", "-" and "_" only; folders go in the key prefix)`;
	if (!pathStyle && !DNS_BUCKET.test(bucket)) {
		return `the bucket "${bucket}" cannot be part of a host name (capitals, "_" or its length): use path-style addressing`;
	}
	return null;
}

const TEXT_FIELDS = [
	"url", "username", "passwordSecret", "passwordEnv", "passwordFile", "path",
	"endpoint", "region", "bucket", "accessKeyId", "secretKeySecret", "accessKeyEnv", "secretKeyEnv",
	"passphraseSecret", "passphraseEnv", "passphraseFile",
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	if (typeof value !== "string") return undefined;
	const trimmed = value.trim();
	return trimmed === "" ? undefined : trimmed;
}

/**
 * One target from untrusted data, or a plain-words reason it cannot be used at all. An incomplete target
 * (no URL yet, being set up in the settings) is kept: opening it says what is missing.
 */
export function normalizeTargetConfig(raw: unknown): TargetConfig | string {
	if (!isRecord(raw)) return "a backup target is not an object";
	const id = text(raw.id);
	if (id === undefined || !TARGET_ID.test(id)) {
		return `backup target id ${JSON.stringify(raw.id ?? null)} is not valid: use lower-case letters, digits and "-"`;
	}
	const kind = raw.kind;
	if (kind !== "webdav" && kind !== "folder" && kind !== "s3") {
		return `backup target "${id}" has an unknown kind ${JSON.stringify(kind ?? null)}: expected "webdav", "folder" or "s3"`;
	}
	const layout: RemoteLayout = raw.layout === "date" ? "date" : "mirror";
	const config: TargetConfig = {
		id,
		name: text(raw.name) ?? id,
		kind,
		medium: text(raw.medium) ?? defaultMedium(kind),
		offsite: typeof raw.offsite === "boolean" ? raw.offsite : defaultOffsite(kind),
		layout,
		enabled: raw.enabled !== false,
	};
	for (const key of TEXT_FIELDS) {
		const value = text(raw[key]);
		if (value !== undefined) config[key] = value;
	}
	const prefix = typeof raw.prefix === "string" ? s3Prefix(raw.prefix) : "";
	if (prefix !== "") config.prefix = prefix;
	if (raw.pathStyle === true) config.pathStyle = true;
	// Only a literal true: a target must never be taken for unencrypted (or encrypted) by a stray value.
	if (raw.encrypt === true) config.encrypt = true;
	const concurrency = raw.concurrency;
	if (typeof concurrency === "number" && Number.isInteger(concurrency) && concurrency >= 1) {
		config.concurrency = Math.min(concurrency, MAX_CONCURRENCY);
	}
	return config;
}

/** What keeps a configured target from being opened, in plain words; null when it looks complete. */
export function targetConfigProblem(config: TargetConfig): string | null {
	const problem = config.kind === "webdav" ? webdavProblem(config) : config.kind === "s3" ? s3Problem(config) : folderProblem(config);
	if (problem !== null) return problem;
	if (config.encrypt === true && config.passphraseSecret === undefined && config.passphraseEnv === undefined && config.passphraseFile === undefined) {
		return `"${config.name}" is encrypted but has no passphrase: choose one in the backup settings`;
	}
	return null;
}

function webdavProblem(config: TargetConfig): string | null {
	if (config.url === undefined) return `"${config.name}" has no server URL: set one in the backup settings`;
	if (!/^https?:\/\/[^/]/i.test(config.url)) return `"${config.name}" has a URL that is not http:// or https://: ${config.url}`;
	return null;
}

function folderProblem(config: TargetConfig): string | null {
	return config.path === undefined ? `"${config.name}" has no folder: set one in the backup settings` : null;
}

/** The keys may come from the keychain (Obsidian) or from environment variables (the command line): either will do. */
function s3Problem(config: TargetConfig): string | null {
	if (config.endpoint === undefined) return `"${config.name}" has no endpoint: set the storage service's address in the backup settings`;
	if (!/^https?:\/\/[^/]/i.test(config.endpoint)) return `"${config.name}" has an endpoint that is not http:// or https://: ${config.endpoint}`;
	if (config.bucket === undefined) return `"${config.name}" has no bucket: set one in the backup settings`;
	const bucket = bucketProblem(config.bucket, config.pathStyle === true);
	if (bucket !== null) return `"${config.name}": ${bucket}`;
	if (config.accessKeyId === undefined && config.accessKeyEnv === undefined) return `"${config.name}" has no access key id: set one in the backup settings`;
	if (config.secretKeySecret === undefined && config.secretKeyEnv === undefined) return `"${config.name}" has no secret key: set one in the backup settings`;
	return null;
}

/**
 * Settings from an untrusted object: bad values defaulted, targets that cannot be used (bad id, unknown
 * kind, an id used twice) left out, each with its reason passed to `onProblem`.
 */
export function normalizeBackupSettings(
	raw: unknown,
	platform: BackupPlatform = "desktop",
	onProblem: (message: string) => void = () => {},
): BackupSettings {
	const defaults = defaultBackupSettings(platform);
	const source = isRecord(raw) ? raw : {};
	const targets: TargetConfig[] = [];
	for (const item of Array.isArray(source.targets) ? source.targets : []) {
		const target = normalizeTargetConfig(item);
		if (typeof target === "string") onProblem(target);
		else if (targets.some((t) => t.id === target.id)) onProblem(`backup target id "${target.id}" is used twice: the second one is left out`);
		else targets.push(target);
	}
	const everyMinutes = source.everyMinutes;
	const maxBytes = source.mobileMaxFileBytes;
	return {
		targets,
		afterIndex: typeof source.afterIndex === "boolean" ? source.afterIndex : defaults.afterIndex,
		everyMinutes: typeof everyMinutes === "number" && Number.isFinite(everyMinutes) && everyMinutes >= 0
			? Math.round(everyMinutes)
			: defaults.everyMinutes,
		mobileMaxFileBytes: typeof maxBytes === "number" && Number.isFinite(maxBytes) && maxBytes > 0
			? Math.floor(maxBytes)
			: defaults.mobileMaxFileBytes,
	};
}

/**
 * The targets a run works on: the enabled ones, or exactly those named (a named target runs even when
 * disabled, so a user can check or fill one on purpose). An unknown id is a settings mistake, said plainly.
 */
export function selectTargets(targets: readonly TargetConfig[], ids: readonly string[] | undefined): TargetConfig[] {
	if (ids === undefined) return targets.filter((t) => t.enabled);
	return ids.map((id) => {
		const config = targets.find((t) => t.id === id);
		if (!config) {
			const known = targets.map((t) => t.id).join(", ") || "none";
			throw new PhotoArchivistError("invalid-settings", `no backup target with id "${id}" (known: ${known})`);
		}
		return config;
	});
}
