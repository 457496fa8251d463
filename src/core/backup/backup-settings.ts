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
	return kind === "webdav" ? "nas" : "external-drive";
}

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
	if (kind !== "webdav" && kind !== "folder") return `backup target "${id}" has an unknown kind ${JSON.stringify(kind ?? null)}: expected "webdav" or "folder"`;
	const layout: RemoteLayout = raw.layout === "date" ? "date" : "mirror";
	const config: TargetConfig = {
		id,
		name: text(raw.name) ?? id,
		kind,
		medium: text(raw.medium) ?? defaultMedium(kind),
		offsite: raw.offsite === true,
		layout,
		enabled: raw.enabled !== false,
	};
	for (const key of ["url", "username", "passwordSecret", "passwordEnv", "passwordFile", "path"] as const) {
		const value = text(raw[key]);
		if (value !== undefined) config[key] = value;
	}
	const concurrency = raw.concurrency;
	if (typeof concurrency === "number" && Number.isInteger(concurrency) && concurrency >= 1) {
		config.concurrency = Math.min(concurrency, MAX_CONCURRENCY);
	}
	return config;
}

/** What keeps a configured target from being opened, in plain words; null when it looks complete. */
export function targetConfigProblem(config: TargetConfig): string | null {
	if (config.kind === "webdav") {
		if (config.url === undefined) return `"${config.name}" has no server URL: set one in the backup settings`;
		if (!/^https?:\/\/[^/]/i.test(config.url)) return `"${config.name}" has a URL that is not http:// or https://: ${config.url}`;
	} else if (config.path === undefined) {
		return `"${config.name}" has no folder: set one in the backup settings`;
	}
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
