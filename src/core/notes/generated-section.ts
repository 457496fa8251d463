/**
 * The part of a photo's note that the index writes and rewrites: the photo's embed, a table of its
 * metadata, where it is backed up, and a warning while the original is missing. It sits between two
 * HTML comments (invisible in reading view) so a re-index can replace it without touching the user's text.
 */
import type { PhotoRecord } from "../model/photo-record";
import {
	finite, formatBytes, formatCoordinates, formatDuration, formatExposure, formatIsoTime, openStreetMapUrl, trimNumber,
} from "./format-values";
import { escapeMarkdown } from "./markdown-escape";
import { photoEmbed } from "./photo-link";

export const SECTION_BEGIN =
	"<!-- photo-archivist:begin (written by Photo Archivist: edits between these markers are replaced when the photo is re-indexed) -->";
export const SECTION_END = "<!-- photo-archivist:end -->";

/** One line of the "Backups" part; filled by the backup feature, escaped like any other text. */
export interface BackupRow {
	/** The backup target's name as the user set it up. */
	target: string;
	/** Plain words: "Backed up", "Outdated", "Failed: disk full"… */
	status: string;
	/** Where the copy is, relative to the target's root folder. */
	remotePath?: string;
	/** ISO times: when the copy was uploaded, and when it was last checked against the original. */
	uploaded?: string;
	verified?: string;
	/** Any further detail. */
	detail?: string;
}

export interface SectionOptions {
	/** Backup locations of the photo; empty or absent renders "Not backed up yet". */
	backups?: readonly BackupRow[];
}

/** The whole section, begin and end markers included, without a trailing newline. */
export function renderGeneratedSection(record: PhotoRecord, options: SectionOptions = {}): string {
	const lines: string[] = [SECTION_BEGIN];
	if (record.missingSince !== undefined && record.offloadedAt !== undefined) {
		lines.push(`> [!info] Original offloaded on ${escapeMarkdown(formatIsoTime(record.offloadedAt, false))} to free up space`);
		lines.push("> Its verified copies are listed under Backups below. Run \"Restore original of current photo\" to bring it back.");
		lines.push("");
	} else if (record.missingSince !== undefined) {
		lines.push(`> [!warning] Original missing since ${escapeMarkdown(formatIsoTime(record.missingSince, false))}`);
		lines.push("> The photo is no longer in the vault. This note is kept; restore the file from a backup to clear this.");
		lines.push("");
	}
	// The embed is inside the section, not above it: when the CLI sees a photo moved (Obsidian is not there to
	// update links), the next write fixes the embed along with everything else.
	lines.push(photoEmbed(record.path), "");
	lines.push("| Detail | Value |", "| --- | --- |");
	for (const [label, value] of detailRows(record)) lines.push(`| ${label} | ${value} |`);
	lines.push("", "### Backups", "");
	lines.push(...backupLines(options.backups ?? []));
	lines.push(SECTION_END);
	return lines.join("\n");
}

/** [label, Markdown value] pairs for what is known; values from the file are escaped, ours are built safe. */
function detailRows(record: PhotoRecord): Array<[string, string]> {
	const m = record.meta;
	const duration = positive(m.duration);
	const rows: Array<[string, string | null]> = [
		["Taken", m.taken === null ? null : escapeMarkdown(takenText(m.taken, m.takenSource))],
		["Camera", camera(m.make, m.model)],
		["Lens", text(m.lens)],
		["Exposure", suffix(formatExposure(m.exposureTime), " s")],
		["Aperture", suffix(finiteText(m.aperture, 1), "", "f/")],
		["ISO", finiteText(m.iso, 0)],
		["Focal length", suffix(finiteText(m.focalLength, 1), " mm")],
		["Dimensions", dimensions(finite(m.width), finite(m.height))],
		["Duration", duration === null ? null : formatDuration(duration)],
		["Location", location(finite(m.latitude), finite(m.longitude))],
		["Altitude", suffix(finiteText(m.altitude, 0), " m")],
		["Size", `${formatBytes(record.size)} (${record.size} bytes)`],
		["SHA-256", `\`${record.sha256}\``],
	];
	return rows.filter((row): row is [string, string] => row[1] !== null);
}

function takenText(taken: string, source: PhotoRecord["meta"]["takenSource"]): string {
	const shown = formatIsoTime(taken);
	return source === "file" ? `${shown}, from the file's date (the photo records none)` : shown;
}

function text(value: string | null): string | null {
	return value === null || value.trim() === "" ? null : escapeMarkdown(value);
}

/** "Canon" + "Canon EOS R5" reads "Canon EOS R5", not "Canon Canon EOS R5". */
function camera(make: string | null, model: string | null): string | null {
	const mk = make?.trim() ?? "";
	const md = model?.trim() ?? "";
	if (mk !== "" && md.toLowerCase().startsWith(mk.toLowerCase())) return text(md);
	return text([mk, md].filter((part) => part !== "").join(" "));
}

function finiteText(value: number | null | undefined, decimals: number): string | null {
	const n = finite(value);
	return n === null ? null : trimNumber(n, decimals);
}

function positive(value: number | null | undefined): number | null {
	const n = finite(value);
	return n !== null && n > 0 ? n : null;
}

function suffix(value: string | null, after: string, before = ""): string | null {
	return value === null ? null : `${before}${value}${after}`;
}

function dimensions(width: number | null, height: number | null): string | null {
	if (width === null || height === null) return null;
	const megapixels = (width * height) / 1_000_000;
	return `${width} × ${height}${megapixels >= 0.1 ? ` (${trimNumber(megapixels, 1)} MP)` : ""}`;
}

function location(latitude: number | null, longitude: number | null): string | null {
	if (latitude === null || longitude === null) return null;
	return `[${formatCoordinates(latitude, longitude)}](${openStreetMapUrl(latitude, longitude)})`;
}

function backupLines(backups: readonly BackupRow[]): string[] {
	if (backups.length === 0) return ["Not backed up yet."];
	const lines = ["| Target | Status | Detail |", "| --- | --- | --- |"];
	for (const row of backups) {
		lines.push(`| ${escapeMarkdown(row.target)} | ${escapeMarkdown(row.status)} | ${escapeMarkdown(backupDetail(row))} |`);
	}
	return lines;
}

/** "2024/06/IMG_1.HEIC, uploaded 2024-07-02 10:15 UTC, verified …": times as stored, never in the machine's zone. */
function backupDetail(row: BackupRow): string {
	const parts: string[] = [];
	if (row.remotePath !== undefined) parts.push(row.remotePath);
	if (row.uploaded !== undefined) parts.push(`uploaded ${formatIsoTime(row.uploaded, false)}`);
	if (row.verified !== undefined) parts.push(`verified ${formatIsoTime(row.verified, false)}`);
	if (row.detail !== undefined && row.detail !== "") parts.push(row.detail);
	return parts.join(", ");
}
