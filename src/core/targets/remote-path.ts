/** Paths inside a target ("/"-separated, relative to its root) and the names of upload temporaries. */
import { TargetError } from "../model/target-error";

const TEMPORARY_SUFFIX = ".pa-partial";

/** Throws a clear TargetError for a path no target should be asked to write (or read) at. */
export function checkRemotePath(path: string): void {
	const problem = pathProblem(path);
	if (problem) throw new TargetError("refused", `Invalid path on the target "${path}": ${problem}.`);
}

function pathProblem(path: string): string | null {
	if (path === "") return "it is empty";
	if (path.startsWith("/")) return "it must be relative to the target's folder";
	if (path.includes("\0")) return "it contains a NUL character";
	for (const segment of path.split("/")) {
		if (segment === "") return "it has an empty folder name";
		if (segment === "." || segment === "..") return `"${segment}" is not allowed as a name`;
	}
	return null;
}

/** "" for a path at the root. */
export function parentOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "" : path.slice(0, slash);
}

export function baseName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

export function joinRemote(folder: string, name: string): string {
	return folder === "" ? name : `${folder}/${name}`;
}

/** Every folder from the top down to `folder` itself: "a/b" → ["a", "a/b"]. */
export function foldersDownTo(folder: string): string[] {
	if (folder === "") return [];
	const segments = folder.split("/");
	return segments.map((_, index) => segments.slice(0, index + 1).join("/"));
}

/**
 * Where the bytes of `path` go before they are moved into place: a hidden name beside it, the same for
 * every attempt, so a retry (or a resumed upload) finds and reuses its own leftover instead of piling up.
 */
export function temporaryPath(path: string): string {
	return joinRemote(parentOf(path), `.${baseName(path)}${TEMPORARY_SUFFIX}`);
}

/** Upload temporaries are never listed: they are not backups. */
export function isTemporaryName(name: string): boolean {
	return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX);
}

/** The path a temporary stands in for, for messages (others as they are). */
export function shownPath(path: string): string {
	const name = baseName(path);
	if (!isTemporaryName(name)) return path;
	return joinRemote(parentOf(path), name.slice(1, -TEMPORARY_SUFFIX.length));
}
