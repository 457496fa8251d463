/** Whether a target already holds backups, as its manifest in the data folder records: then its encryption can no longer change. */
import type { DataStore } from "../ports/data-store";
import { parseManifest } from "./manifest";
import { manifestFileName } from "./manifest-store";

/** A manifest that cannot be read counts as holding backups: a wrong guess only asks for a new target. */
export async function targetHoldsData(data: DataStore, targetId: string): Promise<boolean> {
	const text = await data.read(manifestFileName(targetId));
	if (text === null) return false;
	try {
		return parseManifest(text).length > 0;
	} catch {
		return true;
	}
}
