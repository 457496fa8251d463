/**
 * Finding the server programs the tests start (apache2, rclone), and the rule for their absence: skip with
 * a reason on a developer's machine, fail under CI=true, where .ci/run installs them and skipping would hide a gap.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

// Debian keeps apache2 in /usr/sbin, which is not on an ordinary user's PATH.
const EXTRA_DIRS = ["/usr/sbin", "/sbin", "/usr/local/sbin", "/usr/local/bin", "/opt/homebrew/bin"];

/** The first of `names` found on PATH (or in the sbin folders), as an absolute path, or null. */
export function findBinary(...names: string[]): string | null {
	const dirs = [...(process.env.PATH ?? "").split(delimiter).filter((d) => d !== ""), ...EXTRA_DIRS];
	for (const name of names) {
		for (const dir of dirs) {
			const path = join(dir, name);
			try {
				accessSync(path, constants.X_OK);
				return path;
			} catch {
				// Not in this folder; try the next.
			}
		}
	}
	return null;
}

/**
 * The program's path, or null (after a warning saying what is skipped) when none of `names` is installed.
 * Throws under CI=true instead of returning null. Use: `describe.skipIf(requireBinary("rclone") === null)`.
 */
export function requireBinary(...names: string[]): string | null {
	const found = findBinary(...names);
	if (found !== null) return found;
	const message = `${names.join(" or ")} not found on PATH or in /usr/sbin (apt-get install apache2 rclone)`;
	if (process.env.CI === "true") throw new Error(`${message}; CI=true does not allow skipping these tests`);
	console.warn(`skipping tests that need a real server: ${message}`);
	return null;
}
