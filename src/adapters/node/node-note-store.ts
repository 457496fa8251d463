/** The vault's notes on a local disk, for the CLI: front matter read and written with the `yaml` package. */
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { link, lstat, mkdir, open, readFile, rename, rm, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Document, Scalar, parse, visit } from "yaml";
import { PhotoArchivistError } from "../../core/model/errors";
import { joinFrontMatter, splitFrontMatter } from "../../core/notes/front-matter";
import { propertiesEqual } from "../../core/notes/properties-equal";
import type { NoteEdit, NoteStore, Properties } from "../../core/ports/note-store";

export class NodeNoteStore implements NoteStore {
	/** Folders made or seen during this store's life: a cold index of 10,000 notes need not ask 10,000 times. */
	private readonly knownFolders = new Set<string>();

	constructor(private readonly root: string) {}

	async read(path: string): Promise<string | null> {
		try {
			return await readFile(this.resolve(path), "utf8");
		} catch (error) {
			if (isCode(error, "ENOENT")) return null;
			throw error;
		}
	}

	async list(folder: string): Promise<string[]> {
		const notes: string[] = [];
		const start = folder.replace(/\/+$/, "");
		if (start !== "") this.segments(start);
		await this.walk(start, notes);
		return notes;
	}

	async create(path: string, properties: Properties, body: string): Promise<void> {
		const file = this.resolve(path);
		const folder = dirname(file);
		if (!this.knownFolders.has(folder)) {
			await mkdir(folder, { recursive: true });
			this.knownFolders.add(folder);
		}
		const text = joinFrontMatter(Object.keys(properties).length === 0 ? null : stringifyProperties(properties), body);
		await writeNew(file, text, path);
	}

	async update(path: string, edit: NoteEdit): Promise<boolean> {
		const file = this.resolve(path);
		const text = await this.read(path);
		if (text === null) throw new PhotoArchivistError("io", `Cannot update the note "${path}": it does not exist.`);
		const parts = splitFrontMatter(text);
		const current = parts.frontMatter === null ? {} : parseProperties(parts.frontMatter, path);
		const edited = structuredClone(current);
		edit.properties?.(edited);
		const body = edit.body ? edit.body(parts.body) : parts.body;
		const sameProperties = propertiesEqual(current, edited);
		if (sameProperties && body === parts.body) return false;
		// Unchanged properties keep their bytes: formatting by Obsidian or by hand, and YAML comments, survive.
		const next = sameProperties && parts.frontMatter !== null
			? text.slice(0, parts.bodyStart) + body
			: joinFrontMatter(Object.keys(edited).length === 0 ? null : stringifyProperties(edited), body, parts.eol);
		await writeAtomic(file, next);
		return true;
	}

	async move(from: string, to: string): Promise<void> {
		const source = this.resolve(from);
		const target = this.resolve(to);
		if (from === to) return;
		const sourceStat = await lstat(source).catch(() => null);
		if (sourceStat === null) throw new PhotoArchivistError("io", `Cannot move the note "${from}": it does not exist.`);
		const targetStat = await lstat(target).catch(() => null);
		// On a case-insensitive disk "a.md" → "A.md" finds the source itself at the target: a rename, not a clash.
		const sameFile = targetStat !== null && targetStat.ino === sourceStat.ino && targetStat.dev === sourceStat.dev;
		if (targetStat !== null && !sameFile) {
			throw new PhotoArchivistError("io", `Cannot move the note "${from}" to "${to}": a file is already there.`);
		}
		await mkdir(dirname(target), { recursive: true });
		if (sameFile) return rename(source, target);
		await placeWithoutOverwrite(source, target, to);
		await unlink(source).catch((error: unknown) => {
			if (!isCode(error, "ENOENT")) throw error;
		});
	}

	/** `folder`: a checked vault path, "" for the root. Listed once per rescan: 100,000 notes, no array per note. */
	private async walk(folder: string, into: string[]): Promise<void> {
		let entries;
		try {
			// Synchronous: a rescan lists 100,000 notes in thousands of folders, and one thread-pool round trip per
			// folder cost seconds of waiting. The CLI has no interface to keep responsive.
			entries = readdirSync(folder === "" ? this.root : join(this.root, ...folder.split("/")), { withFileTypes: true });
		} catch (error) {
			if (isCode(error, "ENOENT") || isCode(error, "ENOTDIR")) return;
			throw error;
		}
		for (const entry of entries) {
			if (entry.name.startsWith(".")) continue;
			const child = folder === "" ? entry.name : `${folder}/${entry.name}`;
			if (entry.isDirectory()) await this.walk(child, into);
			else if (entry.isFile() && entry.name.endsWith(".md")) into.push(child);
		}
	}

	private resolve(path: string): string {
		return join(this.root, ...this.segments(path));
	}

	/** Vault paths are relative and "/"-separated; anything that could reach outside the vault is refused. */
	private segments(path: string): string[] {
		const parts = path.split("/");
		const bad = path === ""
			|| path.includes("\\") || path.includes("\0")
			|| /^[A-Za-z]:/.test(path)
			|| parts.some((part) => part === "" || part === "." || part === "..");
		if (bad) {
			throw new PhotoArchivistError("io", `"${path}" is not a vault path: use a relative path with "/" and no "." or ".." parts.`);
		}
		return parts;
	}
}

/** Parses front matter the way Obsidian reads it (YAML 1.2: "yes" and 2024-06-01 stay strings). */
function parseProperties(yaml: string, path: string): Properties {
	let value: unknown;
	try {
		value = parse(yaml);
	} catch (error) {
		const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
		throw new PhotoArchivistError("corrupt", `The properties of "${path}" are not valid YAML (${reason}); the note was left as it is.`, { cause: error });
	}
	if (value === null || value === undefined) return {};
	if (typeof value !== "object" || Array.isArray(value)) {
		throw new PhotoArchivistError("corrupt", `The properties of "${path}" are not a list of names and values; the note was left as it is.`);
	}
	return value as Properties;
}

const YAML_11_WORDS = /^(y|yes|n|no|true|false|on|off|null|~|=|<<)$/i;

/** Plain scalars that read back as the same string under YAML 1.1 and 1.2 alike, in any reader. */
const SAFE_PLAIN = /^[\p{L}_][\p{L}\p{M}\p{N}_ ()/'.,;@&+-]*$/u;

/**
 * Whether a string must be quoted. Beyond what YAML syntax requires (the library quotes that itself), this
 * quotes what a YAML 1.1 reader would take for something else ("yes", "no", "on", "2024-06-01", "1:20"), and,
 * to stay on the safe side, every string not made of letters, digits and harmless punctuation ("1/250").
 */
function needsQuotes(value: string): boolean {
	return !SAFE_PLAIN.test(value) || YAML_11_WORDS.test(value) || value.endsWith(" ");
}

/** Characters the library leaves raw inside double quotes that YAML 1.1 reads as line breaks or forbids. */
const RAW_SPECIALS = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

function stringifyProperties(properties: Properties): string {
	const doc = new Document(properties);
	visit(doc, {
		Scalar(_key, node) {
			if (typeof node.value === "string" && needsQuotes(node.value)) node.type = Scalar.QUOTE_DOUBLE;
		},
	});
	const yaml = doc.toString({ lineWidth: 0, minContentWidth: 0, blockQuote: false, indentSeq: true });
	// Only double-quoted scalars can hold these (needsQuotes quotes every string that has one), and there an escape is valid.
	return yaml.replace(RAW_SPECIALS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Replaces a note through a temporary file in the same folder, synced, then renamed into place, so
 * Obsidian, a sync client or a crash never sees half of a note that holds the user's words. The temporary
 * name is hidden and short (a long note name plus a suffix could pass the 255-byte limit).
 */
async function writeAtomic(file: string, text: string): Promise<void> {
	const temp = join(dirname(file), `.photo-archivist-${randomUUID()}.tmp`);
	const handle = await open(temp, "wx");
	try {
		try {
			await handle.writeFile(text, "utf8");
			await handle.sync();
		} finally {
			await handle.close();
		}
		await rename(temp, file);
	} finally {
		await rm(temp, { force: true });
	}
}

/**
 * Writes a note that does not exist yet, straight under its name with an exclusive open (never replacing
 * anything). No temporary file and no fsync, unlike updates: a new note holds nothing the user wrote yet,
 * and a cold index writes thousands of them (fsync and the extra rename cost milliseconds each). If a crash
 * leaves it empty or cut short, the next index run finds it and writes it whole again.
 */
async function writeNew(file: string, text: string, path: string): Promise<void> {
	let handle;
	try {
		handle = await open(file, "wx");
	} catch (error) {
		if (isCode(error, "EEXIST")) throw new PhotoArchivistError("io", `Cannot create the note "${path}": a file is already there.`);
		throw error;
	}
	try {
		await handle.writeFile(text, "utf8");
	} finally {
		await handle.close();
	}
}

/**
 * Puts `source` at `target` only if nothing is there, atomically: a hard link fails when the target exists,
 * where a rename would replace it. Disks without hard links (exFAT, some phone storage) get a check then a
 * rename. The source is left in place (linked) or gone (renamed); callers remove it if it remains.
 */
async function placeWithoutOverwrite(source: string, target: string, path: string): Promise<void> {
	try {
		await link(source, target);
	} catch (error) {
		if (isCode(error, "EEXIST")) throw new PhotoArchivistError("io", `Cannot write the note "${path}": a file is already there.`);
		if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"].some((code) => isCode(error, code))) throw error;
		if (await exists(target)) throw new PhotoArchivistError("io", `Cannot write the note "${path}": a file is already there.`);
		await rename(source, target);
	}
}

async function exists(file: string): Promise<boolean> {
	return (await lstat(file).catch(() => null)) !== null;
}

function isCode(error: unknown, code: string): boolean {
	return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}
