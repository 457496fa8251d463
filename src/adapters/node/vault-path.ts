/** Turns a vault-relative path into an absolute one, refusing anything that would leave the vault. */
import { isAbsolute, resolve, sep } from "node:path";

export function resolveInside(root: string, relative: string): string {
	if (isAbsolute(relative) || relative.split(/[\\/]/).includes("..")) {
		throw new Error(`path leaves the vault: ${relative}`);
	}
	const absolute = resolve(root, relative);
	const base = resolve(root);
	if (absolute !== base && !absolute.startsWith(base + sep)) throw new Error(`path leaves the vault: ${relative}`);
	return absolute;
}
