/** A backup target being edited in the settings: its form values, the id derived from its name, and the checks before saving. */
import { defaultMedium, MAX_CONCURRENCY, targetConfigProblem } from "../../core/backup/backup-settings";
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
		layout: "mirror", medium: defaultMedium("webdav"), offsite: false, enabled: true, concurrency: "",
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
		layout: config.layout,
		medium: config.medium,
		offsite: config.offsite,
		enabled: config.enabled,
		concurrency: config.concurrency === undefined ? "" : String(config.concurrency),
	};
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
}

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
	} else if (draft.path.trim() !== "") {
		config.path = draft.path.trim();
	}
	if (concurrency !== "") config.concurrency = Number(concurrency);
	const problem = targetConfigProblem(config);
	return problem === null ? config : `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
}

/** One line under the target's name in the settings: "WebDAV · https://nas.local/photos · NAS · offsite · by date". */
export function describeTarget(config: TargetConfig): string {
	const parts = [config.kind === "webdav" ? "WebDAV" : "Folder", (config.kind === "webdav" ? config.url : config.path) ?? "not set"];
	parts.push(MEDIA[config.medium] ?? config.medium);
	if (config.offsite) parts.push("offsite");
	parts.push(config.layout === "date" ? "by date taken" : "same folders as the vault");
	if (!config.enabled) parts.push("off");
	return parts.join(" · ");
}
