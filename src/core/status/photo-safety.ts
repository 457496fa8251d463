/**
 * The 3-2-1 rule for one photo: at least three copies (the vault's original counts as one), on at least
 * two kinds of media (the vault's device is one), at least one of them offsite. Pure: the ledger and the
 * status view call it with the targets that hold the photo's content.
 */
import type { TargetConfig } from "../model/target-config";

/** The medium of the vault's own copy: the computer or phone the vault lives on. */
export const DEVICE_MEDIUM = "device";

export interface PhotoSafety {
	/** Copies of the photo's content: the vault's original (while present) plus each target holding it. */
	copies: number;
	/** Distinct media holding a copy, the device first, then the targets' media in the settings' order. */
	media: string[];
	/** Whether a target holding a copy is offsite. */
	offsite: boolean;
	/** Three copies, two media, one offsite. */
	meets321: boolean;
}

/** `holders`: the enabled targets whose manifest holds the photo's content. */
export function photoSafety(holders: readonly Pick<TargetConfig, "medium" | "offsite">[], originalPresent: boolean): PhotoSafety {
	const media: string[] = originalPresent ? [DEVICE_MEDIUM] : [];
	for (const holder of holders) {
		// "NAS" and "nas" are one medium: the setting is free text, typed by hand in the CLI.
		const medium = holder.medium.trim().toLowerCase() || "unknown";
		if (!media.includes(medium)) media.push(medium);
	}
	const copies = holders.length + (originalPresent ? 1 : 0);
	const offsite = holders.some((h) => h.offsite);
	return { copies, media, offsite, meets321: copies >= 3 && media.length >= 2 && offsite };
}
