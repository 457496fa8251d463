// The fake's FileManager: front matter edits (always written, as Obsidian does), link-updating rename, trash.
import type {
	DataWriteOptions,
	FileManager as RealFileManager,
} from "../../../node_modules/obsidian/obsidian";
import { TAbstractFile, TFile, TFolder } from "./vault-files";
import { rewriteLinks } from "./vault-links";
import type { Vault } from "./vault";
import { joinNote, parseFrontMatter, splitNote } from "./vault-yaml";

type FileManagerPart = Pick<RealFileManager, "processFrontMatter" | "renameFile" | "trashFile">;

export class FileManager implements FileManagerPart {
	constructor(private readonly vault: Vault) {}

	/**
	 * Parses the front matter (throws on bad YAML, like Obsidian), lets `fn` mutate it, writes the note back.
	 * It writes and fires `modify` even when nothing changed: callers must compare first.
	 */
	async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void, options?: DataWriteOptions): Promise<void> {
		await this.vault.process(
			file,
			(text) => {
				const { yaml, body } = splitNote(text);
				const properties = parseFrontMatter(yaml);
				fn(properties);
				return joinNote(properties, body);
			},
			options,
		);
	}

	/** Moves the file (or folder) and rewrites full-path links to it in every Markdown file, front matter included. */
	async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
		const moves = filesUnder(file).map((f) => ({ file: f, oldPath: f.path }));
		await this.vault.rename(file, newPath);
		for (const note of this.vault.markdownFilesInternal()) {
			const text = await this.vault.read(note);
			const updated = moves.reduce((acc, move) => rewriteLinks(acc, move.oldPath, move.file.path), text);
			if (updated !== text) await this.vault.modify(note, updated);
		}
	}

	async trashFile(file: TAbstractFile): Promise<void> {
		await this.vault.trash(file);
	}
}

function filesUnder(node: TAbstractFile): TFile[] {
	if (node instanceof TFile) return [node];
	if (node instanceof TFolder) return node.children.flatMap(filesUnder);
	return [];
}
