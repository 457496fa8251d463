// The index file as version 2 wrote it (photo-index.jsonl), for the tests that carry such a library over to
// version 3: the writer left the product when version 3 replaced it, the reader stays.
import type { PhotoRecord } from "../../../src/core/model/photo-record";

const META_FIELDS = [
	"taken", "takenSource", "make", "model", "lens", "focalLength", "aperture", "exposureTime", "iso",
	"latitude", "longitude", "altitude", "width", "height", "orientation", "mime", "duration",
] as const;
const TABLED: ReadonlySet<string> = new Set(["takenSource", "make", "model", "lens", "mime"]);

export function legacyIndexText(records: readonly PhotoRecord[], notes = "Photo Notes/"): string {
	const sorted = [...records].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const strings: string[] = [];
	const place = (value: string): number => {
		if (!strings.includes(value)) strings.push(value);
		return strings.indexOf(value);
	};
	const lines = sorted.map((r) => {
		const row: unknown[] = [r.path, r.size, r.mtimeMs, r.sha256, r.note === notes + r.path + ".md" ? null : r.note, r.missingSince ?? null, r.offloadedAt ?? null];
		for (const field of META_FIELDS) {
			const value = r.meta[field] ?? null;
			row.push(typeof value === "string" && TABLED.has(field) ? place(value) : value);
		}
		while (row.length > 7 && row[row.length - 1] === null) row.pop();
		return JSON.stringify(row);
	});
	const header = { format: "photo-archivist-index", version: 2, count: sorted.length, notes, strings };
	return JSON.stringify(header) + "\n" + lines.map((l) => l + "\n").join("");
}
