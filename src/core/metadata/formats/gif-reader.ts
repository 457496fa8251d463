/** GIF: only the logical screen size; GIF has no standard place for a taken date or camera. */
import { startsWith, u16 } from "../binary";
import type { FormatReader } from "../format-reader";
import { fillMissing } from "../metadata-draft";

export const gifReader: FormatReader = {
	name: "gif",
	mimes: ["image/gif"],
	canHandle: (head) => startsWith(head, "GIF87a") || startsWith(head, "GIF89a"),
	async read(file, draft) {
		const head = await file.bytes(0, 10);
		if (head.length === 10) fillMissing(draft, { width: u16(head, 6, true) || null, height: u16(head, 8, true) || null });
	},
};
