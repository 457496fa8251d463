// Debian's rclone as an independent implementation of the crypt format: an on-the-fly `:crypt:` remote over a local folder, configured from the environment only.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface RcloneCrypt {
	/** The passphrase as rclone keeps it in a config ("obscured", not encrypted). */
	obscured: string;
	/** Runs `rclone ARGS` with the `:crypt:` remote set up; stdout as bytes (for `cat`). */
	bytes(...args: string[]): Promise<Buffer>;
	text(...args: string[]): Promise<string>;
}

/**
 * A `:crypt:` remote over `remote` (a local path, or ":webdav:" configured by `env`) with `passphrase`, as a
 * user would set one up to get photos back.
 */
export async function rcloneCrypt(binary: string, remote: string, passphrase: string, env: Record<string, string> = {}): Promise<RcloneCrypt> {
	// /dev/null as the config: the user's own remotes are never read, and rclone does not warn about a missing file.
	const base = { ...process.env, RCLONE_CONFIG: "/dev/null", ...env };
	const obscured = (await run(binary, ["obscure", passphrase], { env: base })).stdout.trim();
	const cryptEnv = { ...base, RCLONE_CRYPT_REMOTE: remote, RCLONE_CRYPT_PASSWORD: obscured };
	const bytes = async (...args: string[]): Promise<Buffer> => {
		try {
			return (await run(binary, args, { env: cryptEnv, encoding: "buffer", maxBuffer: 256 * 1024 * 1024 })).stdout;
		} catch (error) {
			const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
			throw new Error(`rclone ${args.join(" ")} failed: ${stderr || String(error)}`, { cause: error });
		}
	};
	return { obscured, bytes, text: async (...args) => (await bytes(...args)).toString("utf8") };
}
