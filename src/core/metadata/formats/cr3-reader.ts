/**
 * Canon CR3 (ISO base media): EXIF lives in moov/uuid(85c0b687-…) as separate TIFF structures, CMT1 for
 * IFD0, CMT2 for the Exif IFD and CMT4 for the GPS IFD, each starting with its own TIFF header.
 */
import type { FormatReader } from "../format-reader";
import { fillMissing } from "../metadata-draft";
import type { RangedFile } from "../ranged-file";
import { EMPTY_TAGS, fieldsFromTags, readTiffTags, type TagMap } from "../tiff-fields";
import { type Box, boxBody, childBoxes, ftypBrands, listBoxes } from "./bmff-boxes";

const CANON_UUID = "85c0b687820f11e08111f4ce462b6a48";

async function uuidOf(file: RangedFile, box: Box): Promise<string> {
	const bytes = await file.bytes(box.body, box.body + 16);
	return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** IFD0 of the TIFF structure in `box`, which CR3 uses for whichever directory the box stands for. */
async function directoryIn(file: RangedFile, box: Box | undefined): Promise<TagMap> {
	return box ? (await readTiffTags(await boxBody(file, box))).ifd0 : EMPTY_TAGS.ifd0;
}

export const cr3Reader: FormatReader = {
	name: "cr3",
	mimes: ["image/x-canon-cr3"],
	canHandle: (head) => ftypBrands(head)?.[0] === "crx ",
	async read(file, draft) {
		const moov = (await listBoxes(file, 0, file.size)).find((box) => box.type === "moov");
		if (!moov) return;
		for (const box of await childBoxes(file, moov)) {
			if (box.type !== "uuid" || (await uuidOf(file, box)) !== CANON_UUID) continue;
			const parts = await listBoxes(file, box.body + 16, box.end);
			const part = (type: string) => parts.find((p) => p.type === type);
			const ifd0 = await directoryIn(file, part("CMT1"));
			const exif = await directoryIn(file, part("CMT2"));
			const gps = await directoryIn(file, part("CMT4"));
			fillMissing(draft, fieldsFromTags({ ifd0, exif, gps }));
			return;
		}
	},
};
