/** A backup target being edited in the settings: its form values, the id derived from its name, and the checks before saving. */
import { defaultMedium, defaultOffsite, MAX_CONCURRENCY, s3Prefix, targetConfigProblem } from "../../core/backup/backup-settings";
import type { RemoteLayout, TargetConfig, TargetKind } from "../../core/model/target-config";

export interface TargetDraft {
	name: string;
	id: string;
	kind: TargetKind;
	url: string;
	username: string;
	/** The name of the password in Obsidian's secret storage. */
	passwordSecret: string;
	path: string;
	endpoint: string;
	region: string;
	bucket: string;
	prefix: string;
	pathStyle: boolean;
	accessKeyId: string;
	/** The name of the S3 secret key in Obsidian's secret storage. */
	secretKeySecret: string;
	encrypt: boolean;
	/** The name of the encryption passphrase in Obsidian's secret storage. */
	passphraseSecret: string;
	layout: RemoteLayout;
	medium: string;
	offsite: boolean;
	enabled: boolean;
	/** As typed; blank means the platform's default. */
	concurrency: string;
}

/** The media of the 3-2-1 rule offered in the settings; a word of the user's own (from data.json) is kept as is. */
export const MEDIA: Readonly<Record<string, string>> = {
	nas: "NAS",
	cloud: "Cloud",
	"external-drive": "External drive",
	other: "Other",
};

export function newDraft(): TargetDraft {
	return {
		name: "", id: "", kind: "webdav", url: "", username: "", passwordSecret: "", path: "",
		endpoint: "", region: "", bucket: "", prefix: "", pathStyle: false, accessKeyId: "", secretKeySecret: "",
		encrypt: false, passphraseSecret: "",
		layout: "mirror", medium: defaultMedium("webdav"), offsite: defaultOffsite("webdav"), enabled: true, concurrency: "",
	};
}

export function draftOf(config: TargetConfig): TargetDraft {
	return {
		name: config.name,
		id: config.id,
		kind: config.kind,
		url: config.url ?? "",
		username: config.username ?? "",
		passwordSecret: config.passwordSecret ?? "",
		path: config.path ?? "",
		endpoint: config.endpoint ?? "",
		region: config.region ?? "",
		bucket: config.bucket ?? "",
		prefix: config.prefix ?? "",
		pathStyle: config.pathStyle === true,
		accessKeyId: config.accessKeyId ?? "",
		secretKeySecret: config.secretKeySecret ?? "",
		encrypt: config.encrypt === true,
		passphraseSecret: config.passphraseSecret ?? "",
		layout: config.layout,
		medium: config.medium,
		offsite: config.offsite,
		enabled: config.enabled,
		concurrency: config.concurrency === undefined ? "" : String(config.concurrency),
	};
}

/**
 * A new kind brings its own medium and offsite defaults (object storage: cloud, offsite), unless the user
 * already chose others.
 */
export function changeKind(draft: TargetDraft, kind: TargetKind): void {
	if (draft.medium === defaultMedium(draft.kind)) draft.medium = defaultMedium(kind);
	if (draft.offsite === defaultOffsite(draft.kind)) draft.offsite = defaultOffsite(kind);
	draft.kind = kind;
}

/** "My NAS (Home)" → "my-nas-home"; made unique among `taken` with "-2", "-3"… */
export function idFromName(name: string, taken: readonly string[]): string {
	const base =
		name
			.normalize("NFKD")
			.replace(/[\u0300-\u036f]/g, "")
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, "-")
			.replace(/^-+|-+$/g, "") || "target";
	let id = base;
	for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
	return id;
}

/** A POSIX path, a Windows drive path or a UNC share. */
function isAbsolutePath(path: string): boolean {
	return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\");
}

export interface DraftContext {
	/** Every other target (an edited one excluded). */
	others: readonly TargetConfig[];
	/** Folder targets need a file system: desktop only. */
	foldersAllowed: boolean;
	/** The target as saved before this edit (null for a new one): what the command line set up is kept. */
	original?: TargetConfig | null;
	/** The edited target already holds backups: its encryption and passphrase are fixed. */
	holdsData?: boolean;
}

/** Why an encryption change is refused, for the dialog and its check on saving. */
export const ENCRYPTION_FIXED =
	"This target already holds backups: another passphrase, or turning encryption on or off, would leave them unreadable. Make a new target and back up to it instead.";

/** The fields only the command line sets (where it reads secrets from): an edit in Obsidian keeps them. */
const CLI_FIELDS = ["passwordEnv", "passwordFile", "accessKeyEnv", "secretKeyEnv", "passphraseEnv", "passphraseFile"] as const;

/** The configuration to save, or what is wrong in plain words. */
export function configOfDraft(draft: TargetDraft, context: DraftContext): TargetConfig | string {
	const name = draft.name.trim();
	const id = draft.id.trim();
	if (name === "") return "Give the target a name.";
	if (!/^[a-z0-9-]+$/.test(id)) return "The id may hold only lower-case letters, digits and “-”.";
	if (context.others.some((t) => t.id === id)) return `Another target already has the id “${id}”.`;
	if (draft.kind === "folder" && !context.foldersAllowed) return "Folder targets work only in Obsidian on a computer.";
	if (draft.kind === "folder" && draft.path.trim() !== "" && !isAbsolutePath(draft.path.trim())) {
		return "The folder must be a full path, such as /Volumes/Backup/Photos or D:\\Backup\\Photos.";
	}
	const concurrency = draft.concurrency.trim();
	if (concurrency !== "" && !(/^\d+$/.test(concurrency) && Number(concurrency) >= 1 && Number(concurrency) <= MAX_CONCURRENCY)) {
		return `Uploads at once must be a whole number from 1 to ${MAX_CONCURRENCY}.`;
	}
	const original = context.original ?? null;
	if (original !== null && context.holdsData === true && encryptionChanged(original, draft)) return ENCRYPTION_FIXED;
	const config: TargetConfig = {
		id,
		name,
		kind: draft.kind,
		medium: draft.medium.trim() === "" ? defaultMedium(draft.kind) : draft.medium.trim(),
		offsite: draft.offsite,
		layout: draft.layout,
		enabled: draft.enabled,
	};
	// Only the fields of the chosen kind: a WebDAV URL left over from before switching to a folder means nothing.
	if (draft.kind === "webdav") {
		if (draft.url.trim() !== "") config.url = draft.url.trim();
		if (draft.username.trim() !== "") config.username = draft.username.trim();
		if (draft.passwordSecret !== "") config.passwordSecret = draft.passwordSecret;
	} else if (draft.kind === "s3") {
		Object.assign(config, s3FieldsOf(draft));
	} else if (draft.path.trim() !== "") {
		config.path = draft.path.trim();
	}
	if (draft.encrypt) {
		config.encrypt = true;
		if (draft.passphraseSecret !== "") config.passphraseSecret = draft.passphraseSecret;
	}
	for (const key of CLI_FIELDS) {
		const value = original?.[key];
		if (value !== undefined) config[key] = value;
	}
	if (concurrency !== "") config.concurrency = Number(concurrency);
	const problem = targetConfigProblem(config);
	return problem === null ? config : `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
}

/**
 * Turning encryption on or off, or picking another passphrase. Picking one where there was none is not a
 * change: a target set up from the command line reads it from elsewhere, and opening checks it is the same.
 */
export function encryptionChanged(original: TargetConfig, draft: TargetDraft): boolean {
	if (draft.encrypt !== (original.encrypt === true)) return true;
	return draft.encrypt && original.passphraseSecret !== undefined && draft.passphraseSecret !== original.passphraseSecret;
}

function s3FieldsOf(draft: TargetDraft): Partial<TargetConfig> {
	const fields: Partial<TargetConfig> = {};
	const endpoint = draft.endpoint.trim().replace(/\/+$/, "");
	if (endpoint !== "") fields.endpoint = endpoint;
	if (draft.region.trim() !== "") fields.region = draft.region.trim();
	if (draft.bucket.trim() !== "") fields.bucket = draft.bucket.trim();
	const prefix = s3Prefix(draft.prefix);
	if (prefix !== "") fields.prefix = prefix;
	if (draft.pathStyle) fields.pathStyle = true;
	if (draft.accessKeyId.trim() !== "") fields.accessKeyId = draft.accessKeyId.trim();
	if (draft.secretKeySecret !== "") fields.secretKeySecret = draft.secretKeySecret;
	return fields;
}

const KIND_NAMES: Readonly<Record<TargetKind, string>> = { webdav: "WebDAV", folder: "Folder", s3: "S3" };

/** Where the copies go, in one phrase: the URL, the folder, or the endpoint and bucket (with its prefix). */
function placeOf(config: TargetConfig): string | undefined {
	if (config.kind === "webdav") return config.url;
	if (config.kind === "folder") return config.path;
	if (config.endpoint === undefined || config.bucket === undefined) return undefined;
	return `${config.endpoint} · ${config.bucket}${config.prefix ? `/${config.prefix}` : ""}`;
}

/** One line under the target's name in the settings: "WebDAV · https://nas.local/photos · NAS · offsite · by date". */
export function describeTarget(config: TargetConfig): string {
	const parts = [KIND_NAMES[config.kind], placeOf(config) ?? "not set"];
	if (config.encrypt === true) parts.push("encrypted");
	parts.push(MEDIA[config.medium] ?? config.medium);
	if (config.offsite) parts.push("offsite");
	parts.push(config.layout === "date" ? "by date taken" : "same folders as the vault");
	if (!config.enabled) parts.push("off");
	return parts.join(" · ");
}
