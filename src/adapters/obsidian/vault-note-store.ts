/** NoteStore over the Obsidian vault: Obsidian's own YAML and FileManager, and no write when nothing changed. */
import { parseYaml, stringifyYaml, TFile, type FileManager, type Vault } from "obsidian";
import { describeError, PhotoArchivistError } from "../../core/model/errors";
import { joinFrontMatter, splitFrontMatter } from "../../core/notes/front-matter";
import { propertiesEqual } from "../../core/notes/properties-equal";
import type { NoteEdit, NoteStore, Properties } from "../../core/ports/note-store";
import { cloneProperties } from "./clone-properties";
import { ensureFolder, filesUnder, parentFolder, vaultPath } from "./vault-folders";

export interface VaultNoteStoreDeps {
	vault: Pick<
		Vault,
		"getFileByPath" | "getFolderByPath" | "getAbstractFileByPath" | "read" | "create" | "createFolder" | "process"
	>;
	fileManager: Pick<FileManager, "processFrontMatter" | "renameFile">;
}

export class VaultNoteStore implements NoteStore {
	private readonly vault: VaultNoteStoreDeps["vault"];
	private readonly fileManager: VaultNoteStoreDeps["fileManager"];

	constructor(deps: VaultNoteStoreDeps) {
		this.vault = deps.vault;
		this.fileManager = deps.fileManager;
	}

	async read(path: string): Promise<string | null> {
		const file = this.vault.getFileByPath(vaultPath(path, "note"));
		// read(), not cachedRead(): what we compare against before writing must be what is on disk.
		return file === null ? null : this.vault.read(file);
	}

	async list(folder: string): Promise<string[]> {
		return filesUnder(this.vault, folder)
			.filter((file) => file.extension === "md")
			.map((file) => file.path);
	}

	async create(path: string, properties: Properties, body: string): Promise<void> {
		const target = vaultPath(path, "note");
		if (this.vault.getAbstractFileByPath(target) !== null) {
			throw new PhotoArchivistError("io", `Cannot create the note "${target}": a file is already there.`);
		}
		await ensureFolder(this.vault, parentFolder(target));
		const yaml = Object.keys(properties).length === 0 ? null : stringifyYaml(properties);
		await this.vault.create(target, joinFrontMatter(yaml, body));
	}

	/**
	 * Obsidian's processFrontMatter and process write (and fire `modify`) even when nothing changes, so the
	 * edit is first tried on a copy of the parsed note; each part is written only when it differs. The edit's
	 * callbacks therefore run twice (on the copy, then inside the atomic write) and must be deterministic.
	 */
	async update(path: string, edit: NoteEdit): Promise<boolean> {
		const target = vaultPath(path, "note");
		const file = this.vault.getFileByPath(target);
		if (file === null) throw new PhotoArchivistError("io", `Cannot update the note "${target}": it does not exist.`);
		const parts = splitFrontMatter(await this.vault.read(file));
		const current = parseProperties(parts.frontMatter, target);
		const next = cloneProperties(current);
		edit.properties?.(next);
		const propertiesChanged = edit.properties !== undefined && !propertiesEqual(current, next);
		const bodyChanged = edit.body !== undefined && edit.body(parts.body) !== parts.body;
		if (propertiesChanged && edit.properties) await this.fileManager.processFrontMatter(file, edit.properties);
		if (bodyChanged && edit.body) await this.vault.process(file, replaceBody(edit.body));
		return propertiesChanged || bodyChanged;
	}

	async move(from: string, to: string): Promise<void> {
		const source = vaultPath(from, "note");
		const target = vaultPath(to, "note");
		if (source === target) return;
		const file = this.vault.getAbstractFileByPath(source);
		if (!(file instanceof TFile)) throw new PhotoArchivistError("io", `Cannot move the note "${source}": it does not exist.`);
		if (this.vault.getAbstractFileByPath(target) !== null) {
			throw new PhotoArchivistError("io", `Cannot move the note "${source}" to "${target}": a file is already there.`);
		}
		await ensureFolder(this.vault, parentFolder(target));
		// FileManager, not Vault.rename: it updates the links to the note as the user's settings say.
		await this.fileManager.renameFile(file, target);
	}
}

/** The body edit as a Vault.process callback: re-reads the note inside the write and keeps its front matter text as it is. */
function replaceBody(edit: (body: string) => string): (data: string) => string {
	return (data) => {
		const parts = splitFrontMatter(data);
		const body = edit(parts.body);
		if (parts.frontMatter === null) return joinFrontMatter(null, body, parts.eol);
		return data.slice(0, parts.bodyStart) + body;
	};
}

function parseProperties(yaml: string | null, path: string): Properties {
	if (yaml === null) return {};
	let parsed: unknown;
	try {
		parsed = parseYaml(yaml);
	} catch (error) {
		throw new PhotoArchivistError("corrupt", `The properties of "${path}" are not valid YAML (${describeError(error)}); the note was left as it is.`, { cause: error });
	}
	if (parsed === null || parsed === undefined) return {};
	if (typeof parsed !== "object" || Array.isArray(parsed)) {
		throw new PhotoArchivistError("corrupt", `The properties of "${path}" are not a list of names and values; the note was left as it is.`);
	}
	return parsed as Properties;
}

