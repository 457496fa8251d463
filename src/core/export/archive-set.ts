/**
 * The file names of an export's archives: "Trip.zip" alone, or "Trip (part 1 of 3).zip"… when the album is
 * split; and the first such set of which no name is taken (" (2)", " (3)"… applied to the whole set, so the
 * parts of one export always share one name).
 */
import { safeSegment } from "./archive-names";
import { ExportRefusedError } from "./export-types";

/** "Trip.zip" for one part; "Trip (part 2 of 3).zip" for the second of three. The extension is kept as given. */
export function archiveSetNames(fileName: string, parts: number): string[] {
	if (parts === 1) return [fileName];
	const dot = fileName.lastIndexOf(".");
	const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
	const extension = dot > 0 ? fileName.slice(dot) : "";
	return Array.from({ length: parts }, (_, i) => `${stem} (part ${i + 1} of ${parts})${extension}`);
}

const MAX_TRIES = 1000;

/** The names for an album titled `title` in `parts` archives, none of them `taken`: "Trip.zip", else "Trip (2).zip"… */
export async function freeArchiveSet(title: string, parts: number, taken: (name: string) => Promise<boolean>): Promise<string[]> {
	const base = safeSegment(title, "Album");
	for (let n = 1; n <= MAX_TRIES; n++) {
		const names = archiveSetNames(n === 1 ? `${base}.zip` : `${base} (${n}).zip`, parts);
		let free = true;
		for (const name of names) {
			if (await taken(name)) {
				free = false;
				break;
			}
		}
		if (free) return names;
	}
	throw new ExportRefusedError(`every name from "${base}.zip" to "${base} (${MAX_TRIES}).zip" is taken`);
}

/** The file name of an archive path, for naming the other parts inside one. */
export function archiveFileName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}
