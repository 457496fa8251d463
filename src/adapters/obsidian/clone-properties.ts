/** A deep copy of parsed front matter, so an edit can be tried out before anything is written. */
import type { Properties } from "../../core/ports/note-store";

/** Copies YAML-shaped data (plain objects, arrays, scalars, dates); the edit may mutate the copy freely. */
export function cloneProperties(properties: Properties): Properties {
	return cloneValue(properties) as Properties;
}

function cloneValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(cloneValue);
	if (value instanceof Date) return new Date(value.getTime());
	if (typeof value === "object" && value !== null) {
		const copy: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value)) copy[key] = cloneValue(inner);
		return copy;
	}
	return value;
}
