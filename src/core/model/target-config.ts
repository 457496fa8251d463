/** How a backup target is configured (data.json holds these; secrets are only named here, never stored). */

export type TargetKind = "webdav" | "folder" | "s3";
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

	/** S3: the service's endpoint ("https://s3.eu-central-1.amazonaws.com", "http://127.0.0.1:7480"). */
	endpoint?: string;
	/** S3: the signing region (default "us-east-1"; many S3-compatible services ignore it). */
	region?: string;
	bucket?: string;
	/** S3: a key prefix every object goes under ("photos/"), without a leading "/"; empty for the bucket's root. */
	prefix?: string;
	/** S3: path-style addressing (endpoint/bucket/key) instead of virtual-hosted (bucket.endpoint/key). */
	pathStyle?: boolean;
	accessKeyId?: string;
	/** S3: the name under which the secret access key is kept in the host's secret store (never the key). */
	secretKeySecret?: string;
	/** CLI only: the environment variables the access key id and secret key are read from on each run. */
	accessKeyEnv?: string;
	secretKeyEnv?: string;

	/**
	 * Client-side encryption in rclone's crypt format (see src/core/crypt): the server only sees ciphertext.
	 * Fixed once the target holds data: another passphrase could not read what is there.
	 */
	encrypt?: boolean;
	/** The name under which the passphrase is kept in the host's secret store (never the passphrase). */
	passphraseSecret?: string;
	/** CLI only: where the passphrase is read from on each run (an environment variable, or a file). */
	passphraseEnv?: string;
	passphraseFile?: string;
}
