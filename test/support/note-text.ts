// Reads a note's front matter with the `yaml` package, independently of the code under test.
import { parse } from "yaml";

export function frontMatterOf(text: string): Record<string, unknown> {
	const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
	if (!match) throw new Error("note has no front matter");
	return (parse(match[1] ?? "") ?? {}) as Record<string, unknown>;
}
