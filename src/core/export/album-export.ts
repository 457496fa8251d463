/**
 * "Export album as ZIP": the album's photos in album order (originals, copies without location, or resized
 * copies), its note, and index.html, streamed into one archive; an album larger than a part is split into
 * several archives, each complete (planned in export-plan.ts, saved together in write-together.ts).
 * Everything that can refuse the export is checked before the first byte is written; a photo that cannot be
 * exported as asked is left out and said so.
 */
import { ALBUM_PROPERTY } from "../albums/album-note";
import type { AlbumInfo, AlbumService } from "../albums/album-types";
import { fileNameOf } from "../index/read-photo";
import type { PhotoRecord } from "../model/photo-record";
import type { FileEntry, FileStore } from "../ports/file-store";
import type { NoteStore } from "../ports/note-store";
import { archiveNames, safeSegment } from "./archive-names";
import { archiveFileName } from "./archive-set";
import { contactSheet, type SheetPart, type SheetPhoto } from "./contact-sheet";
import { planExport } from "./export-plan";
import { preparePhoto } from "./export-photo";
import { sizeText } from "./export-text";
import {
	type ExportDestination, type ExportedPhotoIssue, type ExportOptions, ExportRefusedError, type ExportService, type ExportSummary,
} from "./export-types";
import { writeTogether } from "./write-together";
import { DEFAULT_PART_BYTES, ZIP_MAX_BYTES } from "./zip-limits";
import { type ZipEntry, zipStream } from "./zip-stream";

export interface ExportDeps {
	files: FileStore;
	notes: NoteStore;
	albums: AlbumService;
	now?: () => Date;
}

interface Member {
	record: PhotoRecord;
	entry: FileEntry;
}

/** The album note's `description` property, read without writing (an edit that changes nothing writes nothing). */
async function descriptionOf(notes: NoteStore, path: string): Promise<string | null> {
	let description: unknown = null;
	try {
		await notes.update(path, { properties: (properties) => { description = properties[ALBUM_PROPERTY.description]; } });
	} catch {
		return null;
	}
	if (Array.isArray(description)) return description.filter((line) => typeof line === "string").join("\n");
	return typeof description === "string" ? description : null;
}

async function membersInVault(files: FileStore, records: readonly PhotoRecord[], leftOut: ExportedPhotoIssue[]): Promise<Member[]> {
	const members: Member[] = [];
	for (const record of records) {
		const entry = await files.stat(record.path);
		if (entry !== null) members.push({ record, entry });
		else if (record.offloadedAt !== undefined) leftOut.push({ path: record.path, reason: "its original was moved out of the vault by Free up space: restore it first" });
		else leftOut.push({ path: record.path, reason: "its original is not in the vault" });
	}
	return members;
}

function partLimit(maxPartBytes: number | undefined): number {
	if (maxPartBytes === undefined) return DEFAULT_PART_BYTES;
	if (!Number.isFinite(maxPartBytes) || maxPartBytes <= 0) throw new RangeError(`maxPartBytes must be a positive number of bytes, not ${maxPartBytes}`);
	return Math.min(Math.floor(maxPartBytes), ZIP_MAX_BYTES);
}

function tooLargeReason(size: number, limit: number): string {
	const zip = limit >= DEFAULT_PART_BYTES ? ": ZIP without ZIP64, which is not supported, cannot store a file this large" : "";
	return `it is ${sizeText(size)}, more than one archive may hold (${sizeText(limit)})${zip}`;
}

export async function exportAlbum(deps: ExportDeps, wanted: string | AlbumInfo, destination: ExportDestination, options: ExportOptions = {}): Promise<ExportSummary> {
	const album = typeof wanted === "string" ? await deps.albums.find(wanted) : wanted;
	if (album === null) throw new ExportRefusedError(`there is no album named "${typeof wanted === "string" ? wanted : wanted.title}"`);
	const now = deps.now ?? (() => new Date());
	const strip = options.stripLocation === true;
	const limit = partLimit(options.maxPartBytes);
	const summary: ExportSummary = {
		album: album.title, archive: "", archives: [], photos: 0, bytes: 0, locationRemoved: 0, resized: 0, notResized: [], leftOut: [],
	};
	const records = await deps.albums.members(album.path);
	const members = await membersInVault(deps.files, records, summary.leftOut);
	if (members.length === 0) {
		throw new ExportRefusedError(records.length === 0 ? `the album "${album.title}" has no photos` : `none of the ${records.length} photos of "${album.title}" has its original in the vault`);
	}
	const names = archiveNames(album.title, members.length);
	const noteText = await deps.notes.read(album.path);
	const noteName = safeSegment(fileNameOf(album.path), "album.md");
	const description = noteText === null ? null : await descriptionOf(deps.notes, album.path);
	// Resized copies are planned at their originals' size: smaller in the end, by an amount nobody knows beforehand.
	const plan = planExport({
		photos: members.map((m, i) => ({ name: names.photo(i, fileNameOf(m.record.path)), size: m.entry.size })),
		root: (parts) => names.partRoot(parts, parts),
		note: noteText === null ? null : { name: noteName, bytes: new TextEncoder().encode(noteText).length },
		limit,
	});
	const parts = plan.parts.map((indices) => indices.map((i) => ({ index: i, member: members[i] as Member })));
	for (const i of plan.tooLarge) {
		const { record, entry } = members[i] as Member;
		summary.leftOut.push({ path: record.path, reason: tooLargeReason(entry.size, limit) });
	}
	if (parts.length === 0) throw new ExportRefusedError(`no photo of "${album.title}" can be exported: each is larger than one archive may hold (${sizeText(limit)})`);
	const planned = plan.bytes.reduce((a, b) => a + b, 0);
	const tooLarge = (bytes: number): string =>
		`"${album.title}" would make ${parts.length === 1 ? "a ZIP archive" : "ZIP archives"} of ${sizeText(bytes)}, more than the ${sizeText(options.maxBytes ?? 0)} allowed here.${options.maxBytesHint ? ` ${options.maxBytesHint}` : ""}`;
	if (options.maxBytes !== undefined && !options.resize && planned > options.maxBytes) throw new ExportRefusedError(tooLarge(planned));

	const paths = await destination.paths(parts.length);
	if (paths.length !== parts.length) throw new Error(`the destination named ${paths.length} archives for ${parts.length} parts`);
	summary.archives = [...paths];
	summary.archive = paths[0] ?? "";
	const sheetPart = (number: number): SheetPart => ({
		number,
		archives: parts.map((part, i) => ({ file: archiveFileName(paths[i] ?? ""), first: names.number(part[0]?.index ?? 0), last: names.number(part[part.length - 1]?.index ?? 0) })),
	});

	let written = 0;
	const progress = (part: number, path?: string): void => options.onProgress?.({
		done: summary.photos + summary.leftOut.length, total: records.length, bytes: written,
		...(path ? { path } : {}), ...(parts.length > 1 ? { part: part + 1, parts: parts.length } : {}),
	});

	async function* entries(part: number): AsyncGenerator<ZipEntry> {
		const root = names.partRoot(part + 1, parts.length);
		const sheet: SheetPhoto[] = [];
		for (const { index, member: { record, entry } } of parts[part] ?? []) {
			progress(part, record.path);
			const nameFor = (fileName: string): string => names.photo(index, fileName);
			const photo = await preparePhoto(deps.files, { record, entry, nameFor }, { stripLocation: strip, ...(options.resize ? { resize: options.resize } : {}) });
			if (photo.notResized !== null) summary.notResized.push({ path: record.path, reason: photo.notResized });
			if (!photo.included) {
				summary.leftOut.push({ path: record.path, reason: photo.reason });
				continue;
			}
			sheet.push(photo.sheet);
			if (photo.resized) summary.resized++;
			if (strip) summary.locationRemoved++;
			yield { ...photo.entry, name: `${root}/${photo.entry.name}` };
			summary.photos++;
		}
		progress(part);
		const text = (name: string, content: string): ZipEntry => ({ name: `${root}/${name}`, modified: now(), deflate: true, body: new TextEncoder().encode(content) });
		if (noteText !== null) yield text(noteName, noteText);
		yield text("index.html", contactSheet({
			title: summary.album, description, photos: sheet, locationRemoved: strip, ...(parts.length > 1 ? { part: sheetPart(part + 1) } : {}),
		}));
	}

	async function* counted(archive: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
		for await (const chunk of archive) {
			written += chunk.length;
			if (options.maxBytes !== undefined && written > options.maxBytes) throw new ExportRefusedError(`${tooLarge(written)} Nothing was saved.`);
			yield chunk;
		}
	}

	await writeTogether(destination, paths, (part) => counted(zipStream(entries(part), options.signal ? { signal: options.signal } : {})));
	summary.bytes = written;
	return summary;
}

export function createExportService(deps: ExportDeps): ExportService {
	return { exportAlbum: (album, destination, options) => exportAlbum(deps, album, destination, options) };
}
