/**
 * Whether two property sets mean the same (what a note store's update compares before writing): numbers,
 * strings, booleans, null, lists and maps compared by value, key order and undefined-valued keys ignored.
 */
export function propertiesEqual(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		return a.every((item, i) => propertiesEqual(item, b[i]));
	}
	if (isMap(a) && isMap(b)) {
		const keys = (map: Record<string, unknown>) => Object.keys(map).filter((key) => map[key] !== undefined);
		const aKeys = keys(a);
		const bKeys = keys(b);
		if (aKeys.length !== bKeys.length) return false;
		return aKeys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && propertiesEqual(a[key], b[key]));
	}
	if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
	return false;
}

function isMap(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
