/** How a copy a verification found faulty reads in a note and a report: "missing on NAS", "corrupt on NAS". */
import type { CopyFault, ManifestEntry } from "../backup/manifest";
import type { BackupRow } from "../notes/generated-section";
import { formatIsoTime } from "../notes/format-values";

/** Lower-case, to sit inside a sentence: "missing on NAS", "corrupt on NAS (wrong size)". */
export function faultText(fault: CopyFault, targetName: string): string {
	switch (fault) {
		case "missing":
			return `missing on ${targetName}`;
		case "wrong-size":
			return `corrupt on ${targetName} (wrong size)`;
		case "corrupt":
			return `corrupt on ${targetName}`;
	}
}

/** The note's Backups row for a target whose only copy of the photo is faulty. */
export function faultRow(targetName: string, entry: ManifestEntry & { fault: CopyFault }): BackupRow {
	const text = faultText(entry.fault, targetName);
	const found = entry.faultAt === undefined ? "" : `found ${formatIsoTime(entry.faultAt, false)}; `;
	const row: BackupRow = {
		target: targetName,
		status: text.charAt(0).toUpperCase() + text.slice(1),
		remotePath: entry.remotePath,
		uploaded: entry.uploadedAt,
		detail: `${found}uploaded again by the next backup`,
	};
	if (entry.verifiedAt !== undefined) row.verified = entry.verifiedAt;
	return row;
}

export function isFaulty(entry: ManifestEntry): entry is ManifestEntry & { fault: CopyFault } {
	return entry.fault !== undefined;
}
