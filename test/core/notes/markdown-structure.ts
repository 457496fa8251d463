// Checks on rendered Markdown: what a hostile string could break (tables, links, headings, front matter).

/** Occurrences of `token` not escaped by a backslash (an odd run of backslashes before it). */
export function unescaped(line: string, token: string): number {
	let count = 0;
	for (let i = line.indexOf(token); i >= 0; i = line.indexOf(token, i + 1)) {
		let slashes = 0;
		for (let j = i - 1; j >= 0 && line.charAt(j) === "\\"; j--) slashes++;
		if (slashes % 2 === 0) count++;
	}
	return count;
}

/** Every table row of `markdown` has `cells` cells: no value added a column or ended the table. */
export function tableRows(markdown: string): string[] {
	return markdown.split("\n").filter((line) => line.startsWith("|"));
}

export function cellCount(row: string): number {
	return unescaped(row, "|") - 1;
}
