// normalizePath, parseYaml, stringifyYaml and the front-matter split, as the fake's Obsidian does them.
import { parse, stringify } from "yaml";

/** Obsidian's rules: one "/" between segments, none at either end, "/" for the root, NFC, no-break spaces as spaces. */
export function normalizePath(path: string): string {
	let result = path.replace(/([\\/])+/g, "/").replace(/(^\/+|\/+$)/g, "");
	if (result === "") result = "/";
	return result.replace(/\u00A0|\u202F/g, " ").normalize("NFC");
}

export function parseYaml(yaml: string): unknown {
	return parse(yaml) as unknown;
}

export function stringifyYaml(obj: unknown): string {
	return stringify(obj);
}

export interface FrontMatterSplit {
	/** The YAML between the fences, without them; null when the note has no front matter. */
	yaml: string | null;
	body: string;
}

/** A note's front matter starts with "---" on the very first line and ends at the next "---" line. */
export function splitNote(text: string): FrontMatterSplit {
	const match = /^---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/.exec(text);
	if (!match) return { yaml: null, body: text };
	return { yaml: match[1] ?? "", body: text.slice(match[0].length) };
}

/** The front matter as an object: {} when absent or empty; throws when it is not a YAML mapping. */
export function parseFrontMatter(yaml: string | null): Record<string, unknown> {
	if (yaml === null) return {};
	const parsed = parseYaml(yaml);
	if (parsed === null || parsed === undefined) return {};
	if (typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("Front matter is not a YAML mapping");
	return parsed as Record<string, unknown>;
}

export function joinNote(properties: Record<string, unknown>, body: string): string {
	if (Object.keys(properties).length === 0) return body;
	return `---\n${stringifyYaml(properties)}---\n${body}`;
}
