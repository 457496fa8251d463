/**
 * What "keep this one" carries from the notes of the copies that go to the trash into the kept note, so
 * nothing the user wrote is lost: tags and albums (union), their other properties (added where the kept
 * note has none, lists joined), and their text outside the generated section, under a heading naming
 * where it came from. Pure and deterministic: the note store may apply an edit twice.
 */
import { MANAGED_PROPERTIES, PHOTO_PROPERTY } from "../notes/photo-properties";
import { escapeMarkdown } from "../notes/markdown-escape";
import { findGeneratedSection } from "../notes/merge-note";
import { NOTES_HEADING } from "../notes/render-photo-note";
import type { Properties } from "../ports/note-store";

export interface MergedNote {
	/** The photo the note belonged to. */
	photoPath: string;
	properties: Properties;
	/** The note's body (after the front matter). */
	body: string;
}

const MANAGED: ReadonlySet<string> = new Set(MANAGED_PROPERTIES);

function asList(value: unknown): unknown[] {
	if (value === null || value === undefined || value === "") return [];
	return Array.isArray(value) ? value : [value];
}

/** How Obsidian compares tags: without "#", case-insensitive. */
function tagKey(value: unknown): string {
	return String(value).replace(/^#/, "").toLowerCase();
}

/** An album link compared by its target: "[[Albums/Trip|Trip]]" and "[[Albums/Trip]]" are one album. */
function linkKey(value: unknown): string {
	const text = String(value).trim();
	const wiki = /^\[\[([^\]|#]*)/.exec(text);
	return (wiki?.[1] ?? text).trim().replace(/\.md$/i, "").toLowerCase();
}

function union(a: unknown, b: unknown, key: (value: unknown) => string): unknown[] {
	const out: unknown[] = [];
	const seen = new Set<string>();
	for (const value of [...asList(a), ...asList(b)]) {
		const k = key(value);
		if (seen.has(k)) continue;
		seen.add(k);
		out.push(value);
	}
	return out;
}

const jsonKey = (value: unknown): string => JSON.stringify(value);

function isEmpty(value: unknown): boolean {
	return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/**
 * Merges the user's properties of `others` into `kept`, in place. Returns, per other note, its values that
 * could not be merged (the kept note has another value there) as "name: value" lines, to be kept in the text.
 */
export function mergeUserProperties(kept: Properties, others: readonly MergedNote[]): string[][] {
	return others.map((other) => {
		const conflicts: string[] = [];
		for (const [name, value] of Object.entries(other.properties)) {
			if (MANAGED.has(name) || isEmpty(value)) continue;
			const current = kept[name];
			if (name === PHOTO_PROPERTY.tags) kept[name] = union(current, value, tagKey);
			else if (name === PHOTO_PROPERTY.albums) kept[name] = union(current, value, linkKey);
			else if (isEmpty(current)) kept[name] = structuredClone(value);
			else if (Array.isArray(current) && Array.isArray(value)) kept[name] = union(current, value, jsonKey);
			else if (jsonKey(current) !== jsonKey(value)) conflicts.push(`${name}: ${jsonKey(value)}`);
		}
		return conflicts;
	});
}

/**
 * The user's text of a photo note: everything outside the generated section, trimmed, without the empty
 * "Notes" heading every new note starts with (it is ours, and the kept note has its own).
 */
export function userText(body: string): string {
	const span = findGeneratedSection(body);
	const parts = span === null ? [body] : [body.slice(0, span.start), body.slice(span.end)];
	const text = parts.map((part) => part.replace(/\r\n/g, "\n").trim()).filter((part) => part !== "").join("\n\n");
	return text === NOTES_HEADING || text.startsWith(`${NOTES_HEADING}\n`) ? text.slice(NOTES_HEADING.length).trim() : text;
}

/**
 * The kept note's body with a part per other note that brings text (or property values that could not be
 * merged). Text already in the kept note (the same words, or merged before) is not added twice.
 */
export function appendMergedText(keptBody: string, others: readonly MergedNote[], conflicts: readonly string[][]): string {
	const eol = keptBody.includes("\r\n") ? "\r\n" : "\n";
	const present = keptBody.replace(/\r\n/g, "\n");
	const parts: string[] = [];
	others.forEach((other, i) => {
		const text = userText(other.body);
		const lines = conflicts[i] ?? [];
		const newText = text !== "" && !present.includes(text) && !parts.some((p) => p.includes(text)) ? text : "";
		if (newText === "" && lines.length === 0) return;
		const block = [`## From the note of ${escapeMarkdown(other.photoPath)}`, ""];
		if (newText !== "") block.push(newText, "");
		if (lines.length > 0) {
			block.push("Properties of that copy that differ from this note's:", "");
			for (const line of lines) block.push(`- ${escapeMarkdown(line)}`);
			block.push("");
		}
		const joined = block.join("\n").trimEnd();
		if (!present.includes(joined)) parts.push(joined);
	});
	if (parts.length === 0) return keptBody;
	const base = keptBody.replace(/\s+$/, "");
	return (base === "" ? "" : base + eol + eol) + parts.join("\n\n").replace(/\n/g, eol) + eol;
}
