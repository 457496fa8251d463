/**
 * `photo-archivist album export <vault> <name> --out FILE.zip [--strip-location] [--part-size SIZE]`: an
 * album as one ZIP archive, or, past the part size (default 4 GB), as "FILE (part 1 of N).zip"… beside it,
 * each complete. Every archive is written to a temporary file and all are renamed into place once all are
 * complete; an existing file is never replaced.
 */
import { basename, dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createNodeLocalFs } from "../../adapters/node/node-local-fs";
import { archiveSetNames } from "../../core/export/archive-set";
import { exportSummaryLines } from "../../core/export/export-text";
import { type ExportDestination, ExportRefusedError } from "../../core/export/export-types";
import { ZIP_MAX_BYTES } from "../../core/export/zip-limits";
import { describeError } from "../../core/model/errors";
import { FileExistsError } from "../../core/ports/file-writer";
import { localFolderDestination } from "../../core/restore/local-folder";
import { formatBytes } from "../format-units";
import { listenForInterrupt } from "../interrupt";
import { progressLine } from "../progress-line";
import { UsageError } from "../usage-error";
import { openVault } from "../vault";

const OPTIONS = {
	out: { type: "string" },
	"strip-location": { type: "boolean", default: false },
	"part-size": { type: "string" },
	"no-index": { type: "boolean", default: false },
	json: { type: "boolean", default: false },
	"config-dir": { type: "string" },
} as const;

const UNITS: Readonly<Record<string, number>> = { "": 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };
const MIN_PART = 1_000_000;

/** "700MB", "2 GB", "1GiB" or a number of bytes. */
export function parsePartSize(text: string): number {
	const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
	const unit = UNITS[(match?.[2] ?? "").toLowerCase()];
	if (!match || unit === undefined) throw new UsageError(`--part-size takes a size such as 700MB or 2GB, not "${text}"`);
	const bytes = Math.floor(Number(match[1]) * unit);
	if (bytes < MIN_PART || bytes > ZIP_MAX_BYTES) {
		throw new UsageError(`--part-size must be between 1 MB and ${formatBytes(ZIP_MAX_BYTES)} (${ZIP_MAX_BYTES} bytes, the most a ZIP archive without ZIP64 holds), not ${text}`);
	}
	return bytes;
}

/** FILE.zip, or its parts beside it; a name already taken stops the export before anything is written. */
function outDestination(out: string): ExportDestination {
	const fs = createNodeLocalFs();
	const folder = dirname(out);
	return {
		writer: localFolderDestination(fs, folder).writer,
		async paths(parts) {
			const names = archiveSetNames(basename(out), parts);
			for (const name of names) if ((await fs.stat(resolve(folder, name))) !== null) throw new FileExistsError(name);
			return names;
		},
		remove: (path) => fs.unlink(resolve(folder, path)),
	};
}

/** `args`: what follows `album export` on the command line. */
export async function albumExportCommand(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
	if (positionals.length !== 2) throw new UsageError("album export takes a vault folder and an album name");
	if (values.out === undefined) throw new UsageError("album export needs --out FILE.zip, where to save the archive");
	const partSize = values["part-size"] === undefined ? undefined : parsePartSize(values["part-size"]);
	const [vaultPath, name] = positionals as [string, string];
	const out = resolve(values.out);
	const vault = await openVault(vaultPath, values["config-dir"]);
	// Like the other album commands: the album then holds what the vault holds now (cheap when nothing changed).
	if (!values["no-index"]) await vault.engine.indexAll();
	const album = await vault.engine.albums.find(name);
	if (album === null) {
		const known = (await vault.engine.albums.list()).map((a) => `"${a.title}"`);
		throw new UsageError(`there is no album named "${name}"${known.length > 0 ? ` (albums: ${known.join(", ")})` : " (this vault has no albums)"}`);
	}
	const progress = progressLine();
	const interrupt = listenForInterrupt();
	try {
		const summary = await vault.engine.exporter.exportAlbum(album, outDestination(out), {
			stripLocation: values["strip-location"],
			...(partSize === undefined ? {} : { maxPartBytes: partSize }),
			signal: interrupt.signal,
			onProgress: (p) => progress.show(`exporting${p.parts === undefined ? "" : ` part ${p.part ?? 1}/${p.parts}`} ${p.done}/${p.total} · ${formatBytes(p.bytes)}${p.path ? `  ${p.path}` : ""}`, p.done >= p.total),
		});
		progress.done();
		const archives = summary.archives.map((path) => resolve(dirname(out), path));
		process.stdout.write((values.json ? JSON.stringify({ ...summary, archive: archives[0], archives }, null, 2) : exportSummaryLines(summary, archives).join("\n")) + "\n");
		return 0;
	} catch (error) {
		progress.done();
		if (interrupt.signal.aborted) {
			process.stderr.write("photo-archivist: export cancelled; nothing was saved\n");
			return interrupt.exitCode;
		}
		if (error instanceof FileExistsError) throw new UsageError(`${resolve(dirname(out), error.path)} already exists: choose another name, or move that file away first`);
		if (error instanceof ExportRefusedError) {
			process.stderr.write(`photo-archivist: ${describeError(error)}\n`);
			return 1;
		}
		throw error;
	} finally {
		interrupt.dispose();
	}
}
