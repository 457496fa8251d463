/**
 * The duplicate report note (`<notes folder>/Duplicates.md`): each group with links to the photos' notes,
 * their sizes, dates, dimensions and metadata, the copy with the most metadata starred, and a "Keep this
 * one" link per member. Only the part between its markers is rewritten by each search; the user's text
 * around it stays as it was.
 */
import { formatBytes, formatIsoTime } from "../notes/format-values";
import { escapeMarkdown } from "../notes/markdown-escape";
import { replaceGeneratedSection } from "../notes/merge-note";
import { encodeLinkPath, isWikilinkSafe } from "../notes/photo-link";
import { SECTION_END } from "../notes/generated-section";
import type { NoteStore } from "../ports/note-store";
import type { DuplicateGroup, DuplicateMember, DuplicateReport } from "./duplicate-types";
import type { NotComparedReason } from "./preview-hash";

export const REPORT_NOTE_NAME = "Duplicates.md";
/** The obsidian:// action the plugin registers for "Keep this one" links. */
export const KEEP_ACTION = "photo-archivist-keep";

const BEGIN = "<!-- photo-archivist:begin (duplicate report, rewritten by each \"Find duplicate photos\": edits between these markers are replaced) -->";
/** A report of 100,000 photos must stay a note Obsidian opens quickly; the CLI's --json lists every group. */
const MAX_GROUPS = 500;

const REASON_WORDS: Record<NotComparedReason, string> = {
	video: "videos",
	plain: "blank or nearly uniform pictures",
	format: "in a format this device cannot decode",
	"too-large": "too large to decode here",
	unreadable: "could not be decoded",
};

export function reportNotePath(notesFolder: string): string {
	const folder = notesFolder.split("/").filter((p) => p !== "").join("/");
	return folder === "" ? REPORT_NOTE_NAME : `${folder}/${REPORT_NOTE_NAME}`;
}

/** A URL component, with the characters encodeURIComponent leaves that would end a Markdown link. */
function component(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function keepUrl(photoPath: string, vaultName?: string): string {
	const vault = vaultName === undefined ? "" : `vault=${component(vaultName)}&`;
	return `obsidian://${KEEP_ACTION}?${vault}photo=${component(photoPath)}`;
}

/** A link to the member's note that can sit in a table cell. */
function noteLink(member: DuplicateMember): string {
	if (isWikilinkSafe(member.note) && isWikilinkSafe(member.path) && !member.path.includes("\\")) return `[[${member.note}\\|${member.path}]]`;
	return `[${escapeMarkdown(member.path)}](<${encodeLinkPath(member.note)}>)`;
}

/** How the member's picture compares with the group's first member's. */
function difference(group: DuplicateGroup, member: DuplicateMember): string {
	const first = group.members[0];
	if (first === undefined || member === first) return "";
	if (member.sha256 === first.sha256) return "identical";
	return member.distance === null ? "" : `${member.distance} of 64`;
}

function memberRow(group: DuplicateGroup, member: DuplicateMember, vaultName?: string): string {
	const cells = [
		member.mostMetadata ? "★" : "",
		noteLink(member),
		formatBytes(member.size),
		member.taken === null ? "" : escapeMarkdown(formatIsoTime(member.taken)) + (member.takenFromFile ? " (file date)" : ""),
		member.width !== null && member.height !== null ? `${member.width} × ${member.height}` : "",
		String(member.metadataFields),
	];
	if (group.kind === "similar") cells.push(difference(group, member));
	cells.push(`[Keep this one](${keepUrl(member.path, vaultName)})`);
	return `| ${cells.join(" | ")} |`;
}

function groupLines(group: DuplicateGroup, n: number, vaultName?: string): string[] {
	const first = group.members[0];
	const name = first === undefined ? "" : escapeMarkdown(first.path.slice(first.path.lastIndexOf("/") + 1));
	const title = `### ${n}. ${name} (${group.members.length} ${group.kind === "identical" ? "identical copies" : "look-alikes"})`;
	const head = group.kind === "similar"
		? ["|  | Photo | Size | Taken | Dimensions | Metadata | Differs by |  |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
		: ["|  | Photo | Size | Taken | Dimensions | Metadata |  |", "| --- | --- | --- | --- | --- | --- | --- |"];
	return [title, "", ...head, ...group.members.map((m) => memberRow(group, m, vaultName)), ""];
}

function summary(report: DuplicateReport, at: string): string[] {
	const n = (value: number): string => value.toLocaleString("en-US");
	const skipped = report.notCompared.map((c) => `${n(c.count)} ${REASON_WORDS[c.reason]}`);
	const identical = report.groups.filter((g) => g.kind === "identical").length;
	const lines = [
		`Searched ${formatIsoTime(at, false)}: ${n(report.photos)} photos, ${n(report.compared)} of them compared by picture` +
			(skipped.length > 0 ? ` (not compared: ${skipped.join(", ")})` : "") + `. Look-alike threshold: ${report.threshold} of 64 bits.`,
		"",
	];
	if (report.groups.length === 0) return [...lines, "No duplicates found."];
	lines.push(
		`**${n(report.groups.length)} groups**: ${n(identical)} of identical copies, ${n(report.groups.length - identical)} of look-alikes. ` +
			"★ marks the copy with the most metadata. *Keep this one* (or the command *Keep this photo, remove its duplicates* on a photo's note) " +
			"shows what would go and asks first; then the other copies' tags, albums and text are merged into the kept note, " +
			"and their originals and notes go to the trash.",
	);
	return lines;
}

/** The generated section, markers included, for `report` made at the ISO time `at`. */
export function renderReportSection(report: DuplicateReport, at: string, vaultName?: string): string {
	const lines = [BEGIN, ...summary(report, at)];
	const shown = report.groups.slice(0, MAX_GROUPS);
	let n = 0;
	for (const kind of ["identical", "similar"] as const) {
		const groups = shown.filter((g) => g.kind === kind);
		if (groups.length === 0) continue;
		lines.push("", kind === "identical" ? "## Identical copies" : "## Look-alikes", "");
		for (const group of groups) lines.push(...groupLines(group, ++n, vaultName));
	}
	if (report.groups.length > MAX_GROUPS) {
		lines.push("", `…and ${(report.groups.length - MAX_GROUPS).toLocaleString("en-US")} more groups; deal with these first and search again.`);
	}
	lines.push(SECTION_END);
	return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}

/** Writes the section into the report note: a new note with a heading, or only the section of an existing one. */
export async function writeReportNote(notes: NoteStore, path: string, section: string): Promise<void> {
	const text = await notes.read(path);
	if (text === null) {
		await notes.create(path, {}, `# Duplicate photos\n\n${section}\n`);
		return;
	}
	// Markers deleted by the user: the fresh section goes on top, the whole old body stays below it.
	await notes.update(path, { body: (body) => replaceGeneratedSection(body, section) });
}
