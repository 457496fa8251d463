/**
 * The check of the encrypted contestant's copy: the server's folder holds only ciphertext and encrypted
 * names, so it is read through rclone's own crypt backend (same passphrase, default salt) over that folder
 * on disk. Every file must come back under its own name with its own size, which also shows that a
 * standard tool opens what the engine wrote.
 */
import { spawnSync } from "node:child_process";
import type { SetFile } from "./backup-set";

/** rclone takes crypt passwords obscured; given on stdin so the passphrase never shows in the process list. */
function obscure(passphrase: string): string {
	const run = spawnSync("rclone", ["obscure", "-"], { input: passphrase, encoding: "utf8" });
	if (run.status !== 0) throw new Error(`rclone obscure failed: ${run.stderr.trim()}`);
	return run.stdout.trim();
}

/** What is wrong with the encrypted copy in `remoteDir` (a folder on this machine), one line a problem, at most `limit`. */
export function checkEncryptedCopy(files: readonly SetFile[], remoteDir: string, passphrase: string, configFile: string, limit = 5): string[] {
	const run = spawnSync("rclone", ["lsf", "-R", "--files-only", "--format", "sp", "--separator", "\t", "--config", configFile, ":crypt:Photos"], {
		encoding: "utf8",
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, RCLONE_CRYPT_REMOTE: remoteDir, RCLONE_CRYPT_PASSWORD: obscure(passphrase) },
	});
	if (run.status !== 0) return [`rclone could not list the encrypted copy: ${run.stderr.trim().slice(-500)}`];
	const held = new Map<string, number>();
	for (const line of run.stdout.split("\n")) {
		const tab = line.indexOf("\t");
		if (tab > 0) held.set(line.slice(tab + 1), Number(line.slice(0, tab)));
	}
	const problems: string[] = [];
	for (const file of files) {
		const size = held.get(file.relative);
		if (size === undefined) problems.push(`${file.relative}: missing (or its name does not decrypt)`);
		else if (size !== file.bytes) problems.push(`${file.relative}: ${size} bytes once decrypted instead of ${file.bytes}`);
	}
	return problems.length > limit ? [...problems.slice(0, limit), `… ${problems.length - limit} more`] : problems;
}
