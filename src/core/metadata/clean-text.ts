/** Text fields as notes can show them: trimmed, without NULs or control characters, empty meaning absent. */

/** C0 controls except tab and newline, DEL and the C1 block: invisible, and they break YAML. */
function isControl(code: number): boolean {
	return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
}

/**
 * A cleaned string, or null when nothing printable is left. Markdown or YAML syntax in the text is kept
 * as it is: escaping belongs to the note writer, which knows the context.
 */
export function cleanText(value: unknown): string | null {
	if (typeof value !== "string") return null;
	const text = Array.from(value).filter((c) => !isControl(c.charCodeAt(0))).join("").trim();
	return text === "" ? null : text;
}

/** A finite number, or null. Zero and negatives count as unknown: EXIF writers use 0 for "not recorded". */
export function positiveNumber(value: unknown): number | null {
	const number = firstNumber(value);
	return number !== null && number > 0 ? number : null;
}

/** The number itself, or the first element of a numeric array (EXIF counts of more than one). */
export function firstNumber(value: unknown): number | null {
	const candidate = typeof value === "number" ? value : isNumberList(value) ? value[0] : undefined;
	return typeof candidate === "number" && Number.isFinite(candidate) ? candidate : null;
}

export function isNumberList(value: unknown): value is ArrayLike<number> {
	return (Array.isArray(value) || ArrayBuffer.isView(value)) && typeof (value as ArrayLike<unknown>)[0] === "number";
}
