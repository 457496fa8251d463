/**
 * QuickTime and MP4 videos (.mov .mp4 .m4v .3gp): creation time and duration from mvhd, frame size from the
 * video track's tkhd, camera and place from metadata atoms. Only the moov box is read, wherever it sits;
 * the media data is never fetched.
 */
import { latin1, u32, u64 } from "../binary";
import { positiveNumber, cleanText } from "../clean-text";
import type { FormatReader } from "../format-reader";
import { positionFromIso6709 } from "../gps";
import { fillMissing, type MetadataDraft } from "../metadata-draft";
import type { RangedFile } from "../ranged-file";
import { instantFromQuickTime, takenFrom } from "../taken-time";
import { type Box, boxBody, childBoxes, ftypBrands, listBoxes } from "./bmff-boxes";
import { type QuickTimeTags, readQuickTimeTags } from "./quicktime-metadata";

/** Files from before `ftyp` existed start straight with one of these atoms. */
const CLASSIC_FIRST_ATOMS = new Set(["moov", "mdat", "wide", "free", "skip", "pnot"]);

function canHandle(head: Uint8Array): boolean {
	if (ftypBrands(head)) return true;
	return head.length >= 8 && u32(head, 0) >= 8 && CLASSIC_FIRST_ATOMS.has(latin1(head, 4, 4));
}

/** mvhd: version 0 has 32-bit times, version 1 64-bit (ISO/IEC 14496-12 §8.2.2). */
function movieHeader(b: Uint8Array): MetadataDraft {
	const v1 = b[0] === 1;
	const created = v1 ? u64(b, 4) : u32(b, 4);
	const timescale = u32(b, v1 ? 20 : 12);
	const duration = v1 ? u64(b, 24) : u32(b, 16);
	return {
		taken: instantFromQuickTime(created),
		takenSource: "quicktime",
		duration: timescale > 0 && duration > 0 && duration < 0xffffffff ? duration / timescale : null,
	};
}

/** tkhd ends with width and height in 16.16 fixed point, 84 (v0) or 96 (v1) bytes into its content. */
function trackSize(b: Uint8Array): MetadataDraft {
	const at = b[0] === 1 ? 88 : 76;
	if (b.length < at + 8) return {};
	const width = Math.round(u32(b, at) / 65536), height = Math.round(u32(b, at + 4) / 65536);
	return width > 0 && height > 0 ? { width, height } : {};
}

/** The size of the first video track (handler "vide"), else of the first track that has a size. */
async function videoSize(file: RangedFile, traks: Box[]): Promise<MetadataDraft> {
	let fallback: MetadataDraft = {};
	for (const trak of traks) {
		const children = await childBoxes(file, trak);
		const tkhd = children.find((c) => c.type === "tkhd");
		const size = tkhd ? trackSize(await boxBody(file, tkhd)) : {};
		const mdia = children.find((c) => c.type === "mdia");
		const hdlr = mdia ? (await childBoxes(file, mdia)).find((c) => c.type === "hdlr") : undefined;
		const handler = hdlr ? latin1(await file.bytes(hdlr.body + 8, hdlr.body + 12), 0, 4) : "";
		if (handler === "vide" && size.width) return size;
		if (!fallback.width) fallback = size;
	}
	return fallback;
}

function fromTags(tags: QuickTimeTags): MetadataDraft {
	const get = (...names: string[]) => names.map((n) => tags.get(n)).find((v) => v !== undefined);
	const position = positionFromIso6709(get("com.apple.quicktime.location.ISO6709", "\u00a9xyz"));
	const number = (name: string) => positiveNumber(Number(tags.get(name)));
	return {
		// The creation date key carries the camera's offset ("2024-05-01T10:11:12+0200"); mvhd only UTC.
		taken: takenFrom(get("com.apple.quicktime.creationdate")),
		takenSource: "quicktime",
		make: cleanText(get("com.apple.quicktime.make", "\u00a9mak", "pentax.make")),
		model: cleanText(get("com.apple.quicktime.model", "\u00a9mod")),
		latitude: position?.latitude ?? null,
		longitude: position?.longitude ?? null,
		altitude: position?.altitude ?? null,
		exposureTime: number("pentax.exposureTime"),
		aperture: number("pentax.fNumber"),
		focalLength: number("pentax.focalLength"),
		iso: number("pentax.iso"),
	};
}

export const quickTimeReader: FormatReader = {
	name: "quicktime",
	mimes: ["video/quicktime", "video/mp4", "video/x-m4v", "video/3gpp"],
	canHandle,
	async read(file, draft) {
		const moov = (await listBoxes(file, 0, file.size)).find((box) => box.type === "moov");
		if (!moov) return;
		const children = await childBoxes(file, moov);
		fillMissing(draft, fromTags(await readQuickTimeTags(file, children)));
		const mvhd = children.find((c) => c.type === "mvhd");
		if (mvhd) fillMissing(draft, movieHeader(await boxBody(file, mvhd)));
		fillMissing(draft, await videoSize(file, children.filter((c) => c.type === "trak")));
	},
};
