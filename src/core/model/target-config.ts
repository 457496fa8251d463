/** How a backup target is configured (data.json holds these; secrets are only named here, never stored). */

export type TargetKind = "webdav" | "folder";
/** Remote layout: the vault-relative path, or by date taken (YYYY/MM/name). */
export type RemoteLayout = "mirror" | "date";

export interface TargetConfig {
	/** Stable id, [a-z0-9-]; manifests and notes refer to it. */
	id: string;
	/** Shown to the user, in notes too. */
	name: string;
	kind: TargetKind;
	/** For the 3-2-1 rule: "nas", "cloud", "external-drive", or the user's own word. */
	medium: string;
	offsite: boolean;
	layout: RemoteLayout;
	enabled: boolean;
	/** WebDAV: server URL including the remote root folder ("https://nas.local:5006/photos"). */
	url?: string;
	username?: string;
	/** WebDAV: the name under which the password is kept in the host's secret store (never the password). */
	passwordSecret?: string;
	/**
	 * CLI only (the plugin uses `passwordSecret`): the environment variable, or the file, the command line
	 * reads the password from on each run. Recorded so that a scheduled `backup` needs no extra options;
	 * the password itself is never written anywhere by us.
	 */
	passwordEnv?: string;
	passwordFile?: string;
	/** Folder: an absolute local path (desktop and CLI only). */
	path?: string;
	/** Uploads at once for this target (default 4 on desktop and CLI, 1 on mobile). */
	concurrency?: number;
}
